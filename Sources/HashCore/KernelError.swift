/// A kernel map that cannot be built.
public enum KernelError: Error, Equatable, CustomStringConvertible {
    /// All distances are zero: the data has no spread to set σ from.
    case degenerateWidth
    /// σ is to be set from the data, which has fewer than two items (`count`).
    case tooFewItems(count: Int)

    public var description: String {
        switch self {
        case .degenerateWidth:
            return "RBF kernel: every training item coincides with every anchor, so σ cannot be set from the data"
        case let .tooFewItems(count):
            return "RBF kernel: \(count) training item\(count == 1 ? "" : "s"); setting σ from the data needs at least 2"
        }
    }
}
