import CBLAS
import Synchronization

/// The BLAS library that the `Linalg` products and factorizations call (OpenBLAS),
/// and the number of threads they run on.
///
/// OpenBLAS itself always runs on one thread (set before Linalg's first call into
/// it): its threaded drivers split products differently under different thread
/// counts (on its Haswell kernels the output is cut into other kernel widths, on all
/// kernels the inner dimension is cut at other places), so the same product rounded
/// differently under 1 and 2 threads. `Linalg` parallelises instead over tiles that
/// depend only on the shapes (``Matrix/product(_:_:transposeA:transposeB:alpha:)``),
/// so results are bit-identical under any ``threads``; factorizations (small problems)
/// run on one thread.
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

    /// The number of threads one product runs on: initially what OpenBLAS took from
    /// `OPENBLAS_NUM_THREADS` (or the cores, when unset), until ``setThreads(_:)``.
    public static var threads: Int {
        let chosen = chosenThreads.load(ordering: .relaxed)
        return chosen > 0 ? chosen : initialThreads
    }

    /// Sets the number of threads one product runs on. This is process-wide; it
    /// changes speed, never results.
    public static func setThreads(_ count: Int) {
        precondition(count >= 1, "Linalg needs at least one thread, got \(count)")
        prepare()
        chosenThreads.store(count, ordering: .relaxed)
    }

    /// Puts OpenBLAS on one thread, once; called before every call into it.
    static func prepare() {
        _ = initialThreads
    }

    /// OpenBLAS's thread count when it loaded, read before it is set to 1.
    private static let initialThreads: Int = {
        let initial = Int(openblas_get_num_threads())
        openblas_set_num_threads(1)
        return max(1, initial)
    }()

    /// The count set by ``setThreads(_:)``; 0 until then.
    private static let chosenThreads = Atomic<Int>(0)
}
