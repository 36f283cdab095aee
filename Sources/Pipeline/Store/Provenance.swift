import Datasets
import Foundation
import HashCore
import Linalg

/// Where and how a run was computed, stored with its result so any number in a table
/// can be traced: the code (git commit and whether the tree had uncommitted changes),
/// the versions (hashlab, the Swift compiler it was built with, OpenBLAS with the core
/// type whose kernels ran — results agree to the bit only between equal core types —
/// HDF5, the Hamming kernel), the BLAS kernel choice (``BLASKernelFamily``), the
/// machine (host, cores, the threads products ran on — speed only, not results), the
/// cost (wall and CPU seconds, peak resident memory) and the time (start and end,
/// ISO 8601 UTC).
public struct Provenance: Codable, Equatable, Sendable {
    public var gitCommit: String
    public var gitDirty: Bool?
    public var hashlabVersion: String
    public var swiftVersion: String
    public var openBLAS: String
    /// `reproducible (Haswell)` or `native (…)`; absent in files written before it was recorded.
    public var blasKernel: String?
    public var hdf5: String
    public var hammingKernel: String
    public var host: String
    public var cores: Int
    public var blasThreads: Int
    public var wallSeconds: Double
    public var cpuSeconds: Double
    public var peakMemoryBytes: Int
    public var started: String
    public var ended: String

    enum CodingKeys: String, CodingKey {
        case gitCommit = "git_commit", gitDirty = "git_dirty", hashlabVersion = "hashlab_version"
        case swiftVersion = "swift_version", openBLAS = "openblas", blasKernel = "blas_kernel", hdf5, hammingKernel = "hamming_kernel"
        case host, cores, blasThreads = "blas_threads", wallSeconds = "wall_seconds", cpuSeconds = "cpu_seconds"
        case peakMemoryBytes = "peak_memory_bytes", started, ended
    }

    /// The provenance of work that started at `start` (wall clock) and ends now, in
    /// the project at `root`.
    public static func capture(root: String, started start: Date) -> Provenance {
        let end = Date()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let (commit, dirty) = GitState.read(root: root)
        let formatter = ISO8601DateFormatter()
        return Provenance(
            gitCommit: commit, gitDirty: dirty, hashlabVersion: RuntimeVersions.hashlab,
            swiftVersion: compilerVersion, openBLAS: "\(BLASLibrary.configuration) (core \(BLASLibrary.coreName))",
            blasKernel: BLASKernelFamily.description, hdf5: HDF5Library.version,
            hammingKernel: "\(HammingKernel.Variant.best)", host: ProcessInfo.processInfo.hostName,
            cores: ProcessInfo.processInfo.activeProcessorCount, blasThreads: BLASLibrary.threads,
            wallSeconds: end.timeIntervalSince(start), cpuSeconds: cpu, peakMemoryBytes: usage.ru_maxrss * 1024,
            started: formatter.string(from: start), ended: formatter.string(from: end))
    }

    /// The Swift compiler hashlab was built with (major.minor known at compile time).
    static var compilerVersion: String {
        #if compiler(>=6.3)
        return "6.3+"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }
}
