/// A problem with a dataset's source files (what importers and `fetch` read);
/// every case names the file.
public enum DatasetSourceError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case sizeMismatch(file: String, expected: Int, found: Int)
    case checksumMismatch(file: String, expected: String, found: String)
    /// A download (through pip) failed; `output` is its last lines.
    case downloadFailed(source: String, output: String)
    /// An archive lacks a member the importer needs.
    case missingMember(file: String, member: String)
    /// A text table (CSV) cannot be parsed.
    case malformedTable(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .sizeMismatch(file, expected, found):
            return "\(file): \(found) bytes, but the manifest says \(expected) (truncated or a different file)"
        case let .checksumMismatch(file, expected, found):
            return "\(file): sha256 \(found) differs from the manifest's \(expected)"
        case let .downloadFailed(source, output):
            return "downloading \(source) failed:\n\(output)"
        case let .missingMember(file, member):
            return "\(file): has no \(member)"
        case let .malformedTable(file, line, reason):
            return "\(file): line \(line): \(reason)"
        }
    }
}
