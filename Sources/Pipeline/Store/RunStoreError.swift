/// A results store that cannot hold runs; each case names the store and the path that
/// is in the way.
public enum RunStoreError: Error, Equatable, CustomStringConvertible {
    /// `path`, the store's directory or one of its ancestors, exists and is not a
    /// directory.
    case notADirectory(store: String, path: String)
    /// The store's directory, or its nearest existing ancestor `path`, cannot be
    /// written into (`reason`, e.g. `Read-only file system`, `Permission denied`).
    case notWritable(store: String, path: String, reason: String)
    /// The store's directory cannot be created.
    case cannotCreate(store: String, reason: String)

    public var description: String {
        switch self {
        case let .notADirectory(store, path) where store == path:
            return "the results store \(store) is a file, not a directory"
        case let .notADirectory(store, path):
            return "the results store \(store) cannot be created: \(path) is a file, not a directory"
        case let .notWritable(store, path, reason) where store == path:
            return "the results store \(store) is not writable: \(reason)"
        case let .notWritable(store, path, reason):
            return "the results store \(store) cannot be created: \(path) is not writable: \(reason)"
        case let .cannotCreate(store, reason):
            return "the results store \(store) cannot be created: \(reason)"
        }
    }
}
