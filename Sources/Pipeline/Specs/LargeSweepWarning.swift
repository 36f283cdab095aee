/// The warning `hashlab plan`, `run` and `report` print on standard error, before a
/// spec is planned, when it expands to more than ``threshold`` runs: planning such a
/// sweep takes a while (issue 16's probe measured 39 s for 324,000 runs; a debug build
/// plans 18,000 runs in 5 s) and running it takes the number of runs times a run's time. Sweeps of more than ``Sweep/maximumPoints`` runs
/// per method entry are errors, not warnings.
public struct LargeSweepWarning: Sendable, CustomStringConvertible {
    /// The largest number of runs a spec expands to without a warning.
    public static let threshold = 10_000

    /// The spec's file.
    public let file: String
    /// The experiment's name.
    public let experiment: String
    /// The number of runs the spec expands to (runs listed by two method entries count twice).
    public let runs: Int

    /// The warning for `spec`, or nil when it expands to at most ``threshold`` runs.
    public init?(_ spec: ExperimentSpec) {
        guard spec.runs.count > Self.threshold else { return nil }
        file = spec.file
        experiment = spec.name
        runs = spec.runs.count
    }

    /// `hashlab: warning: FILE: EXPERIMENT expands to N runs (more than 10000); …`
    public var description: String {
        "hashlab: warning: \(file): \(experiment) expands to \(runs) runs (more than \(Self.threshold)); "
            + "planning them takes a while and running them \(runs) times a run's time — narrow the sweep, "
            + "or take a slice with --only"
    }
}
