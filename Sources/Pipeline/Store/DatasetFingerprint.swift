import Datasets
import Foundation

/// SHA-256 of dataset files, computed once per path and process (a spec's runs share
/// their dataset), so a run id changes when the dataset's bytes do.
public final class DatasetFingerprint: @unchecked Sendable {
    private var cache: [String: String] = [:]
    private let lock = NSLock()

    public init() {}

    /// The SHA-256 of the file at `path`.
    ///
    /// - Throws: ``DatasetSourceError/unreadable(file:reason:)``.
    public func sha256(of path: String) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[path] { return known }
        let digest = try FileDigest.sha256(of: path)
        cache[path] = digest
        return digest
    }
}
