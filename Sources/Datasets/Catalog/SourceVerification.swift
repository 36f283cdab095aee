import Foundation

/// A source file checked against its manifest entry: its SHA-256 and size, and
/// whether they are the manifest's. Both are always computed, so a refusal can name
/// the expected and the actual SHA-256 even when the size already differs.
public struct SourceVerification: Equatable, Sendable {
    /// The file as given.
    public let file: String
    /// The file's SHA-256 (lowercase hex).
    public let sha256: String
    /// The file's size in bytes.
    public let bytes: Int
    /// The manifest's entry for the file.
    public let source: DatasetManifest.Source

    /// Hashes the file at `path` and compares it with `source`.
    ///
    /// - Throws: ``DatasetSourceError/unreadable(file:reason:)``.
    public init(path: String, source: DatasetManifest.Source) throws {
        file = path
        sha256 = try FileDigest.sha256(of: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        bytes = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        self.source = source
    }

    /// The mismatch with the manifest, or `nil` when the file has the manifest's
    /// SHA-256 and size (each compared only where the manifest gives it).
    public var mismatch: DatasetSourceError? {
        let expectedSHA256 = source.sha256?.lowercased()
        let shaDiffers = expectedSHA256.map { $0 != sha256 } ?? false
        let sizeDiffers = source.bytes.map { $0 != bytes } ?? false
        guard shaDiffers || sizeDiffers else { return nil }
        return .sourceMismatch(file: file, expectedSHA256: expectedSHA256, foundSHA256: sha256,
                               expectedBytes: source.bytes, foundBytes: bytes)
    }

    /// The provenance key recording that the file was accepted despite a mismatch:
    /// `unverified:<file name>`.
    public static func provenanceKey(_ fileName: String) -> String { "unverified:\(fileName)" }

    /// The provenance value recording an accepted mismatch: expected and actual SHA-256
    /// and size.
    public var provenanceNote: String {
        "accepted with --allow-unverified: sha256 \(sha256) (\(bytes) bytes), "
            + "the manifest's sha256 \(source.sha256?.lowercased() ?? "(none given)")"
            + (source.bytes.map { " (\($0) bytes)" } ?? "")
    }
}
