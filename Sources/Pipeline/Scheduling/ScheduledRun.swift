/// A planned run with its id, ready for a worker.
public struct ScheduledRun: Sendable {
    public var id: String
    public var run: PlannedRun

    public init(id: String, run: PlannedRun) {
        self.id = id
        self.run = run
    }

    /// `method bits=… seed=… <other axes>`, for progress lines.
    public var label: String { PlanSummary.line(run) }
}
