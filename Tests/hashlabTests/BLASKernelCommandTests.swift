import Foundation
import Testing

/// hashlab chooses its BLAS kernel family itself (`BLASKernelFamily`): Haswell's unless
/// `HASHLAB_BLAS_KERNEL=native`, whatever `OPENBLAS_CORETYPE` OpenBLAS loaded with.
@Suite struct BLASKernelCommandTests {
    static let cpuFlags: Set<Substring> = {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        return Set(line.split(separator: " "))
    }()

    /// A core type other than Haswell that this CPU runs, to load OpenBLAS with.
    static var otherCore: String { cpuFlags.contains("avx512f") ? "SkylakeX" : "Sandybridge" }

    @Test(.enabled(if: cpuFlags.contains("avx2") && cpuFlags.contains("fma")))
    func anotherLoadedFamilyIsReplacedByHaswells() throws {
        let version = try HashlabProcess(["--version"], environment: ["OPENBLAS_CORETYPE": Self.otherCore])
        #expect(version.status == 0, "\(version.error)")
        #expect(version.output.contains("(core Haswell)"), "\(version.output)")
        #expect(version.output.contains("BLAS kernels: reproducible (Haswell)"), "\(version.output)")
    }

    @Test func nativeKeepsTheFamilyOpenBLASLoaded() throws {
        let version = try HashlabProcess(["--version"], environment: [
            "OPENBLAS_CORETYPE": Self.otherCore, "HASHLAB_BLAS_KERNEL": "native",
        ])
        #expect(version.status == 0, "\(version.error)")
        #expect(version.output.contains("(core \(Self.otherCore))"), "\(version.output)")
        #expect(version.output.contains("BLAS kernels: native (\(Self.otherCore))"), "\(version.output)")
    }

    @Test func anUnknownChoiceIsAnError() throws {
        let version = try HashlabProcess(["--version"], environment: ["HASHLAB_BLAS_KERNEL": "fast"])
        #expect(version.status == 2)
        #expect(version.error.contains("HASHLAB_BLAS_KERNEL=fast is not a kernel choice; use reproducible or native"))
        #expect(version.output.isEmpty)
    }
}
