#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The end of standard output. `print` writes through C's buffered standard output and
/// ignores write errors, so a command whose output went nowhere (`>/dev/full`, a full
/// disk) would exit 0; ``flush()`` at the end of a command finds out.
public enum StandardOutput {
    /// Writes out what is buffered in C's output streams (`fflush(NULL)`; hashlab writes
    /// through standard output only) and returns the system's reason when that fails,
    /// nil when everything is written.
    ///
    /// A failed write empties the stream's buffer, so an earlier failure shows here only
    /// when something was printed after it; `print` writes its line terminator after
    /// each item, so after any failing `print` something is.
    public static func flush() -> String? {
        guard fflush(nil) != 0 else { return nil }
        return String(cString: strerror(errno))
    }
}
