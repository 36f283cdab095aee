/// A planned run with its id, ready for a worker.
public struct ScheduledRun: Sendable {
    public var id: String
    public var run: PlannedRun
    /// The dataset hash the id includes, handed to the worker so it need not hash the
    /// dataset file again.
    public var datasetSHA256: String

    public init(id: String, run: PlannedRun, datasetSHA256: String) {
        self.id = id
        self.run = run
        self.datasetSHA256 = datasetSHA256
    }

    /// `method bits=… seed=… <other axes>`, for progress lines.
    public var label: String { PlanSummary.line(run) }
}
