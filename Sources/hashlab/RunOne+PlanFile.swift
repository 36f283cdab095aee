import ArgumentParser
import Datasets
import Foundation
import Pipeline

extension RunOne {
    /// Slurm worker mode, what each array task runs: computes entry `--offset` +
    /// `--index` of the plan file `path` (``SlurmPlanFile``) into `--store`, through the
    /// same ``RunExecution`` as a local worker (the run's lock; a run already done is not
    /// redone unless `--force` or the plan says so). The first line on standard error
    /// names the entry and its run id, so each task's log says which run it computed;
    /// once the run's file is in the store (written by this task or found done),
    /// `hashlab: run <id> is stored: <status>` follows (then the reason or error when
    /// not ok), so a log without that line is a task that ended early (cancelled,
    /// killed, out of time) — before its run was stored, unless in the instant between.
    /// Exit status as in ``runPlanned(_:)``; 1 also when the plan cannot be read or
    /// has no such entry.
    func runFromPlanFile(_ path: String) throws {
        guard let store, let index else { throw ValidationError("--plan-file needs --index and --store") }
        let (plan, entry) = try reportingErrors { () -> (SlurmPlanFile, SlurmPlanFile.Entry) in
            let plan = try SlurmPlanFile.load(path: path)
            return (plan, try plan.entry(at: offset + index, path: path))
        }
        StandardError.write("hashlab: \(path) entry \(offset + index): run \(entry.id) (\(entry.scheduled.label))\n")
        let stored = try reportingErrors {
            let execution = RunExecution(store: RunStore(directory: store), catalog: DatasetCatalog(root: options.root))
            return try execution.execute(entry.run, datasetSHA256: entry.datasetSHA256, force: force || plan.force) {
                StandardError.write("hashlab: \($0)\n")
            }
        }
        StandardError.write("hashlab: run \(stored.id) is stored: \(stored.status.rawValue)\n")
        try report(stored)
    }
}
