import Datasets
import HashCore
import Linalg

/// The versions of hashlab and of the libraries it runs on, as `--version` prints
/// them and as run provenance records them.
public enum RuntimeVersions {
    /// hashlab's own version.
    public static let hashlab = "0.1.0"

    /// One line per component: hashlab, OpenBLAS (its build string and the core type
    /// it selected), the kernel choice (``BLASKernelFamily``), HDF5, and the Hamming
    /// kernel variant chosen for this CPU.
    public static var summary: String {
        """
        hashlab \(hashlab)
        OpenBLAS: \(BLASLibrary.configuration) (core \(BLASLibrary.coreName))
        BLAS kernels: \(BLASKernelFamily.description)
        HDF5: \(HDF5Library.version)
        Hamming kernel: \(HammingKernel.Variant.best)
        """
    }
}
