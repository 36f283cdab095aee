import Datasets
import Foundation

/// An experiment's runs against a store: every planned run with its id, and which are
/// done. Ids are content hashes, so a run shared by two specs (or listed twice) is one
/// run; ``toDo`` lists each missing id once.
public struct ExperimentPlan {
    public let spec: ExperimentSpec
    public let runs: [ScheduledRun]
    public let done: Set<String>

    /// Expands `spec` (datasets resolved under `root`) and checks each run in the store.
    ///
    /// - Throws: ``SpecError`` for an invalid spec; dataset errors when it cannot be hashed.
    public init(spec: ExperimentSpec, root: String, execution: RunExecution) throws {
        self.spec = spec
        runs = try spec.plannedRuns(root: root).map { run in
            let (id, sha) = try execution.id(of: run)
            return ScheduledRun(id: id, run: run, datasetSHA256: sha)
        }
        done = Set(runs.filter { execution.store.isDone($0.id, $0.run) }.map(\.id))
    }

    /// The runs not done, each id once, in plan order.
    public var toDo: [ScheduledRun] {
        var seen = done
        return runs.filter { seen.insert($0.id).inserted }
    }

    /// The number of distinct runs.
    public var distinctCount: Int { Set(runs.map(\.id)).count }

    /// The finished runs as report records (axes, named metrics and the precision–recall
    /// curve), in plan order.
    public func records(in store: RunStore) -> [ReportRecord] {
        runs.compactMap { scheduled in
            guard let result = store.finished(scheduled.id, scheduled.run)?.result else {
                return nil
            }
            return ReportRecord(axes: scheduled.run.axes, metrics: result.metrics.namedValues,
                                curve: result.metrics.precisionRecallByRadius)
        }
    }
}
