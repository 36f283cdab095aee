/// How far one experiment's runs are (``RunProgress`` of each distinct run), as
/// `hashlab status` prints it: `<experiment>: <n> runs: <d> done, <r> running,
/// <p> pending, <f> failed, <m> missing`, then one line per failed run with its reason.
public struct SweepStatus: Sendable {
    /// A run that failed, and why.
    public struct Failure: Sendable {
        public var run: ScheduledRun
        public var reason: String
        /// Its latest Slurm task, when that task left the queue without a result.
        public var endedTask: SlurmTask?
    }

    public let experiment: String
    /// The number of distinct runs in each state (every state present, 0 when none).
    public let counts: [RunProgress: Int]
    public let failures: [Failure]
    /// Runs still running or pending, or whose Slurm task is still queued though the
    /// run is done (another process computed it; the task will find it done and end):
    /// what `hashlab status --wait` waits for.
    public let active: Int

    /// The status of `runs` (each id counted once) of `experiment`.
    public init(experiment: String, runs: [ScheduledRun], store: RunStore, slurm: SlurmTracking?) {
        var counts = Dictionary(uniqueKeysWithValues: RunProgress.allCases.map { ($0, 0) })
        var failures: [Failure] = []
        var seen = Set<String>()
        var active = 0
        for run in runs where seen.insert(run.id).inserted {
            let (progress, reason) = RunProgress.of(run, store: store, slurm: slurm)
            counts[progress, default: 0] += 1
            if progress == .running || progress == .pending || slurm?.queueState(of: run.id) != nil { active += 1 }
            if progress == .failed { failures.append(Failure(run: run, reason: reason ?? "failed", endedTask: slurm?.endedTask(of: run.id))) }
        }
        self.experiment = experiment
        self.counts = counts
        self.failures = failures
        self.active = active
    }

    public var total: Int { counts.values.reduce(0, +) }

    public var text: String {
        let parts = RunProgress.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }
        return (["\(experiment): \(total) runs: " + parts.joined(separator: ", ")]
                + failures.map { "  failed: \($0.run.label) [\($0.run.id.prefix(12))]: \($0.reason)" })
            .joined(separator: "\n")
    }
}
