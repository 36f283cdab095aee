import ArgumentParser
import Datasets
import Dispatch
import Foundation
import Pipeline

/// `hashlab run SPEC…`: computes every run of the specs that the store lacks, with
/// worker processes; failed runs are listed at the end (exit 1); runs the method
/// declines (recorded not applicable, e.g. ITQ with more bits than dimensions) are
/// counted with their reasons grouped, are done, and are no failure; Ctrl-C stops the
/// workers, waits for them to exit and exits 130, leaving the store consistent for the
/// next `run`. `--only` naming an axis or a value that no run of the specs has is an
/// error, like a spec error (exit 2), and nothing runs. A store that cannot hold runs
/// (``RunStore/checkWritable()``: under a file, a file itself, read-only) is an error
/// (exit 1) before anything is planned or runs. With `--executor slurm` the runs are
/// submitted as job arrays instead (see ``submitToSlurm(_:experiments:)``).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run what is missing from the specs' runs (resumable, parallel).",
        discussion: """
            Example: hashlab run experiments/aszh-ratio.yaml --jobs 2 --only method=aszh,bits=32
            Results go to results/runs/<run id>.json; a second run of the same specs does nothing.
            """)

    @Argument(help: "Spec files (experiments/*.yaml).")
    var specs: [String]

    @Option(help: "Worker processes (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Recompute runs the store already has.")
    var force = false

    @Option(help: "Only runs whose axes have these values, e.g. method=aszh,bits=32 (bits=32|64 takes either).",
            transform: RunFilter.init)
    var only: RunFilter?

    @Option(help: "Where runs are computed: local (worker processes here) or slurm (job arrays; see --partition …).")
    var executor: Executor = .local

    @OptionGroup(title: "Slurm (with --executor slurm)") var slurm: SlurmSubmitOptions

    @OptionGroup var options: ResultsOptions

    func run() throws {
        let store = options.store
        let execution = RunExecution(store: store, catalog: DatasetCatalog(root: options.root))
        let specs = try reportingErrors { try options.specs(self.specs) }
        let filter = only ?? .everyRun
        do {
            try filter.check(against: specs)
        } catch {
            throw specExit(printing: error)
        }
        try reportingErrors { try store.checkWritable() }
        let plans = try reportingErrors { try options.plans(specs, execution: execution) }
        var queue: [ScheduledRun] = []
        var queued = Set<String>()
        var experiments: [String: String] = [:]
        for plan in plans {
            let candidates = (force ? plan.runs : plan.toDo).filter { filter.matches($0.run.axes) }
            let added = candidates.filter { queued.insert($0.id).inserted }
            queue += added
            for run in added { experiments[run.id] = plan.spec.name }
            let declined = plan.notApplicable.isEmpty ? "" : " (\(plan.notApplicable.count) not applicable)"
            print("\(plan.spec.name): \(plan.distinctCount) runs, \(plan.done.count) done\(declined), "
                  + "\(added.count) to run")
        }
        guard !queue.isEmpty else { return }
        if executor == .slurm {
            return try submitToSlurm(queue, experiments: experiments)
        }
        let scheduler = LocalScheduler(executable: Self.executablePath, root: options.root, store: store,
                                       jobs: jobs, force: force)
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { scheduler.cancel() }
        interrupt.resume()
        print("running \(queue.count) runs with \(scheduler.jobs) workers × \(scheduler.threadsPerWorker) threads")
        let progress = ProgressReporter(total: queue.count, jobs: scheduler.jobs)
        let outcomes = scheduler.run(queue) { progress.record($0) }
        if scheduler.isCancelled {
            StandardError.write("\nhashlab: interrupted; finished runs are stored, run again to resume\n")
            throw ExitCode(130)
        }
        if let summary = progress.notApplicableSummary { print(summary) }
        let failures = outcomes.filter { $0.failure != nil }
        guard failures.isEmpty else {
            var message = "hashlab: \(failures.count) of \(outcomes.count) runs failed:\n"
            for failure in failures {
                message += "  \(failure.run.label) [\(failure.run.id.prefix(12))]: \(failure.failure ?? "")\n"
            }
            StandardError.write(message)
            throw ExitCode.failure
        }
    }

    /// This executable, which the workers run.
    static var executablePath: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }
}
