import Foundation

/// Where one run of a sweep stands, across executors, with the first rule that applies:
/// - `done`: the store has its final outcome (ok or not applicable);
/// - `running`: a process holds its lock (a local worker or a Slurm task computing
///   it), or its Slurm task is running;
/// - `pending`: its Slurm task is queued;
/// - `failed`: the store records it failed, or its latest Slurm task left the queue
///   without a result (cancelled, killed, out of time, a node lost) — how, when the
///   cluster's accounting says (``SlurmTracking/accounting``);
/// - `missing`: none of these — never run, nor submitted.
public enum RunProgress: String, CaseIterable, Sendable {
    case done, running, pending, failed, missing

    /// The progress of `run` in `store`, with Slurm's view when given; for a failed
    /// run also why (the stored error, or which task ended without a result — `ended`,
    /// or as accounting records it: `CANCELLED by 0 after 00:00:02`, `FAILED with exit
    /// code 1 after …` — and its log).
    public static func of(_ run: ScheduledRun, store: RunStore, slurm: SlurmTracking?) -> (RunProgress, reason: String?) {
        if store.finished(run.id, run.run) != nil { return (.done, nil) }
        if isLocked(run.id, in: store) || slurm?.queueState(of: run.id) == .running { return (.running, nil) }
        if slurm?.queueState(of: run.id) == .pending { return (.pending, nil) }
        let stored = store.load(run.id).flatMap { $0.id == run.id && $0.status == .failed ? $0 : nil }
        if let slurm, let task = slurm.endedTask(of: run.id) {
            let ending = slurm.ending(of: task).map { "\($0) (sacct)" } ?? "ended"
            let log = slurm.logPath(of: task)
            guard let stored else { return (.failed, "Slurm task \(task) \(ending) without a result (log: \(log))") }
            return (.failed, "\(stored.error ?? "failed") (Slurm task \(task) \(ending); log: \(log))")
        }
        if let stored { return (.failed, stored.error ?? "failed") }
        return (.missing, nil)
    }

    /// Whether a process holds run `id`'s lock now (``RunLock/state(store:id:)``: a
    /// shared probe that neither waits, nor creates a lock file, nor rewrites the
    /// holder's record). A stale lock is held too: its holder is computing the run.
    static func isLocked(_ id: String, in store: RunStore) -> Bool {
        switch RunLock.state(store: store, id: id) {
        case .held, .stale: return true
        case .free, .unknown: return false
        }
    }
}
