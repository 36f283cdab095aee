/// Why a code file cannot be used.
public enum CodeFileError: DataInputError, Equatable, CustomStringConvertible {
    /// `/codes` and `/labels` have different numbers of rows.
    case countMismatch(file: String, codes: Int, labels: Int)
    /// A dataset holds values outside what its layout allows.
    case invalidValues(file: String, path: String, reason: String)

    public var description: String {
        switch self {
        case let .countMismatch(file, codes, labels):
            return "\(file): /codes has \(codes) rows but /labels has \(labels)"
        case let .invalidValues(file, path, reason):
            return "\(file): \(path): \(reason)"
        }
    }
}
