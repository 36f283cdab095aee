import HashCore

/// A parameter's value.
public enum ParameterValue: Hashable, Sendable, CustomStringConvertible {
    case real(Double)
    case integer(Int)
    case ratio(SimilarityRatio)
    case choice(String)
    /// No value given: an optional parameter derived from the data (written `auto`).
    case automatic

    /// The canonical text, which ``ParameterSpec/parse(_:method:)`` reads back.
    public var description: String {
        switch self {
        case let .real(value): return "\(value)"
        case let .integer(value): return "\(value)"
        case let .ratio(ratio): return ratio.description
        case let .choice(text): return text
        case .automatic: return "auto"
        }
    }
}
