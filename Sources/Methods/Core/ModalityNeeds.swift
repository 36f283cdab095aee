/// What a method hashes, so that a plan can refuse a run that gives a method what it
/// cannot use (``HashingMethod/modalityNeeds``).
public enum ModalityNeeds: String, Sendable {
    /// One modality: queries and database are encoded from the same features
    /// (single-modal retrieval). The method reads ``TrainingSet/primary``.
    case one
    /// Two paired modalities (cross-modal retrieval): training items come with
    /// features of both, row-aligned, and the method learns a hash function for each,
    /// so that a query of one modality can be ranked against a database of the other.
    /// The method reads ``TrainingSet/modalities`` (two names, in the run's order) and
    /// must encode features of either.
    case paired

    /// How many modalities a run of such a method names.
    public var count: Int {
        switch self {
        case .one: return 1
        case .paired: return 2
        }
    }
}
