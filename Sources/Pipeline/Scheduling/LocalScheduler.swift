import Dispatch
import Foundation

/// Runs scheduled runs with `jobs` worker processes, each `hashlab run-one --planned
/// <json> --store <dir>` for one run, each on ``threadsPerWorker`` threads (by default
/// ⌊cores / jobs⌋, so workers × threads never exceed the cores). A worker's
/// standard error is appended to `<store>/../logs/<id>.log`. A failed run (recorded
/// `failed` by its worker, a worker that died without writing, or one that could not
/// take the run's lock — then an older file of the run is no success) does not stop the
/// others; a run recorded not applicable is no failure (``Outcome/notApplicable``).
///
/// Sharing a store: a run whose lock another process holds (another `hashlab run`, a
/// Slurm task) is busy. The scheduler probes a run's lock before starting its worker,
/// and the worker does not wait for a lock either (it exits ``busyStatus``); a busy run
/// goes to the end of the queue and the free ones go first. When only busy runs
/// remain, they are probed again every ``pollInterval`` until free, and then found
/// done (without starting a worker) or, when their holder died without a result,
/// computed. Before scheduling, the temporary files that writes killed midway left
/// (scheduler and worker both gone) are removed, each under its run's lock.
///
/// ``cancel()`` (on Ctrl-C) terminates the workers and ``run(_:finished:)`` returns
/// once they have exited: a worker writes its file only when its run has ended,
/// atomically, and the temporary file of a write a worker died in is removed, so
/// nothing partial is left and the next `run` resumes. The scheduler's open
/// descriptors do not grow with the number of runs: what it opens for a run (the
/// worker's log, a lock it probes or takes) it closes before the run's outcome is
/// reported.
public final class LocalScheduler: @unchecked Sendable {
    /// How one run ended.
    public struct Outcome: Sendable {
        public var run: ScheduledRun
        public var stored: StoredRun?
        /// Why the run failed (its recorded error, or how its worker died); nil when ok or
        /// not applicable.
        public var failure: String?
        public var seconds: Double

        /// Why the method declines the run, when the run is recorded not applicable.
        public var notApplicable: String? {
            stored?.status == .notApplicable ? stored?.reason : nil
        }
    }

    /// A worker's exit status when another process holds its run's lock (75,
    /// `EX_TEMPFAIL` of sysexits.h: try again later).
    public static let busyStatus: Int32 = 75

    /// How long the scheduler waits before probing busy runs again when no worker of
    /// its own has ended meanwhile.
    public static let pollInterval = 0.2

    public let executable: String
    public let root: String
    public let store: RunStore
    public let jobs: Int
    private let lock = NSLock()
    private var running: [Int32: Process] = [:]
    private var cancelled = false

    /// Whether workers recompute runs the store already has.
    public let force: Bool

    public init(executable: String, root: String, store: RunStore, jobs: Int, force: Bool = false) {
        self.executable = executable
        self.root = root
        self.store = store
        self.jobs = max(1, jobs)
        self.force = force
    }

    /// Threads per worker (``BLASLibrary/threads``, passed as `OPENBLAS_NUM_THREADS`):
    /// the user's `OPENBLAS_NUM_THREADS` when set, else ⌊cores / jobs⌋ (at least 1). It
    /// changes the speed of a run, never its results.
    public var threadsPerWorker: Int {
        if let given = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"].flatMap({ Int($0) }), given >= 1 {
            return given
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount / jobs)
    }

    /// Runs `runs`, calling `finished` (serially) as each ends; returns every outcome —
    /// except, after ``cancel()``, those of the runs whose workers it terminated, or
    /// that were busy: they were interrupted, not failed, and remain to do.
    public func run(_ runs: [ScheduledRun], finished: (Outcome) -> Void) -> [Outcome] {
        let logs = ((store.directory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("logs")
        try? FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        store.removeOrphanTemporaries()
        let done = DispatchSemaphore(value: 0)
        let ended = EndedWorkers()
        var queue = runs
        var next = 0
        var active = 0
        var outcomes: [Outcome] = []
        func report(_ outcome: Outcome) {
            outcomes.append(outcome)
            finished(outcome)
        }
        while next < queue.count || active > 0 {
            // Busy runs are appended again on every pass: drop what was taken from the
            // queue once it is half of it, so a long wait does not grow the queue.
            if next * 2 > queue.count {
                queue.removeFirst(next)
                next = 0
            }
            // Each pass tries every queued run at most once: a busy one goes to the end.
            var tried = 0
            let queued = queue.count - next
            while active < jobs, next < queue.count, tried < queued, !isCancelled {
                let run = queue[next]
                next += 1
                tried += 1
                switch RunLock.state(store: store, id: run.id) {
                case .held, .stale:
                    queue.append(run)
                    continue
                case .free, .unknown:
                    break
                }
                if !force, let stored = store.finished(run.id, run.run) {
                    report(Outcome(run: run, stored: stored, failure: nil, seconds: 0))
                    continue
                }
                let start = Date()
                let before = store.fileIdentity(run.id)
                do {
                    let launched = try launch(run, logDirectory: logs) { status in
                        ended.append(EndedWorker(run: run, status: status, seconds: Date().timeIntervalSince(start),
                                                 fileBefore: before))
                        done.signal()
                    }
                    if launched { active += 1 }
                } catch {
                    report(Outcome(run: run, stored: nil, failure: "cannot start a worker: \(error)", seconds: 0))
                }
            }
            if active == 0 && (next == queue.count || isCancelled) { break }
            if next < queue.count && active < jobs {
                // A free slot and only busy runs queued: probe them again soon.
                _ = done.wait(timeout: .now() + Self.pollInterval)
            } else {
                done.wait()
            }
            for worker in ended.take() {
                active -= 1
                if worker.status == Self.busyStatus && !isCancelled {
                    queue.append(worker.run)
                    continue
                }
                if worker.status != 0 && worker.status != Self.busyStatus { removeLeftovers(of: worker.run.id) }
                let outcome = self.outcome(worker, logDirectory: logs)
                if isCancelled && outcome.stored == nil { continue }
                report(outcome)
            }
        }
        return outcomes
    }

    /// Starts no more workers and terminates the running ones (``run(_:finished:)``
    /// returns once they have exited). Safe to call from any thread, e.g. from the
    /// handler of a dispatch signal source.
    public func cancel() {
        lock.lock()
        cancelled = true
        let processes = Array(running.values)
        lock.unlock()
        for process in processes where process.isRunning { process.terminate() }
    }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Starts the worker of `scheduled`, calling `onExit` with its exit status when it
    /// ends; returns false, starting nothing, once cancelled (checked under the lock
    /// ``cancel()`` takes, so every worker started is one it terminates).
    private func launch(_ scheduled: ScheduledRun, logDirectory: String,
                        onExit: @escaping @Sendable (Int32) -> Void) throws -> Bool {
        let plannedJSON = String(decoding: try RunID.canonicalEncoder.encode(scheduled.run), as: UTF8.self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run-one", "--planned", plannedJSON, "--dataset-sha256", scheduled.datasetSHA256,
                             "--store", store.directory, "--root", root]
            + (force ? ["--force"] : [])
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "\(threadsPerWorker)"
        process.environment = environment
        // Appended to, never truncated: a worker of another `hashlab run` on the store may
        // be writing to the same log. The worker gets its own copy of the descriptor when
        // it is spawned, and the scheduler closes this one itself when `launch` returns.
        // Foundation never deallocates a Process nobody called `waitUntilExit()` on, so
        // closing on deallocation leaked one descriptor per run (and, were it ever to
        // happen after this close, would close whatever file had the number by then).
        let log = open((logDirectory as NSString).appendingPathComponent("\(scheduled.id).log"),
                       O_WRONLY | O_CREAT | O_APPEND, 0o644)
        defer { if log >= 0 { close(log) } }
        process.standardError = log >= 0 ? FileHandle(fileDescriptor: log, closeOnDealloc: false) : FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.terminationHandler = { [weak self] finished in
            self?.forget(finished.processIdentifier)
            onExit(finished.terminationStatus)
        }
        lock.lock()
        defer { lock.unlock() }
        guard !cancelled else { return false }
        try process.run()
        running[process.processIdentifier] = process
        return true
    }

    /// Removes the temporary file a worker killed while writing run `id` left in the
    /// store — when no other process holds the run's lock, so that no other write of
    /// the run is under way.
    private func removeLeftovers(of id: String) {
        guard let lock = try? RunLock(store: store, id: id, waiting: false) else { return }
        store.removeTemporaries(of: id)
        lock.release()
    }

    private func forget(_ pid: Int32) {
        lock.lock()
        running[pid] = nil
        lock.unlock()
    }

    /// How the worker of `worker.run` ended, from its exit status and the store. The
    /// run's file counts only when the worker exited 0 or the file was written since
    /// the worker started (a worker killed after its write): a worker that failed
    /// before writing, e.g. unable to take the lock under `--force`, leaves the older
    /// file, which is not this run's outcome.
    private func outcome(_ worker: EndedWorker, logDirectory: String) -> Outcome {
        let run = worker.run
        let written = worker.status == 0 || store.fileIdentity(run.id) != worker.fileBefore
        if written, let stored = store.finished(run.id, run.run) {
            return Outcome(run: run, stored: stored, failure: nil, seconds: worker.seconds)
        }
        if written, let stored = store.load(run.id), stored.status == .failed {
            return Outcome(run: run, stored: stored, failure: stored.error ?? "failed", seconds: worker.seconds)
        }
        let logPath = (logDirectory as NSString).appendingPathComponent("\(run.id).log")
        let tail = (try? String(contentsOfFile: logPath, encoding: .utf8))?
            .split(separator: "\n").suffix(3).joined(separator: " | ") ?? ""
        let details = [tail.isEmpty ? nil : tail, store.fileSystemProblem].compactMap { $0 }
        return Outcome(run: run, stored: nil,
                       failure: "worker exited with status \(worker.status) without a result"
                           + (details.isEmpty ? "" : ": " + details.joined(separator: "; ")),
                       seconds: worker.seconds)
    }
}

/// A worker that has exited: its run, exit status and seconds, and the identity of the
/// run's file when it started (``RunStore/fileIdentity(_:)``).
private struct EndedWorker: Sendable {
    var run: ScheduledRun
    var status: Int32
    var seconds: Double
    var fileBefore: RunStore.FileIdentity?
}

/// Workers that have exited and not yet been collected.
private final class EndedWorkers: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [EndedWorker] = []

    func append(_ entry: EndedWorker) {
        lock.lock()
        entries.append(entry)
        lock.unlock()
    }

    func take() -> [EndedWorker] {
        lock.lock()
        defer { lock.unlock() }
        let taken = entries
        entries.removeAll()
        return taken
    }
}
