import Crypto
import Foundation

/// SHA-256 digests of files, read in blocks so large sources (AWA2's 311 MB
/// `res101.mat`) are hashed in bounded memory.
public enum FileDigest {
    /// The lowercase hex SHA-256 of the file at `path`.
    ///
    /// - Throws: ``DatasetSourceError/unreadable(file:reason:)``.
    public static func sha256(of path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatasetSourceError.unreadable(file: path, reason: "no such file or not readable")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let block = try handle.read(upToCount: 4 << 20), !block.isEmpty {
                hasher.update(data: block)
            }
        } catch {
            throw DatasetSourceError.unreadable(file: path, reason: error.localizedDescription)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Checks the file at `path` against a source entry's size and SHA-256 (when the
    /// entry has them) and returns the file's SHA-256.
    ///
    /// - Throws: ``DatasetSourceError/sizeMismatch(file:expected:found:)`` or
    ///   ``DatasetSourceError/checksumMismatch(file:expected:found:)``.
    @discardableResult
    public static func verify(_ path: String, against source: DatasetManifest.Source) throws -> String {
        if let bytes = source.bytes {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            guard size == bytes else {
                throw DatasetSourceError.sizeMismatch(file: path, expected: bytes, found: size)
            }
        }
        let digest = try sha256(of: path)
        if let expected = source.sha256, expected.lowercased() != digest {
            throw DatasetSourceError.checksumMismatch(file: path, expected: expected.lowercased(), found: digest)
        }
        return digest
    }
}
