/// Whether a run's lock is held, as ``RunLock/state(store:id:)`` finds it.
public enum RunLockState: Equatable, Sendable {
    /// No process holds the lock (or there is no lock file yet).
    case free
    /// A process holds the lock; its record, when the file holds one (see
    /// ``RunLockOwner`` on the moment after a new holder's `flock`).
    case held(by: RunLockOwner?)
    /// The lock is held, but the process its record names ran on this host and is gone
    /// (``RunLockOwner/isGone``): a process that inherited the lock's descriptor holds
    /// it, or the record is of a previous holder and the new one has not yet written
    /// its own. It is left alone: it ends when its holder exits.
    case stale(RunLockOwner)
    /// The lock file exists but cannot be probed (e.g. it cannot be opened for
    /// reading, or the file system does not support locks).
    case unknown(reason: String)
}
