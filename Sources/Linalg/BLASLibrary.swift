import CBLAS

/// The BLAS library that the `Linalg` products and factorizations call (OpenBLAS).
///
/// Reported in run provenance and used to keep OpenBLAS threads × concurrent runs
/// within the number of cores.
public enum BLASLibrary {
    /// OpenBLAS's build description, e.g.
    /// `"OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64"`.
    public static var configuration: String {
        String(cString: openblas_get_config())
    }

    /// The CPU kernel set OpenBLAS selected when it loaded, e.g. `"Haswell"` or `"SkylakeX"`.
    public static var coreName: String {
        String(cString: openblas_get_corename())
    }

    /// The number of threads OpenBLAS uses for one call.
    public static var threads: Int {
        Int(openblas_get_num_threads())
    }

    /// Sets the number of threads OpenBLAS uses for one call. This is process-wide.
    public static func setThreads(_ count: Int) {
        precondition(count >= 1, "OpenBLAS needs at least one thread, got \(count)")
        openblas_set_num_threads(Int32(clamping: count))
    }
}
