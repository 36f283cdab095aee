import Dispatch
import Foundation

/// Runs scheduled runs with `jobs` worker processes, each `hashlab run-one --planned
/// <json> --store <dir>` for one run, each on ``threadsPerWorker`` threads (by default
/// ⌊cores / jobs⌋, so workers × threads never exceed the cores). A worker's
/// standard error is appended to `<store>/../logs/<id>.log`. A failed run (recorded
/// `failed` by its worker, or a worker that died without writing) does not stop the
/// others; a run recorded not applicable is no failure (``Outcome/notApplicable``).
/// ``cancel()`` (on Ctrl-C) terminates the workers and ``run(_:finished:)`` returns once they have exited: a worker writes its file only when its run has
/// ended, atomically, and the temporary file of a write a worker died in is removed,
/// so nothing partial is left and the next `run` resumes. The scheduler's open
/// descriptors do not grow with the number of runs: what it opens for a run (the
/// worker's log, the run's lock) it closes before the run's outcome is reported.
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
    /// except, after ``cancel()``, those of the runs whose workers it terminated: they
    /// were interrupted, not failed, and remain to do.
    public func run(_ runs: [ScheduledRun], finished: (Outcome) -> Void) -> [Outcome] {
        let logs = ((store.directory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("logs")
        try? FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let done = DispatchSemaphore(value: 0)
        let ended = EndedWorkers()
        var pending = runs[...]
        var active = 0
        var outcomes: [Outcome] = []
        while !pending.isEmpty || active > 0 {
            while active < jobs, let next = pending.first, !isCancelled {
                pending = pending.dropFirst()
                let start = Date()
                do {
                    let launched = try launch(next, logDirectory: logs) { status in
                        ended.append((next, status, Date().timeIntervalSince(start)))
                        done.signal()
                    }
                    if launched { active += 1 }
                } catch {
                    let outcome = Outcome(run: next, stored: nil, failure: "cannot start a worker: \(error)", seconds: 0)
                    outcomes.append(outcome)
                    finished(outcome)
                }
            }
            if active == 0 { break }
            done.wait()
            for (run, status, seconds) in ended.take() {
                active -= 1
                if status != 0 { removeLeftovers(of: run.id) }
                let outcome = self.outcome(run, status: status, seconds: seconds, logDirectory: logs)
                if isCancelled && outcome.stored == nil { continue }
                outcomes.append(outcome)
                finished(outcome)
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

    private func outcome(_ run: ScheduledRun, status: Int32, seconds: Double, logDirectory: String) -> Outcome {
        if let stored = store.finished(run.id, run.run) {
            return Outcome(run: run, stored: stored, failure: nil, seconds: seconds)
        }
        if let stored = store.load(run.id), stored.status == .failed {
            return Outcome(run: run, stored: stored, failure: stored.error ?? "failed", seconds: seconds)
        }
        let logPath = (logDirectory as NSString).appendingPathComponent("\(run.id).log")
        let tail = (try? String(contentsOfFile: logPath, encoding: .utf8))?
            .split(separator: "\n").suffix(3).joined(separator: " | ") ?? ""
        return Outcome(run: run, stored: nil,
                       failure: "worker exited with status \(status) without a result\(tail.isEmpty ? "" : ": \(tail)")",
                       seconds: seconds)
    }
}

/// Workers that have exited and not yet been collected: run, exit status, seconds.
private final class EndedWorkers: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(ScheduledRun, Int32, Double)] = []

    func append(_ entry: (ScheduledRun, Int32, Double)) {
        lock.lock()
        entries.append(entry)
        lock.unlock()
    }

    func take() -> [(ScheduledRun, Int32, Double)] {
        lock.lock()
        defer { lock.unlock() }
        let taken = entries
        entries.removeAll()
        return taken
    }
}
