/// Why a method cannot train on the data it was given, or encode what it is asked to;
/// every case names the method, or the modality asked for.
///
/// Some cases are *not applicable* rather than failures (``isNotApplicable``): the
/// method's definition excludes the configuration, whatever the data's values, so the
/// same configuration declines again every time it is run.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The method projects onto `bits` directions of the features and there are fewer.
    case bitsExceedDimension(method: String, bits: Int, dimension: Int)
    /// The method takes its `bits` directions from a matrix (`of`, described) whose rank is
    /// at most `rank` whatever the data's values, e.g. fixed by the number of labels.
    case bitsExceedRank(method: String, bits: Int, rank: Int, of: String)
    /// Training needs at least `needed` items.
    case tooFewItems(method: String, found: Int, needed: Int)
    /// A numerical step failed (a factorization, a width of 0).
    case numerical(method: String, step: String, reason: String)
    /// Features of a modality the method was not trained on (`known` are those it was).
    case unknownModality(_ modality: String, known: [String])

    /// Whether the configuration lies outside the method's definition, so that no run of
    /// it can ever produce codes: `true` for ``bitsExceedDimension(method:bits:dimension:)``
    /// and ``bitsExceedRank(method:bits:rank:of:)`` (a projection onto more directions than
    /// the features, or the matrix they come from, have, fixed by the code length and the
    /// data's shape); `false` for failures worth someone's attention — a
    /// training set too small for what was asked, a factorization that failed.
    public var isNotApplicable: Bool {
        switch self {
        case .bitsExceedDimension, .bitsExceedRank: return true
        case .tooFewItems, .numerical, .unknownModality: return false
        }
    }

    public var description: String {
        switch self {
        case let .bitsExceedDimension(method, bits, dimension):
            return "\(method): \(bits) bits need at least \(bits) feature dimensions, the features have \(dimension)"
        case let .bitsExceedRank(method, bits, rank, of):
            return "\(method): \(bits) bits need \(bits) directions, \(of) has rank at most \(rank)"
        case let .tooFewItems(method, found, needed):
            return "\(method): \(found) training items, at least \(needed) needed"
        case let .numerical(method, step, reason):
            return "\(method): \(step) failed: \(reason)"
        case let .unknownModality(modality, known):
            return "no hash function for modality \"\(modality)\"; trained on \(known.joined(separator: ", "))"
        }
    }
}
