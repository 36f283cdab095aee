import CHDF5

/// The HDF5 C library this module is linked against.
///
/// Every entry point of ``HDF5File`` calls ``prepareCurrentThread()`` before it talks
/// to the library, so HDF5's own error stack is never printed: failures reach users
/// only as ``HDF5Error`` values.
public enum HDF5Library {
    /// The library's version as `major.minor.release`, e.g. `"1.10.8"`, from
    /// `H5get_libversion`.
    public static var version: String {
        var major: UInt32 = 0
        var minor: UInt32 = 0
        var release: UInt32 = 0
        H5get_libversion(&major, &minor, &release)
        return "\(major).\(minor).\(release)"
    }

    /// Initializes the library and turns off the automatic printing of its error
    /// stack on the calling thread.
    ///
    /// In a thread-safe build (which Debian's is) the error stack and its automatic
    /// printing are per thread, so disabling the printing once for the process is not
    /// enough: a file read on a worker thread would print HDF5's stack to standard
    /// error. `H5Eset_auto2` only stores two fields, so calling it on every entry is
    /// cheap.
    static func prepareCurrentThread() {
        H5Eset_auto2(hashlab_H5E_DEFAULT(), nil, nil)
    }
}
