import Foundation
import Linalg

/// The OpenBLAS kernel family hashlab computes with, chosen by hashlab (not by the
/// Makefile or by OpenBLAS's CPU detection), so that a spec gives the same numbers on
/// every x86-64 machine.
///
/// Kernel families (OpenBLAS core types) order and fuse the operations of a product
/// differently, so their results differ in the last bits, and methods that take signs
/// or make discrete choices can carry such differences into their codes. By default
/// (`HASHLAB_BLAS_KERNEL` unset or `reproducible`) hashlab runs OpenBLAS's `Haswell`
/// kernels, which every x86-64 CPU with AVX2 and FMA runs alike: OpenBLAS reads
/// `OPENBLAS_CORETYPE` when it loads, before `main`, so when another family was loaded
/// hashlab executes itself again with `OPENBLAS_CORETYPE=Haswell` (workers inherit it).
/// `HASHLAB_BLAS_KERNEL=native` opts into OpenBLAS's own choice (or the user's
/// `OPENBLAS_CORETYPE`): on AVX-512 CPUs its SkylakeX kernels run sgemm about twice as
/// fast. Each run records which it was (``description``).
public enum BLASKernelFamily {
    /// What `HASHLAB_BLAS_KERNEL` asks for.
    public enum Choice: String, Sendable, CaseIterable {
        case reproducible, native
    }

    /// The environment variable that holds the ``Choice``.
    public static let variable = "HASHLAB_BLAS_KERNEL"
    /// The core type of reproducible runs.
    public static let reproducibleCore = "Haswell"

    /// A `HASHLAB_BLAS_KERNEL` that is neither choice.
    public struct InvalidChoice: Error, CustomStringConvertible {
        public let value: String
        public var description: String {
            "\(variable)=\(value) is not a kernel choice; use "
                + Choice.allCases.map(\.rawValue).joined(separator: " or ")
        }
    }

    /// The choice in this process's environment (`reproducible` when unset).
    ///
    /// - Throws: ``InvalidChoice``.
    public static func choice() throws -> Choice {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else { return .reproducible }
        guard let choice = Choice(rawValue: value) else { throw InvalidChoice(value: value) }
        return choice
    }

    /// Whether this CPU runs the reproducible family (it has AVX2 and FMA).
    public static var cpuRunsReproducibleCore: Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        let set = Set(flags.split(whereSeparator: { $0 == " " || $0 == "\t" }))
        return set.contains("avx2") && set.contains("fma")
    }

    /// Under the reproducible choice, when OpenBLAS loaded another family and the CPU
    /// runs Haswell's, replaces this process by itself with `OPENBLAS_CORETYPE=Haswell`
    /// (same arguments); returns otherwise. Call first thing in `main`.
    ///
    /// - Throws: ``InvalidChoice``.
    public static func enforce() throws {
        guard try choice() == .reproducible, BLASLibrary.coreName != reproducibleCore,
              ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != reproducibleCore,
              cpuRunsReproducibleCore else { return }
        setenv("OPENBLAS_CORETYPE", reproducibleCore, 1)
        let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", arguments)
        StandardError.write("hashlab: warning: cannot restart with \(reproducibleCore) kernels "
                            + "(\(String(cString: strerror(errno)))); running on \(BLASLibrary.coreName)\n")
    }

    /// What this process runs on, as provenance records it: `reproducible (Haswell)`,
    /// `native (SkylakeX)`, or `native (…; this CPU cannot run Haswell's)`.
    public static var description: String {
        let core = BLASLibrary.coreName
        if core == reproducibleCore { return "reproducible (\(core))" }
        let asked = (try? choice()) ?? .reproducible
        return asked == .native ? "native (\(core))" : "native (\(core); this CPU cannot run \(reproducibleCore)'s)"
    }
}
