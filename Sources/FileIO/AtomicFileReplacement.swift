import Foundation

/// Replaces a file atomically: the new content is written to a temporary file in the
/// destination's directory, which ``commit()`` makes durable and renames onto the
/// destination.
///
/// The temporary file is hidden and unique: `.<name>.<16 hex digits>.tmp` beside the
/// destination. Until ``commit()`` renames it, whatever is at the destination is
/// untouched; ``discard()`` removes the temporary file.
package struct AtomicFileReplacement {
    /// The path that ``commit()`` replaces.
    package let destination: String
    /// The path the new content is written to.
    package let temporaryPath: String
    /// The directory holding both.
    package let directory: String

    package init(destination: String) {
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

    /// Creates the temporary file (it must not exist yet) for writing and returns its
    /// descriptor, which the caller closes. A destination that exists must be a regular
    /// file (or a symbolic link, which the rename replaces): renaming onto a device such
    /// as `/dev/null` would replace the device node itself.
    ///
    /// - Throws: ``AtomicWriteError`` at step ``AtomicWriteError/Step/checkingDestination``
    ///   for a destination that is not a regular file (code `EEXIST`), or at
    ///   ``AtomicWriteError/Step/creating``, e.g. when the directory does not exist or
    ///   is not writable.
    package func create() throws -> Int32 {
        var status = stat()
        if lstat(destination, &status) == 0 {
            let kind = status.st_mode & S_IFMT
            guard kind == S_IFREG || kind == S_IFLNK else {
                throw AtomicWriteError(file: destination, step: .checkingDestination, subject: destination,
                                       code: EEXIST)
            }
        }
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw failure(.creating, temporaryPath) }
        return descriptor
    }

    /// Flushes the temporary file to storage (`fsync`), renames it onto the
    /// destination, and flushes the directory so that the rename survives a crash.
    ///
    /// - Throws: ``AtomicWriteError`` naming the destination and the failing step. If
    ///   only the directory flush fails, the destination has already been replaced.
    package func commit() throws {
        try synchronize(temporaryPath, flags: O_RDONLY, step: .syncing)
        guard rename(temporaryPath, destination) == 0 else {
            throw failure(.renaming, temporaryPath)
        }
        try synchronize(directory, flags: O_RDONLY | O_DIRECTORY, step: .syncingDirectory)
    }

    /// Removes the temporary file, if it exists.
    package func discard() {
        unlink(temporaryPath)
    }

    /// The error for a failed system call on `subject`, with the current `errno`.
    package func failure(_ step: AtomicWriteError.Step, _ subject: String) -> AtomicWriteError {
        AtomicWriteError(file: destination, step: step, subject: subject, code: errno)
    }

    /// Opens `path` with `flags` and calls `fsync` on it.
    private func synchronize(_ path: String, flags: Int32, step: AtomicWriteError.Step) throws {
        let descriptor = open(path, flags)
        guard descriptor >= 0 else { throw failure(step, path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(step, path) }
    }
}
