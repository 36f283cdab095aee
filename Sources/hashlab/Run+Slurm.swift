import ArgumentParser
import Foundation
import Pipeline

extension Run {
    /// The sbatch options make sense only with `--executor slurm`.
    func validate() throws {
        if executor == .local && slurm.slurmOptions != SlurmOptions() {
            throw ValidationError("--partition, --time, --cpus-per-task, --mem, --array-parallelism, --account and "
                                  + "--sbatch-arg apply to --executor slurm")
        }
    }

    /// `--executor slurm`: submits `runs` (each run's experiment in `experiments`) as job
    /// arrays (``SlurmExecutor``) and prints the job ids; returns without waiting
    /// (`hashlab status --wait` waits). A run whose Slurm task of an earlier submission
    /// is still pending or running, or whose lock a process holds, is not submitted
    /// again: it is counted as already queued. Errors (no sbatch, sbatch rejecting the
    /// job) exit 1 with nothing submitted and no plan left behind.
    func submitToSlurm(_ runs: [ScheduledRun], experiments: [String: String]) throws {
        let executor = SlurmExecutor(executable: Self.executablePath, root: options.root,
                                     resultsDirectory: options.resultsDirectory, options: slurm.slurmOptions, force: force)
        let submission = try reportingErrors { () -> SlurmSubmission? in
            let tracking = SlurmTracking(submissions: try SlurmSubmission.all(in: executor.slurmDirectory),
                                         queue: try? SlurmQueue.current(), logDirectory: executor.logDirectory)
            let fresh = runs.filter {
                let progress = RunProgress.of($0, store: executor.store, slurm: tracking).0
                return progress != .running && progress != .pending
            }
            if fresh.count < runs.count {
                print("\(runs.count - fresh.count) of \(runs.count) runs already queued or running: not submitted again")
            }
            guard !fresh.isEmpty else { return nil }
            return try executor.submit(fresh.map {
                SlurmPlanFile.Entry(id: $0.id, experiment: experiments[$0.id] ?? "", datasetSHA256: $0.datasetSHA256,
                                    run: $0.run)
            })
        }
        guard let submission else { return }
        let total = submission.plan.runs.count
        print("submitted \(total) runs as \(submission.arrays.count) job array\(submission.arrays.count == 1 ? "" : "s") "
              + "(plan: \(submission.planPath); logs: \(executor.logDirectory)/<job>_<task>.log)")
        for array in submission.arrays {
            print("  job \(array.jobID): runs \(array.slice.offset + 1)–\(array.slice.offset + array.slice.count) of \(total)")
        }
    }
}
