/// What `hashlab plan` shows for one spec: the experiment, its number of runs (and,
/// against a store, how many are done and to do) and the first few, each as its
/// method, bits, seed and other axes.
public struct PlanSummary: Sendable {
    public let spec: ExperimentSpec
    public let runs: [PlannedRun]
    /// How many distinct runs the store has done, when checked against one.
    public let done: Int?
    /// How many of the ``done`` runs are recorded not applicable.
    public let notApplicable: Int

    public init(spec: ExperimentSpec, runs: [PlannedRun], done: Int? = nil, notApplicable: Int = 0) {
        self.spec = spec
        self.runs = runs
        self.done = done
        self.notApplicable = notApplicable
    }

    /// The summary, listing at most `preview` runs:
    ///
    /// ```
    /// aszh-ratio (experiments/aszh-ratio.yaml): 90 runs
    ///   aszh bits=16 seed=1 balance=exact ratio=1/-5 unseen=8,9
    ///   …
    ///   … and 85 more
    /// ```
    public func text(preview: Int = 5) -> String {
        var header = "\(spec.name) (\(spec.file)): \(runs.count) run\(runs.count == 1 ? "" : "s")"
        if let done {
            header += ", \(done) done" + (notApplicable > 0 ? " (\(notApplicable) not applicable)" : "")
                + ", \(runs.count - done) to do"
        }
        var lines = [header]
        lines += runs.prefix(preview).map { "  " + Self.line($0) }
        if runs.count > preview { lines.append("  … and \(runs.count - preview) more") }
        return lines.joined(separator: "\n")
    }

    /// One run: `aszh bits=32 seed=1`, then its other axes as `name=value` by name.
    public static func line(_ run: PlannedRun) -> String {
        let leading = ["method", "bits", "seed"]
        let others = run.axes.keys.filter { !leading.contains($0) }.sorted().map { "\($0)=\(run.axes[$0]!)" }
        return (["\(run.axes["method"] ?? run.configuration.method)", "bits=\(run.configuration.bits)",
                 "seed=\(run.configuration.seed)"] + others).joined(separator: " ")
    }
}
