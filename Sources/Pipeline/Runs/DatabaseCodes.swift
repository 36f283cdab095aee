/// Where the database's codes come from in a cross-modal or online run (the protocol
/// setting `database_codes`, recorded in the run configuration when `learned`).
public enum DatabaseCodes: String, Codable, CaseIterable, Sendable {
    /// The database items' features of the database modality, encoded by the trained
    /// hash function of that modality (DCMH's protocol; every single-modal run).
    case encoded
    /// The codes the method learned for its training items (``Methods/TrainedHasher/trainingCodes``):
    /// the database is then the training set, whatever the protocol's database — LEMON's
    /// protocol and most supervised cross-modal papers'. In an online run, the codes of
    /// everything streamed in so far, old codes as they were learned in their round.
    case learned
}
