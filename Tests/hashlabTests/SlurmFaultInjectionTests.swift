import Foundation
import Linalg
import Testing
import TestSupport

/// Fault injection on the Slurm executor: array tasks cancelled in the middle of their
/// computation lose no result and make no run computed twice. In ``SlurmCommandTests``,
/// whose tests run one at a time: they share the cluster's CPUs.
extension SlurmCommandTests {
    static let faultSpec = "faults.yaml"
    /// LSH, ITQ and SDH × 16, 32 bits × 9 seeds: a second or so each, so that a task
    /// caught computing is still computing when it is cancelled.
    static let faultRuns = 54

    /// How a task is interrupted: `scancel <job>_<task>` (SIGTERM to the worker),
    /// `scancel --batch --signal=KILL <job>_<task>` (SIGKILL, no chance to clean up;
    /// without `--batch`, Slurm 22.05 cancels the task the usual way, SIGTERM first:
    /// checked with a script trapping SIGTERM), or `scancel <job>` (the whole array: its
    /// running and its pending tasks).
    enum Interruption {
        case cancel, kill, cancelArray
    }

    /// ``project()`` with `faults.yaml` beside `small.yaml`.
    static func faultProject() throws -> TemporaryDirectory {
        let directory = try project()
        try """
            experiment: slurm-faults
            dataset: mfeat
            protocol: {kind: zero-shot, unseen: [8, 9], queries: 100}
            bits: [16, 32]
            seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9]
            methods:
              - method: lsh
              - method: itq
              - method: sdh
                params: {anchors: 300}
            """.write(toFile: directory.path(faultSpec), atomically: true, encoding: .utf8)
        return directory
    }

    /// The running tasks (`<job>_<task>`) of the arrays `jobs`, from `squeue`.
    static func runningTasks(of jobs: Set<String>) -> [String] {
        SlurmCluster.run("squeue", ["--noheader", "--states=RUNNING", "--format=%i"]).text
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.contains("_") && jobs.contains(arrayJob(of: $0)) }.sorted()
    }

    /// The array job id of task `<job>_<task>`.
    static func arrayJob(of task: String) -> String {
        String(task.prefix { $0 != "_" })
    }

    /// The log of task `<job>_<task>` so far (empty before the task wrote to it).
    static func taskLog(_ task: String, _ project: TemporaryDirectory) -> String {
        (try? String(contentsOfFile: project.path("results/logs/slurm/\(task).log"), encoding: .utf8)) ?? ""
    }

    /// The run id a task's log names on its first line (`hashlab: <plan> entry <n>: run
    /// <id> (<label>)`); nil when the task was stopped before writing it.
    static func runID(inTaskLog text: String) -> String? {
        guard let first = text.split(separator: "\n").first, first.hasPrefix("hashlab: "),
              let marker = first.range(of: ": run ") else { return nil }
        return first[marker.upperBound...].split(separator: " ").first.map(String.init)
    }

    /// 54 runs submitted as job arrays; at 12 seeded random moments a task in the middle
    /// of its computation (its log says "training", not yet "is stored") is interrupted
    /// — 5 times cancelled, 4 times killed, 3 times with its whole array (see
    /// ``Interruption``), in a seeded order — and the sweep resubmitted each time
    /// (`hashlab run --executor slurm` submits what is missing or failed); then `hashlab
    /// status --wait`, resubmitting while it reports failures. The store is read every
    /// 50 ms throughout (``RunFileWatch``). At the end:
    /// - no result, once stored, was rewritten or removed; every run is stored once, ok,
    ///   and parses; no temporary file is left;
    /// - across all task logs each run was computed to completion ("training", then "is
    ///   stored: ok") exactly once; the logs with "training" and no "is stored" are of
    ///   tasks that were interrupted (that partial work stored nothing: the one
    ///   complete computation of its run wrote the run's only file), and there are such
    ///   logs, so computations really were interrupted;
    /// - the results equal a local uninterrupted run's into another store, except
    ///   wall-clock seconds.
    @Test(.enabled(if: SlurmCluster.testsEnabled, SlurmCluster.skipReason))
    func interruptedTasksLoseNoResultAndComputeNoRunTwice() throws {
        try SlurmCluster.require()
        let project = try Self.faultProject()
        defer { project.remove() }
        let started = Date()
        var watch = RunFileWatch(directory: project.path("results/runs"))
        var jobs: Set<String> = []
        func submit() throws {
            let submitted = try Self.hashlab("run", project, spec: Self.faultSpec,
                                             ["--executor", "slurm", "--cpus-per-task", "1", "--time", "10"])
            #expect(submitted.status == 0, "\(submitted.error)")
            jobs.formUnion(Self.jobIDs(submitted.output))
        }
        func pause(_ seconds: Double) {
            let end = Date().addingTimeInterval(seconds)
            repeat {
                watch.look()
                usleep(50_000)
            } while Date() < end
        }

        var generator = SeededGenerator(seed: 16)
        let interruptions = ([Interruption](repeating: .cancel, count: 5) + Array(repeating: .kill, count: 4)
                             + Array(repeating: .cancelArray, count: 3)).shuffled(using: &generator)
        // What was interrupted how: `<job>_<task>` for a task, `<job>` for an array.
        var interrupted: [String: Interruption] = [:]
        try submit()
        for interruption in interruptions {
            pause(Double.random(in: 0.2...2, using: &generator))
            var computing: [String] = []
            let deadline = Date().addingTimeInterval(60)
            while computing.isEmpty && Date() < deadline {
                computing = Self.runningTasks(of: jobs).filter {
                    let log = Self.taskLog($0, project)
                    return log.contains("hashlab: training ") && !log.contains(" is stored: ")
                }
                if computing.isEmpty { pause(0.05) }
            }
            let task = try #require(computing.randomElement(using: &generator), "no task of the sweep is computing")
            pause(Double.random(in: 0...0.3, using: &generator))
            switch interruption {
            case .cancel:
                interrupted[task] = .cancel
                SlurmCluster.run("scancel", [task])
            case .kill:
                interrupted[task] = .kill
                SlurmCluster.run("scancel", ["--batch", "--signal=KILL", task])
            case .cancelArray:
                interrupted[Self.arrayJob(of: task)] = .cancelArray
                SlurmCluster.run("scancel", [Self.arrayJob(of: task)])
            }
            try submit()
        }

        var waited: HashlabProcess
        var resubmissions = 0
        while true {
            let process = try Self.start("status", project, spec: Self.faultSpec, ["--wait", "--interval", "1"])
            while process.isRunning { pause(0.1) }
            waited = HashlabProcess(waitingFor: process)
            if waited.status == 0 || resubmissions == 3 { break }
            try submit()
            resubmissions += 1
        }
        watch.look()
        let slurmSeconds = Date().timeIntervalSince(started)
        #expect(waited.status == 0, "\(waited.output)\(waited.error)")
        #expect(waited.output.hasSuffix(
            "slurm-faults: \(Self.faultRuns) runs: \(Self.faultRuns) done, 0 running, 0 pending, 0 failed, 0 missing\n"),
            "\(waited.output)")

        #expect(watch.changes.isEmpty, "stored results changed: \(watch.changes)")
        #expect(watch.first.count == Self.faultRuns)
        #expect(watch.temporaries() == [], "temporary files left in the store")
        let slurm = try Self.results(project)
        #expect(slurm.count == Self.faultRuns)
        #expect(Set(watch.first.keys) == Set(slurm.keys.map { $0 + ".json" }))

        var completed: [String: Int] = [:]
        var partial: [Interruption] = []
        let logs = project.path("results/logs/slurm")
        for name in try FileManager.default.contentsOfDirectory(atPath: logs) where name.hasSuffix(".log") {
            let task = String(name.dropLast(4))
            let text = try String(contentsOfFile: logs + "/" + name, encoding: .utf8)
            let computed = text.contains("hashlab: training ")
            guard let id = Self.runID(inTaskLog: text) else {
                #expect(!computed, "\(name) computes without naming its run")
                continue
            }
            if text.contains("hashlab: run \(id) is stored: ok") {
                if computed { completed[id, default: 0] += 1 }
            } else if computed {
                let interruption = interrupted[task] ?? interrupted[Self.arrayJob(of: task)]
                #expect(interruption != nil, "task \(task) stopped mid-computation without being interrupted")
                partial += interruption.map { [$0] } ?? []
            }
        }
        #expect(Set(completed.keys) == Set(slurm.keys), "runs computed to completion ≠ runs stored")
        #expect(completed.filter { $0.value != 1 } == [:], "runs computed to completion more than once")
        #expect(!partial.isEmpty, "no computation was interrupted")
        #expect(slurm == (try Self.localResults(project, spec: Self.faultSpec)))
        let count = { (kind: Interruption, list: [Interruption]) in list.filter { $0 == kind }.count }
        print("""
            Slurm fault injection: \(Self.faultRuns) runs in \(jobs.count) arrays; interrupted \
            \(count(.cancel, interruptions)) times by scancel, \(count(.kill, interruptions)) by SIGKILL, \
            \(count(.cancelArray, interruptions)) whole arrays; computations cut short: \
            \(count(.cancel, partial)), \(count(.kill, partial)), \(count(.cancelArray, partial)); \
            \(resubmissions) resubmissions after status --wait; \(watch.changes.count) stored results changed, \
            \(Self.faultRuns - watch.first.count) missing; \(String(format: "%.0f", slurmSeconds)) s on Slurm, \
            \(String(format: "%.0f", Date().timeIntervalSince(started))) s with the local run
            """)
    }
}
