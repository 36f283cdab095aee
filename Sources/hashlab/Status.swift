import ArgumentParser
import Datasets
import Foundation
import Pipeline

/// `hashlab status [SPEC…]`: per experiment, how many runs are done, running, pending,
/// failed and missing (``RunProgress``), from the store, the runs' locks and — for runs
/// submitted with `--executor slurm` — `squeue`, and `sacct` on a cluster with
/// accounting, to say how each failed run's task ended. Without specs, the experiments of every
/// Slurm submission in the store. `--wait` polls every `--interval` seconds until no run
/// is running or pending and no Slurm task of the runs is queued, then exits like `hashlab run`: 0 when every run is done, 1
/// otherwise (some failed or missing). Without `--wait` the exit status is 0.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Done, running, pending, failed and missing runs per spec (local and Slurm).",
        discussion: """
            Example: hashlab status experiments/aszh-ratio.yaml --wait
            With --wait: exit 0 once every run is done, 1 when some failed or are missing.
            """)

    @Argument(help: "Spec files (default: the experiments of every Slurm submission in the store).")
    var specs: [String] = []

    @Flag(help: "Wait until no run is running or pending, then exit 0 when all are done, 1 otherwise.")
    var wait = false

    @Option(help: "Seconds between polls with --wait.")
    var interval: Double = 10

    @OptionGroup var options: ResultsOptions

    func validate() throws {
        guard interval > 0 else { throw ValidationError("--interval must be positive") }
    }

    func run() throws {
        let slurmDirectory = (options.resultsDirectory as NSString).appendingPathComponent("slurm")
        let logDirectory = ((options.resultsDirectory as NSString).appendingPathComponent("logs") as NSString)
            .appendingPathComponent("slurm")
        let groups = try experiments(slurmDirectory: slurmDirectory)
        guard !groups.isEmpty else {
            print("no Slurm submissions in \(slurmDirectory); name specs to see their runs")
            return
        }
        var warned = false
        var accountingWarned = false
        var lastActive: Int?
        while true {
            var tracking: SlurmTracking?
            var statuses = try reportingErrors { () -> [SweepStatus] in
                // The queue before the store: a task that leaves the queue has written its
                // result already, so no run is taken for failed while it is being stored.
                let queue = currentQueue(warned: &warned)
                let current = SlurmTracking(submissions: try SlurmSubmission.all(in: slurmDirectory), queue: queue,
                                            logDirectory: logDirectory)
                tracking = current
                return groups.map { SweepStatus(experiment: $0.experiment, runs: $0.runs, store: options.store, slurm: current) }
            }
            let active = statuses.map(\.active).reduce(0, +)
            guard wait, active > 0 else {
                let ended = statuses.flatMap(\.failures).compactMap(\.endedTask)
                if !ended.isEmpty, let tracking, let accounting = accounting(of: ended, warned: &accountingWarned) {
                    let explained = tracking.with(accounting)
                    statuses = groups.map {
                        SweepStatus(experiment: $0.experiment, runs: $0.runs, store: options.store, slurm: explained)
                    }
                }
                print(statuses.map(\.text).joined(separator: "\n"))
                guard wait else { return }
                let notDone = statuses.map { $0.total - ($0.counts[.done] ?? 0) }.reduce(0, +)
                if notDone > 0 {
                    StandardError.write("hashlab: \(notDone) runs not done (failed or missing)\n")
                    throw ExitCode.failure
                }
                return
            }
            if active != lastActive {
                print("waiting: \(active) runs running or pending (or their Slurm tasks queued)")
                fflush(nil)
                lastActive = active
            }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// The experiments to report: the specs' runs, or the runs of every submission
    /// grouped by experiment in submission order.
    private func experiments(slurmDirectory: String) throws -> [(experiment: String, runs: [ScheduledRun])] {
        if !specs.isEmpty {
            let execution = RunExecution(store: options.store, catalog: DatasetCatalog(root: options.root))
            let loaded = try options.specs(specs)
            return try reportingErrors { try options.plans(loaded, execution: execution) }.map { ($0.spec.name, $0.runs) }
        }
        var groups: [(experiment: String, runs: [ScheduledRun])] = []
        for submission in try reportingErrors({ try SlurmSubmission.all(in: slurmDirectory) }) {
            for entry in submission.plan.runs {
                if let index = groups.firstIndex(where: { $0.experiment == entry.experiment }) {
                    groups[index].runs.append(entry.scheduled)
                } else {
                    groups.append((entry.experiment, [entry.scheduled]))
                }
            }
        }
        return groups
    }

    /// How the tasks `ended` ended, from sacct, or nil when the cluster keeps no
    /// accounting (`scontrol show config`), or scontrol or sacct fails — then failed
    /// runs' tasks are said to have "ended", and a failure is said once.
    private func accounting(of ended: [SlurmTask], warned: inout Bool) -> SlurmAccounting? {
        do {
            guard try SlurmClusterConfiguration.current().hasAccounting else { return nil }
            return try SlurmAccounting.current(jobIDs: Array(Set(ended.map(\.jobID))).sorted())
        } catch {
            if !warned {
                StandardError.write("hashlab: warning: \(error); cannot say how the failed runs' Slurm tasks ended\n")
                warned = true
            }
            return nil
        }
    }

    /// The Slurm queue, or nil when Slurm is not installed here (no squeue) or squeue
    /// fails — then submitted runs without a result count as missing, said once.
    private func currentQueue(warned: inout Bool) -> SlurmQueue? {
        guard (try? SlurmCommand("squeue")) != nil else { return nil }
        do {
            return try SlurmQueue.current()
        } catch {
            if !warned {
                StandardError.write("hashlab: warning: \(error); submitted runs without a result are counted missing\n")
                warned = true
            }
            return nil
        }
    }
}
