import Foundation

/// An exclusive lock on one run (`<store>/<id>.lock`, `flock`), held by the process
/// computing it, so two `hashlab run` on the same store never compute the same run at
/// once: the second waits for the first and then finds the run done. The kernel drops
/// the lock when its holder exits, even by SIGKILL, so a stale lock file never blocks.
///
/// A lock cannot be copied, and it is released exactly once: by ``release()``, which
/// consumes it, or else when it goes out of scope. Its descriptor is closed once, so a
/// second close can never close a file that has since been given the same number.
public struct RunLock: ~Copyable {
    private let descriptor: Int32
    public let path: String

    /// Takes the lock on run `id` in `store`, waiting while another process holds it —
    /// or, when not `waiting`, failing at once.
    ///
    /// - Throws: ``RunLockError/held(path:)`` when not `waiting` and another process
    ///   holds the lock; ``RunLockError/cannotOpen(path:reason:)`` when the lock file
    ///   cannot be opened.
    public init(store: RunStore, id: String, waiting: Bool = true) throws {
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        let path = (store.directory as NSString).appendingPathComponent("\(id).lock")
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw RunLockError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX | (waiting ? 0 : LOCK_NB)) != 0 {
            guard errno == EINTR else {
                let error = errno == EWOULDBLOCK ? RunLockError.held(path: path)
                    : .cannotOpen(path: path, reason: String(cString: strerror(errno)))
                close(descriptor)
                throw error
            }
        }
        // Stored only now: once they are, a throw would run `deinit` and close the
        // descriptor a second time.
        self.path = path
        self.descriptor = descriptor
    }

    /// Releases the lock now: consuming it ends it, and `deinit` unlocks and closes
    /// its descriptor.
    public consuming func release() {}

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// A run lock that cannot be taken.
public enum RunLockError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// Another process holds the lock (when not waiting for it).
    case held(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): return "cannot lock \(path): \(reason)"
        case let .held(path): return "\(path) is held by another process"
        }
    }
}
