import Foundation

/// Writes `data` to `path` atomically: a hidden temporary file beside it is written,
/// flushed (`fsync`) and renamed onto `path`, so a reader sees either the old file or
/// the complete new one, and a failure leaves whatever was at `path` untouched.
///
/// - Throws: ``HDF5Error/fileWriteFailed(file:reason:)`` naming `path` and the step
///   that failed.
public func writeAtomically(_ data: Data, to path: String) throws {
    let replacement = AtomicFileReplacement(destination: path)
    let descriptor = open(replacement.temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else {
        throw HDF5Error.fileWriteFailed(
            file: path, reason: "cannot create \(replacement.temporaryPath): \(String(cString: strerror(errno)))")
    }
    let written = data.withUnsafeBytes { bytes -> Bool in
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count <= 0 { return false }
            offset += count
        }
        return true
    }
    let reason = String(cString: strerror(errno))
    close(descriptor)
    guard written else {
        replacement.discard()
        throw HDF5Error.fileWriteFailed(file: path, reason: "writing \(replacement.temporaryPath): \(reason)")
    }
    do {
        try replacement.commit()
    } catch {
        replacement.discard()
        throw error
    }
}
