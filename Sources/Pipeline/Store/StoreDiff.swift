import Foundation

/// Compares two result stores (directories of run files, e.g. the `results/runs` of
/// two checkouts) run by run. Runs of the same id in both are compared metric by
/// metric (every ``EvaluationReport/namedValues`` name): a metric moved when its two
/// values differ by more than ``tolerance``. Runs in one store only, and runs whose
/// status differs (`ok`, `failed`, `not_applicable`), are listed; runs failed or not
/// applicable in both have no metrics to compare. A run file (`<id>.json`) that does
/// not read as a run is an error naming it, not a run missing from its store.
public struct StoreDiff: Sendable {
    /// The largest absolute difference between two metric values that does not count as a move.
    public var tolerance: Double

    public init(tolerance: Double = 0.005) {
        self.tolerance = tolerance
    }

    /// The stores at `old` and `new` when both are directories and at least one holds
    /// a run file: a `.json` file that reads as a ``StoredRun``, or one named by a run
    /// id (64 hexadecimal digits), readable or not; nil otherwise — for files, or
    /// directories of report tables.
    public static func stores(old: String, new: String) -> (old: RunStore, new: RunStore)? {
        func isDirectory(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        guard isDirectory(old), isDirectory(new) else { return nil }
        let stores = (old: RunStore(directory: old), new: RunStore(directory: new))
        let holdsRuns = [stores.old, stores.new].contains { store in
            store.ids.contains { id in
                (id.utf8.count == 64 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) })
                    || store.load(id) != nil
            }
        }
        return holdsRuns ? stores : nil
    }

    /// What differs between the runs of `old` (A) and `new` (B), in order of run label.
    ///
    /// - Throws: ``StoreDiffError/unreadableRuns(_:)`` listing every run file of either
    ///   store that does not read as a run.
    public func compare(old: RunStore, new: RunStore) throws -> Report {
        var unreadable: [StoreDiffError.UnreadableRun] = []
        let oldRuns = Self.runs(in: old, unreadable: &unreadable)
        let newRuns = Self.runs(in: new, unreadable: &unreadable)
        guard unreadable.isEmpty else { throw StoreDiffError.unreadableRuns(unreadable) }
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

    /// The runs of `store` by id; the files that do not read as runs are added to
    /// `unreadable`.
    private static func runs(in store: RunStore, unreadable: inout [StoreDiffError.UnreadableRun]) -> [String: StoredRun] {
        var runs: [String: StoredRun] = [:]
        for id in store.ids {
            let path = store.path(id)
            do {
                runs[id] = try JSONDecoder().decode(StoredRun.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch let error as DecodingError {
                let data = FileManager.default.contents(atPath: path) ?? Data()
                unreadable.append(.init(path: path, reason: StoreDiffError.reason(data, error)))
            } catch {
                unreadable.append(.init(path: path, reason: SystemReason.of(error)))
            }
        }
        return runs
    }
}
