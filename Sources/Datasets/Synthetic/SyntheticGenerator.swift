/// A seeded generator of a synthetic dataset: the same seed gives the same contents
/// (the features byte for byte; they use no BLAS, only the C library's `log` through
/// `SeededGenerator.normal()`), and different seeds give different data.
public protocol SyntheticGenerator: Sendable {
    /// The dataset's name, as in the catalog (`synthetic-awa2`).
    var name: String { get }
    /// The generator's shape and structure parameters, one line, for provenance.
    var parameters: String { get }
    /// Generates the dataset from `seed`; `phases` times and reports each phase.
    /// The provenance holds the generator's name, seed and parameters.
    func contents(seed: UInt64, phases: TimedPhases) -> DatasetContents
}
