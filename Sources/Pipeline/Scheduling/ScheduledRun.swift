/// A planned run with its id, ready for a worker.
public struct ScheduledRun: Sendable {
    public var id: String
    public var run: PlannedRun

    public init(id: String, run: PlannedRun) {
        self.id = id
        self.run = run
    }

    /// `method bits=… seed=… <other axes>`, for progress lines.
    public var label: String {
        let others = run.axes.filter { !["method", "bits", "seed"].contains($0.key) }.sorted { $0.key < $1.key }
        return ([run.axes["method"] ?? run.configuration.method, "bits=\(run.configuration.bits)",
                 "seed=\(run.configuration.seed)"] + others.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }
}
