/// Why `hashlab evaluate` cannot score the files it was given.
public enum CodeEvaluationError: Error, Equatable, CustomStringConvertible {
    case invalidCutoff(Int)
    case mismatch(String)

    public var description: String {
        switch self {
        case let .invalidCutoff(cutoff): return "cutoff \(cutoff) must be positive"
        case let .mismatch(message): return message
        }
    }
}
