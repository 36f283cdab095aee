import Dispatch
import Foundation

/// Runs scheduled runs with `jobs` worker processes, each `hashlab run-one --planned
/// <json> --store <dir>` for one run, and OpenBLAS limited to ⌊cores / jobs⌋ threads
/// per worker (at least 1) so workers × threads never exceed the cores. A worker's
/// standard error is appended to `<store>/../logs/<id>.log`. A failed run (recorded
/// `failed` by its worker, or a worker that died without writing) does not stop the
/// others.
/// ``cancel()`` (on Ctrl-C) terminates the workers: a worker writes its file only when
/// its run has ended, atomically, so nothing partial is left and the next `run`
/// resumes.
public final class LocalScheduler: @unchecked Sendable {
    /// How one run ended.
    public struct Outcome: Sendable {
        public var run: ScheduledRun
        public var stored: StoredRun?
        /// Why the run failed (its recorded error, or how its worker died); nil when ok.
        public var failure: String?
        public var seconds: Double
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

    /// OpenBLAS threads per worker.
    public var threadsPerWorker: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount / jobs)
    }

    /// Runs `runs`, calling `finished` (serially) as each ends; returns every outcome.
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
                    try launch(next, logDirectory: logs) { status in
                        ended.append((next, status, Date().timeIntervalSince(start)))
                        done.signal()
                    }
                    active += 1
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
                let outcome = self.outcome(run, status: status, seconds: seconds, logDirectory: logs)
                outcomes.append(outcome)
                finished(outcome)
            }
        }
        return outcomes
    }

    /// Terminates every worker and starts no more.
    public func cancel() {
        lock.lock()
        cancelled = true
        let processes = Array(running.values)
        lock.unlock()
        for process in processes where process.isRunning { process.terminate() }
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    private func launch(_ scheduled: ScheduledRun, logDirectory: String,
                        onExit: @escaping @Sendable (Int32) -> Void) throws {
        let plannedJSON = String(decoding: try RunID.canonicalEncoder.encode(scheduled.run), as: UTF8.self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run-one", "--planned", plannedJSON, "--store", store.directory, "--root", root]
            + (force ? ["--force"] : [])
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "\(threadsPerWorker)"
        process.environment = environment
        // Appended to, never truncated: a worker of another `hashlab run` on the store may
        // be writing to the same log.
        let log = open((logDirectory as NSString).appendingPathComponent("\(scheduled.id).log"),
                       O_WRONLY | O_CREAT | O_APPEND, 0o644)
        process.standardError = log >= 0 ? FileHandle(fileDescriptor: log, closeOnDealloc: true) : FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.terminationHandler = { [weak self] finished in
            self?.forget(finished.processIdentifier)
            onExit(finished.terminationStatus)
        }
        lock.lock()
        defer { lock.unlock() }
        try process.run()
        running[process.processIdentifier] = process
    }

    private func forget(_ pid: Int32) {
        lock.lock()
        running[pid] = nil
        lock.unlock()
    }

    private func outcome(_ run: ScheduledRun, status: Int32, seconds: Double, logDirectory: String) -> Outcome {
        let stored = store.load(run.id)
        if let stored, stored.status == .ok, store.isDone(run.id, run.run) {
            return Outcome(run: run, stored: stored, failure: nil, seconds: seconds)
        }
        if let stored, stored.status == .failed {
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
