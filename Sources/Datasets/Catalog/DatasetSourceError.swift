/// A problem with a dataset's source files (what importers and `fetch` read);
/// every case names the file.
public enum DatasetSourceError: DataInputError, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case sizeMismatch(file: String, expected: Int, found: Int)
    case checksumMismatch(file: String, expected: String, found: String)
    /// A source file differs from its manifest entry in SHA-256 or size (see
    /// ``SourceVerification``); `expectedSHA256` and `expectedBytes` are what the
    /// manifest gives (`nil` where it gives nothing).
    case sourceMismatch(file: String, expectedSHA256: String?, foundSHA256: String, expectedBytes: Int?,
                        foundBytes: Int)
    /// A download (through pip) failed; `output` is its last lines.
    case downloadFailed(source: String, output: String)
    /// An archive lacks a member the importer needs.
    case missingMember(file: String, member: String)
    /// A text table (CSV) cannot be parsed.
    case malformedTable(file: String, line: Int, reason: String)

    /// Whether the source file is at fault: every case but a failed download.
    public var isDataInputError: Bool {
        switch self {
        case .downloadFailed:
            return false
        case .unreadable, .sizeMismatch, .checksumMismatch, .sourceMismatch, .missingMember, .malformedTable:
            return true
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .sizeMismatch(file, expected, found):
            return "\(file): \(found) bytes, but the manifest says \(expected) (truncated or a different file)"
        case let .checksumMismatch(file, expected, found):
            return "\(file): sha256 \(found) differs from the manifest's \(expected)"
        case let .sourceMismatch(file, expectedSHA256, foundSHA256, expectedBytes, foundBytes):
            return "\(file): sha256 \(foundSHA256) (\(foundBytes) bytes) differs from the manifest's "
                + "sha256 \(expectedSHA256 ?? "(none given)")"
                + (expectedBytes.map { " (\($0) bytes)" } ?? "")
                + "; a re-saved copy of the official file can be used with --allow-unverified"
        case let .downloadFailed(source, output):
            return "downloading \(source) failed:\n\(output)"
        case let .missingMember(file, member):
            return "\(file): has no \(member)"
        case let .malformedTable(file, line, reason):
            return "\(file): line \(line): \(reason)"
        }
    }
}
