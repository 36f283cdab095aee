import Datasets

/// Why `hashlab evaluate` cannot score the files it was given.
public enum CodeEvaluationError: DataInputError, Equatable, CustomStringConvertible {
    case invalidCutoff(Int)
    /// The two code files do not fit together, or one holds no code; the message
    /// names the file and the dataset.
    case mismatch(String)

    /// Whether the code files are at fault: every case but a cutoff that is not positive.
    public var isDataInputError: Bool {
        switch self {
        case .invalidCutoff: return false
        case .mismatch: return true
        }
    }

    public var description: String {
        switch self {
        case let .invalidCutoff(cutoff): return "cutoff \(cutoff) must be positive"
        case let .mismatch(message): return message
        }
    }
}
