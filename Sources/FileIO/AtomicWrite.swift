import Foundation

/// Writes `data` to `path` atomically: a hidden temporary file beside it is written,
/// flushed (`fsync`) and renamed onto `path`, so a reader sees either the old file or
/// the complete new one, and a failure leaves whatever was at `path` untouched and no
/// temporary file behind.
///
/// - Throws: ``AtomicWriteError`` naming `path`, the step that failed and the system's
///   reason (e.g. "No such file or directory", "No space left on device").
public func writeAtomically(_ data: Data, to path: String) throws {
    let replacement = AtomicFileReplacement(destination: path)
    let descriptor = try replacement.create()
    let writeErrno = data.withUnsafeBytes { bytes -> Int32? in
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0, errno == EINTR { continue }
            // A write of 0 bytes from a non-empty buffer means no space was left.
            if count <= 0 { return count == 0 ? ENOSPC : errno }
            offset += count
        }
        return nil
    }
    close(descriptor)
    if let writeErrno {
        replacement.discard()
        throw AtomicWriteError(file: path, step: .writing, subject: replacement.temporaryPath, code: writeErrno)
    }
    do {
        try replacement.commit()
    } catch {
        replacement.discard()
        throw error
    }
}
