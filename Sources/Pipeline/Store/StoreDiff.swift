import Foundation

/// Compares two result stores (directories of run files, e.g. the `results/runs` of
/// two checkouts) run by run. Runs of the same id in both are compared metric by
/// metric (every ``EvaluationReport/namedValues`` name): a metric moved when its two
/// values differ by more than ``tolerance``. Runs in one store only, and runs whose
/// status differs (`ok`, `failed`, `not_applicable`), are listed; runs failed or not
/// applicable in both have no metrics to compare. Files that do not read as runs are
/// ignored, as the store ignores them.
public struct StoreDiff: Sendable {
    /// The largest absolute difference between two metric values that does not count as a move.
    public var tolerance: Double

    public init(tolerance: Double = 0.005) {
        self.tolerance = tolerance
    }

    /// The stores at `old` and `new` when both are directories and at least one holds
    /// a run file (a `.json` file that reads as a ``StoredRun``); nil otherwise — for
    /// files, or directories of report tables.
    public static func stores(old: String, new: String) -> (old: RunStore, new: RunStore)? {
        func isDirectory(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        guard isDirectory(old), isDirectory(new) else { return nil }
        let stores = (old: RunStore(directory: old), new: RunStore(directory: new))
        let holdsRuns = [stores.old, stores.new].contains { store in store.ids.contains { store.load($0) != nil } }
        return holdsRuns ? stores : nil
    }

    /// What differs between the runs of `old` (A) and `new` (B), in order of run label.
    public func compare(old: RunStore, new: RunStore) -> Report {
        let oldRuns = Self.runs(in: old)
        let newRuns = Self.runs(in: new)
        var report = Report()
        let ids = Set(oldRuns.keys).union(newRuns.keys).sorted {
            RunName((oldRuns[$0] ?? newRuns[$0])!) < RunName((oldRuns[$1] ?? newRuns[$1])!)
        }
        for id in ids {
            switch (oldRuns[id], newRuns[id]) {
            case let (oldRun?, newRun?):
                if oldRun.status != newRun.status {
                    report.statusChanges.append(StatusChange(run: RunName(newRun), old: oldRun.status,
                                                             new: newRun.status,
                                                             error: oldRun.error ?? newRun.error
                                                                 ?? oldRun.reason ?? newRun.reason))
                } else if let oldResult = oldRun.result, let newResult = newRun.result {
                    report.metricChanges += metricChanges(RunName(newRun), old: oldResult, new: newResult)
                }
            case let (oldRun?, nil):
                report.onlyInOld.append(RunName(oldRun))
            case let (nil, newRun?):
                report.onlyInNew.append(RunName(newRun))
            case (nil, nil):
                break
            }
        }
        return report
    }

    /// The metrics of one run that moved beyond the tolerance, evaluation by evaluation
    /// (``RunResult/evaluations``: directions, online rounds), in the order of
    /// ``EvaluationReport/metricNames(cutoffs:)``; a metric of a direction or round is
    /// named after it (`fac→pix, round 3: map`).
    private func metricChanges(_ run: RunName, old: RunResult, new: RunResult) -> [MetricChange] {
        let newEvaluations = Dictionary(new.evaluations.map { ($0.label, $0.report) }) { first, _ in first }
        return old.evaluations.flatMap { evaluation -> [MetricChange] in
            guard let newReport = newEvaluations[evaluation.label] else { return [] }
            let oldValues = evaluation.report.namedValues
            let newValues = newReport.namedValues
            let prefix = evaluation.label.isEmpty ? "" : evaluation.label + ": "
            return EvaluationReport.metricNames(cutoffs: evaluation.report.atCutoffs.map(\.cutoff)).compactMap { metric in
                guard let oldValue = oldValues[metric], let newValue = newValues[metric],
                      !(abs(newValue - oldValue) <= tolerance) else { return nil }
                return MetricChange(run: run, metric: prefix + metric, old: oldValue, new: newValue)
            }
        }
    }

    /// The readable runs of `store` by id.
    private static func runs(in store: RunStore) -> [String: StoredRun] {
        Dictionary(store.ids.compactMap { id in store.load(id).map { (id, $0) } }, uniquingKeysWith: { first, _ in first })
    }
}
