import Foundation

/// Replaces a file atomically: the new content is written to a temporary file in the
/// destination's directory, which ``commit()`` makes durable and renames onto the
/// destination.
///
/// The temporary file is hidden and unique: `.<name>.<16 hex digits>.tmp` beside the
/// destination. Until ``commit()`` renames it, whatever is at the destination is
/// untouched; ``discard()`` removes the temporary file.
struct AtomicFileReplacement {
    /// The path that ``commit()`` replaces.
    let destination: String
    /// The path the new content is written to.
    let temporaryPath: String
    /// The directory holding both.
    let directory: String

    init(destination: String) {
        self.destination = destination
        let name: Substring
        if let slash = destination.lastIndex(of: "/") {
            directory = slash == destination.startIndex ? "/" : String(destination[..<slash])
            name = destination[destination.index(after: slash)...]
        } else {
            directory = "."
            name = destination[...]
        }
        let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
        let hiddenName = ".\(name).\(String(repeating: "0", count: 16 - suffix.count))\(suffix).tmp"
        temporaryPath = directory == "/" ? "/" + hiddenName : directory + "/" + hiddenName
    }

    /// Flushes the temporary file to storage (`fsync`), renames it onto the
    /// destination, and flushes the directory so that the rename survives a crash.
    ///
    /// - Throws: ``HDF5Error/fileWriteFailed(file:reason:)`` naming the destination
    ///   and the failing step. If only the directory flush fails, the destination has
    ///   already been replaced.
    func commit() throws {
        try synchronize(temporaryPath, flags: O_RDONLY, step: "syncing \(temporaryPath)")
        guard rename(temporaryPath, destination) == 0 else {
            throw failure("renaming \(temporaryPath) onto it")
        }
        try synchronize(directory, flags: O_RDONLY | O_DIRECTORY, step: "syncing directory \(directory)")
    }

    /// Removes the temporary file, if it exists.
    func discard() {
        unlink(temporaryPath)
    }

    /// Opens `path` with `flags` and calls `fsync` on it.
    private func synchronize(_ path: String, flags: Int32, step: String) throws {
        let descriptor = open(path, flags)
        guard descriptor >= 0 else { throw failure(step) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(step) }
    }

    /// The error for a failed system call, with `errno`'s message.
    private func failure(_ step: String) -> HDF5Error {
        .fileWriteFailed(file: destination, reason: "\(step): \(String(cString: strerror(errno)))")
    }
}
