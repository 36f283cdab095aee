/// Why a method cannot train on the data it was given; every case names the method.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The method projects onto `bits` directions of the features and there are fewer.
    case bitsExceedDimension(method: String, bits: Int, dimension: Int)
    /// Training needs at least `needed` items.
    case tooFewItems(method: String, found: Int, needed: Int)
    /// A numerical step failed (a factorization, a width of 0).
    case numerical(method: String, step: String, reason: String)

    public var description: String {
        switch self {
        case let .bitsExceedDimension(method, bits, dimension):
            return "\(method): \(bits) bits need at least \(bits) feature dimensions, the features have \(dimension)"
        case let .tooFewItems(method, found, needed):
            return "\(method): \(found) training items, at least \(needed) needed"
        case let .numerical(method, step, reason):
            return "\(method): \(step) failed: \(reason)"
        }
    }
}
