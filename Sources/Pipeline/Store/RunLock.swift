import Foundation

/// An exclusive lock on one run (`<store>/<id>.lock`, `flock`), held by the process
/// computing it, so two `hashlab run` on the same store never compute the same run at
/// once. Right after taking it the holder records itself in the lock file
/// (``RunLockOwner``: `<pid> <host> <since>`, the file truncated and rewritten), so
/// people and `hashlab status` can see who holds it (``owner(store:id:)``,
/// ``state(store:id:)``). The file is the lock: it is never deleted, since a process
/// may hold or be about to take it.
///
/// Stale locks. On a local file system the kernel drops an `flock` when the last
/// descriptor of the open file is closed, which happens when its holder exits, even by
/// SIGKILL: a dead local holder never blocks, and its record stays in the file until
/// the next holder overwrites it. The lock file is opened close-on-exec, so no child
/// process inherits it and keeps it after the holder's death; a lock still held while
/// its recorded holder on this host is gone is reported ``RunLockState/stale(_:)``.
///
/// Shared stores over NFS. Since Linux 2.6.12 the NFS client emulates `flock` as a
/// POSIX byte-range lock on the whole file, so the lock is cluster-wide: through the
/// NLM protocol (lockd, statd) under NFSv3 and in the protocol itself under NFSv4 —
/// unless the file system is mounted with `local_lock=flock` or `local_lock=all`
/// (nfs(5)), which makes these locks local to each host, and then two hosts can
/// compute the same run at once (each result is still whole: writes are atomic). A
/// holder that dies while its host lives releases the lock as locally. A holder whose
/// host dies or loses the server keeps it: under NFSv4 until the server expires the
/// client's lease (90 s by default), under NFSv3 until the host reboots and its statd
/// notifies the server — a host that never returns holds its locks until an
/// administrator clears them on the server. hashlab does not break such locks (it
/// cannot tell a dead host from a slow one); the owner record names the pid and host,
/// for a person to decide. Under POSIX semantics a process's locks on a file end when
/// it closes any descriptor of that file, so a process must not open a lock file it
/// holds a second time: ``state(store:id:)`` is for other processes (the scheduler
/// probes only locks it does not hold).
///
/// A lock cannot be copied, and it is released exactly once: by ``release()``, which
/// consumes it, or else when it goes out of scope. Its descriptor is closed once, so a
/// second close can never close a file that has since been given the same number.
public struct RunLock: ~Copyable {
    private let descriptor: Int32
    public let path: String

    /// Takes the lock on run `id` in `store`, waiting while another process holds it —
    /// or, when not `waiting`, failing at once — and records this process as its owner
    /// (a record that cannot be written, e.g. on a full disk, is left out: the lock is
    /// held all the same).
    ///
    /// - Throws: ``RunLockError/held(path:)`` when not `waiting` and another process
    ///   holds the lock; ``RunLockError/cannotOpen(path:reason:)`` when the store or
    ///   the lock file cannot be created or opened, or locking fails.
    public init(store: RunStore, id: String, waiting: Bool = true) throws {
        let path = store.lockPath(id)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: store.directory, isDirectory: &isDirectory) {
            guard (try? FileManager.default.createDirectory(atPath: store.directory,
                                                            withIntermediateDirectories: true)) != nil else {
                throw RunLockError.cannotOpen(path: path, reason: "cannot create the directory \(store.directory)")
            }
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw RunLockError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX | (waiting ? 0 : LOCK_NB)) != 0 {
            guard errno == EINTR else {
                let error = errno == EWOULDBLOCK ? RunLockError.held(path: path)
                    : .cannotOpen(path: path, reason: String(cString: strerror(errno)))
                close(descriptor)
                throw error
            }
        }
        let record = Array((RunLockOwner.current.line + "\n").utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = record.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
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

    /// The process recorded in run `id`'s lock file: the holder while the lock is held
    /// (see ``RunLockOwner`` for the moment after a new holder's `flock`), the last
    /// holder once it is free; nil when there is no lock file or no readable record.
    public static func owner(store: RunStore, id: String) -> RunLockOwner? {
        guard let data = FileManager.default.contents(atPath: store.lockPath(id)) else { return nil }
        return RunLockOwner(record: String(decoding: data, as: UTF8.self))
    }

    /// Whether run `id`'s lock is held, probed without waiting and without creating or
    /// writing anything (a shared `flock` taken and dropped at once; for that instant a
    /// process trying to take the lock without waiting finds it held). Not for a
    /// process holding the lock itself (see the note on NFS above).
    public static func state(store: RunStore, id: String) -> RunLockState {
        let path = store.lockPath(id)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return errno == ENOENT ? .free : .unknown(reason: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_SH | LOCK_NB) != 0 {
            guard errno == EINTR else {
                guard errno == EWOULDBLOCK else {
                    return .unknown(reason: "cannot probe \(path): \(String(cString: strerror(errno)))")
                }
                let owner = owner(store: store, id: id)
                if let owner, owner.isGone { return .stale(owner) }
                return .held(by: owner)
            }
        }
        flock(descriptor, LOCK_UN)
        return .free
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
