/// A run that cannot start.
public enum SingleRunError: Error, Equatable, CustomStringConvertible {
    case invalidBits(Int)

    public var description: String {
        switch self {
        case let .invalidBits(bits): return "bits must be in 1...4096, not \(bits)"
        }
    }
}
