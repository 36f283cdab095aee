#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard error. Foundation's `FileHandle.standardError.write` traps when the
/// descriptor cannot be written (`2>/dev/full`, a full disk, a closed pipe); a message
/// that cannot be shown is dropped instead, since there is nowhere else to report it, so
/// that the exit status still says what happened.
public enum StandardError {
    /// Writes `text`, retrying interrupted and partial writes, and gives up silently on
    /// any other failure.
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(2, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(2, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
