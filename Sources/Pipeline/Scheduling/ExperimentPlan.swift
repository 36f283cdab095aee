import Datasets
import Foundation

/// An experiment's runs against a store: every planned run with its id, and which are
/// done — among them those recorded not applicable, with their reasons. Ids are content
/// hashes, so a run shared by two specs (or listed twice) is one run; ``toDo`` lists
/// each missing id once.
public struct ExperimentPlan {
    public let spec: ExperimentSpec
    public let runs: [ScheduledRun]
    /// The ids with a final outcome in the store (``RunStore/finished(_:_:)``).
    public let done: Set<String>
    /// The ids among ``done`` recorded not applicable → their reasons.
    public let notApplicable: [String: String]

    /// Expands `spec` (datasets resolved under `root`) and checks each run in the store.
    ///
    /// - Throws: ``SpecError`` for an invalid spec; dataset errors when it cannot be hashed.
    public init(spec: ExperimentSpec, root: String, execution: RunExecution) throws {
        self.spec = spec
        runs = try spec.plannedRuns(root: root).map { run in
            let (id, sha) = try execution.id(of: run)
            return ScheduledRun(id: id, run: run, datasetSHA256: sha)
        }
        var done = Set<String>()
        var notApplicable: [String: String] = [:]
        for scheduled in runs where !done.contains(scheduled.id) {
            guard let stored = execution.store.finished(scheduled.id, scheduled.run) else { continue }
            done.insert(scheduled.id)
            if stored.status == .notApplicable { notApplicable[scheduled.id] = stored.reason }
        }
        self.done = done
        self.notApplicable = notApplicable
    }

    /// The runs not done, each id once, in plan order.
    public var toDo: [ScheduledRun] {
        var seen = done
        return runs.filter { seen.insert($0.id).inserted }
    }

    /// The number of distinct runs.
    public var distinctCount: Int { Set(runs.map(\.id)).count }

    /// The finished runs as report records, in plan order: axes, named metrics and the
    /// precision–recall curve of each evaluation of each `ok` run
    /// (``RunResult/evaluations``: one per direction of a cross-modal run, with the
    /// axis `direction`, and for an online run also one per round and direction, with
    /// the axis `round`, the round's records of the run's first direction also holding
    /// the metric `train_seconds`: a round is trained once, so its seconds are counted
    /// once); axes and the reason, without metrics, of each run recorded not applicable
    /// (one per direction).
    public func records(in store: RunStore) -> [ReportRecord] {
        runs.enumerated().flatMap { index, scheduled -> [ReportRecord] in
            guard let stored = store.finished(scheduled.id, scheduled.run) else { return [] }
            switch stored.status {
            case .ok:
                let firstDirection = scheduled.run.configuration.directions.first.map {
                    RunEvaluation.directionName(query: $0.query, database: $0.database)
                }
                return stored.result?.evaluations.map { evaluation in
                    var axes = scheduled.run.axes
                    axes["direction"] = evaluation.direction
                    axes["round"] = evaluation.round.map(String.init)
                    var metrics = evaluation.report.namedValues
                    if evaluation.direction == nil || evaluation.direction == firstDirection {
                        metrics["train_seconds"] = evaluation.trainSeconds
                    }
                    return ReportRecord(axes: axes, metrics: metrics, curve: evaluation.report.precisionRecallByRadius,
                                        run: index)
                } ?? []
            case .notApplicable:
                let directions = scheduled.run.configuration.isCrossModal
                    ? scheduled.run.configuration.directions.map {
                        RunEvaluation.directionName(query: $0.query, database: $0.database)
                    } : [nil]
                return directions.map { direction in
                    var axes = scheduled.run.axes
                    axes["direction"] = direction
                    return ReportRecord(axes: axes, metrics: [:], notApplicable: stored.reason, run: index)
                }
            case .failed:
                return []
            }
        }
    }
}
