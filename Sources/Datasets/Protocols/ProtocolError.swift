/// Why a protocol cannot be applied to a dataset; every case names the dataset.
public enum ProtocolError: Error, Equatable, CustomStringConvertible {
    case unknownClass(dataset: String, name: String, suggestion: String?)
    case missingSplit(dataset: String, split: String, part: String?)
    case tooFewItems(dataset: String, set: String, wanted: Int, available: Int)
    case invalidParameter(name: String, reason: String)
    /// A set the protocol needs has no item, and `reason` says why.
    case emptySet(dataset: String, set: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownClass(dataset, name, suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "\(dataset): no class \"\(name)\"\(hint)"
        case let .missingSplit(dataset, split, part):
            return part.map { "\(dataset): split \"\(split)\" has no part \"\($0)\"" }
                ?? "\(dataset): no stored split \"\(split)\""
        case let .tooFewItems(dataset, set, wanted, available):
            return "\(dataset): \(set) asks for \(wanted) items but only \(available) are available"
        case let .invalidParameter(name, reason):
            return "protocol parameter \(name): \(reason)"
        case let .emptySet(dataset, set, reason):
            return "\(dataset): no \(set) items: \(reason)"
        }
    }
}
