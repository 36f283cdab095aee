/// One run of an experiment as the spec expands it: the fully resolved configuration
/// (what the run id hashes), the cutoffs its metrics are computed at, and the values
/// of the spec's axes for this run — what reports group, compare and plot by.
public struct PlannedRun: Codable, Hashable, Sendable {
    public var configuration: RunConfiguration
    /// K for mAP@K, precision@K, recall@K.
    public var cutoffs: [Int]
    /// Axis name → value text, always holding `method`, `bits` and `seed`, and every
    /// parameter or protocol key the spec sweeps (e.g. `ratio: "5/-1"`, `unseen: "8,9"`).
    public var axes: [String: String]

    public init(configuration: RunConfiguration, cutoffs: [Int], axes: [String: String]) {
        self.configuration = configuration
        self.cutoffs = cutoffs
        self.axes = axes
    }
}
