/// Why two report tables could not be compared.
public enum TableDiffError: Error, Equatable, CustomStringConvertible {
    /// `path` is neither a readable file nor a directory.
    case unreadable(path: String)
    /// `file` is not CSV as ``CSVText`` reads it, or has no header line.
    case malformedCSV(file: String, reason: String)
    /// One side is a directory and the other a file.
    case mixedKinds(old: String, new: String)

    public var description: String {
        switch self {
        case .unreadable(let path):
            return "cannot read \(path)"
        case .malformedCSV(let file, let reason):
            return "\(file): not a CSV table: \(reason)"
        case .mixedKinds(let old, let new):
            return "cannot compare \(old) with \(new): one is a directory, the other a file"
        }
    }
}
