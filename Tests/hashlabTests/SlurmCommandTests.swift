import Foundation
import Testing
import TestSupport

/// `hashlab run --executor slurm` and `hashlab status` against a real single-node Slurm
/// (``SlurmCluster``), on 12 mfeat runs (LSH and ITQ × 16, 32 bits × 3 seeds): split
/// into arrays at the cluster's MaxArraySize (8 on the local cluster: two arrays), the
/// results equal a local run's, cancelled tasks are failures that a resubmission
/// completes, and a local run beside the arrays computes no run twice.
@Suite(.serialized) struct SlurmCommandTests {
    static let runs = 12

    /// A folder with the spec `small.yaml` (its results go to `results/` in it; the
    /// project root, with mfeat, is the repository's).
    static func project() throws -> TemporaryDirectory {
        try #require(FileManager.default.fileExists(atPath: RunOneCommandTests.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let directory = try TemporaryDirectory("hashlab-slurm-test")
        try """
            experiment: slurm-small
            dataset: mfeat
            protocol: {kind: zero-shot, unseen: [8, 9], queries: 100}
            bits: [16, 32]
            seeds: [1, 2, 3]
            methods:
              - method: lsh
              - method: itq
            """.write(toFile: directory.path("small.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    /// `hashlab <command> <spec> …` with the project's root and `results` folder.
    static func hashlab(_ command: String, _ project: TemporaryDirectory, spec: String = "small.yaml",
                        results: String = "results", _ arguments: [String] = [],
                        environment: [String: String] = [:]) throws -> HashlabProcess {
        HashlabProcess(waitingFor: try start(command, project, spec: spec, results: results, arguments,
                                             environment: environment))
    }

    /// ``hashlab(_:_:spec:results:_:environment:)`` started, not waited for.
    static func start(_ command: String, _ project: TemporaryDirectory, spec: String = "small.yaml",
                      results: String = "results", _ arguments: [String] = [],
                      environment: [String: String] = [:]) throws -> Process {
        try HashlabProcess.start([command, project.path(spec), "--root", RunOneCommandTests.root,
                                  "--results", project.path(results)] + arguments, environment: environment)
    }

    /// The `result` section of every run file in `results/runs`, by run id, without its
    /// `seconds` (wall-clock timings), as canonical JSON text.
    static func results(_ project: TemporaryDirectory, _ results: String = "results") throws -> [String: String] {
        let directory = project.path("\(results)/runs")
        var sections: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".json") {
            #expect(!name.hasPrefix("."), "temporary file left: \(name)")
            let object = try #require(try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))) as? [String: Any])
            #expect(object["status"] as? String == "ok", "\(name): \(object["status"] ?? "no status")")
            var result = try #require(object["result"] as? [String: Any], "\(name) has no result")
            result["seconds"] = nil
            sections[String(name.dropLast(5))] = String(decoding: try JSONSerialization.data(
                withJSONObject: result, options: [.sortedKeys]), as: UTF8.self)
        }
        return sections
    }

    /// The store of a local `hashlab run` of the spec, in `local/` of the project.
    static func localResults(_ project: TemporaryDirectory, spec: String = "small.yaml") throws -> [String: String] {
        let local = try hashlab("run", project, spec: spec, results: "local", ["--jobs", "2"])
        #expect(local.status == 0, "\(local.error)")
        return try results(project, "local")
    }

    /// `hashlab status small.yaml --wait --interval 1`.
    static func waitForTheArrays(_ project: TemporaryDirectory) throws -> HashlabProcess {
        try hashlab("status", project, ["--wait", "--interval", "1"])
    }

    /// The job ids in `hashlab run --executor slurm`'s output (`  job <id>: runs …`).
    static func jobIDs(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("  job ") }.compactMap {
            $0.dropFirst(6).split(separator: ":").first.map(String.init)
        }
    }

    static func arrayCount(runs: Int) throws -> Int {
        let maximum = try SlurmCluster.maxArraySize()
        return (runs + maximum - 1) / maximum
    }

    @Test(.enabled(if: SlurmCluster.testsEnabled, SlurmCluster.skipReason))
    func arraysComputeWhatALocalRunComputes() throws {
        try SlurmCluster.require()
        let project = try Self.project()
        defer { project.remove() }
        let arrays = try Self.arrayCount(runs: Self.runs)
        let submitted = try Self.hashlab("run", project, ["--executor", "slurm", "--array-parallelism", "2",
                                                           "--cpus-per-task", "1", "--time", "10"])
        #expect(submitted.status == 0, "\(submitted.error)")
        #expect(submitted.output.contains("slurm-small: 12 runs, 0 done, 12 to run\nsubmitted 12 runs as \(arrays) job array"),
                "\(submitted.output)")
        #expect(Self.jobIDs(submitted.output).count == arrays)
        let waited = try Self.waitForTheArrays(project)
        #expect(waited.status == 0, "\(waited.output)\(waited.error)")
        #expect(waited.output.hasSuffix("slurm-small: 12 runs: 12 done, 0 running, 0 pending, 0 failed, 0 missing\n"),
                "\(waited.output)")
        // One log per task, each naming its run.
        let logs = try FileManager.default.contentsOfDirectory(atPath: project.path("results/logs/slurm"))
        #expect(logs.count == Self.runs)

        let slurm = try Self.results(project)
        let local = try Self.localResults(project)
        #expect(slurm.count == Self.runs && local.count == Self.runs)
        #expect(slurm == local)

        // Nothing is left to submit.
        let again = try Self.hashlab("run", project, ["--executor", "slurm"])
        #expect(again.status == 0 && again.output == "slurm-small: 12 runs, 12 done, 0 to run\n", "\(again.output)")
    }

    /// Array tasks held, three cancelled with scancel, then released: `status --wait`
    /// counts them failed (exit 1); a resubmission submits exactly those three, and the
    /// store ends equal to a local run's.
    @Test(.enabled(if: SlurmCluster.testsEnabled, SlurmCluster.skipReason))
    func cancelledTasksAreFailuresThatAResubmissionCompletes() throws {
        try SlurmCluster.require()
        let project = try Self.project()
        defer { project.remove() }
        let submitted = try Self.hashlab("run", project, ["--executor", "slurm", "--sbatch-arg=--hold"])
        #expect(submitted.status == 0, "\(submitted.error)")
        let jobs = Self.jobIDs(submitted.output)
        let first = try #require(jobs.first)
        let held = try Self.hashlab("status", project)
        #expect(held.output == "slurm-small: 12 runs: 0 done, 0 running, 12 pending, 0 failed, 0 missing\n", "\(held.output)")
        let cancelled = SlurmCluster.run("scancel", ["\(first)_2", "\(first)_4", "\(first)_5"])
        #expect(cancelled.status == 0, "\(cancelled.text)")
        let released = SlurmCluster.run("scontrol", ["release", jobs.joined(separator: ",")])
        #expect(released.status == 0, "\(released.text)")

        let interrupted = try Self.waitForTheArrays(project)
        #expect(interrupted.status == 1)
        #expect(interrupted.output.contains("slurm-small: 12 runs: 9 done, 0 running, 0 pending, 3 failed, 0 missing\n"),
                "\(interrupted.output)")
        // "ended", or how sacct records it when the cluster keeps accounting (Slurm 22.05
        // keeps no record of a task cancelled alone while held).
        for task in [2, 4, 5] {
            #expect(interrupted.output.split(separator: "\n").contains {
                $0.contains("Slurm task \(first)_\(task) ") && $0.contains(" without a result (log: ")
            }, "\(interrupted.output)")
        }
        #expect(interrupted.error == "hashlab: 3 runs not done (failed or missing)\n")

        let resubmitted = try Self.hashlab("run", project, ["--executor", "slurm"])
        #expect(resubmitted.status == 0, "\(resubmitted.error)")
        #expect(resubmitted.output.contains("slurm-small: 12 runs, 9 done, 3 to run\nsubmitted 3 runs as 1 job array"),
                "\(resubmitted.output)")
        let completed = try Self.waitForTheArrays(project)
        #expect(completed.status == 0, "\(completed.output)")
        #expect(completed.output.hasSuffix("slurm-small: 12 runs: 12 done, 0 running, 0 pending, 0 failed, 0 missing\n"))
        let slurm = try Self.results(project)
        #expect(slurm.count == Self.runs)
        #expect(slurm == (try Self.localResults(project)))
    }

    /// With accounting, `status` says how each failed run's task ended, as sacct
    /// records it: the arrays submitted held; the second cancelled whole with scancel
    /// (its 4 tasks: `CANCELLED by 0`); the first released while its plan is moved
    /// aside, so each of its 8 plan-file workers exits 1 (`FAILED with exit code 1`).
    /// The plan is put back before `status` reads the submissions.
    @Test(.enabled(if: SlurmCluster.accountingTestsEnabled, SlurmCluster.accountingSkipReason))
    func sacctSaysHowFailedTasksEnded() throws {
        try SlurmCluster.requireAccounting()
        try #require(try SlurmCluster.maxArraySize() == 8, "needs the local cluster's MaxArraySize (8): two arrays")
        let project = try Self.project()
        defer { project.remove() }
        let submitted = try Self.hashlab("run", project, ["--executor", "slurm", "--sbatch-arg=--hold", "--time", "10"])
        #expect(submitted.status == 0, "\(submitted.error)")
        let jobs = Self.jobIDs(submitted.output)
        defer { SlurmCluster.run("scancel", jobs) }
        try #require(jobs.count == 2)
        let (first, second) = (jobs[0], jobs[1])
        #expect(SlurmCluster.run("scancel", [second]).status == 0)

        let submissions = project.path("results/slurm")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: submissions).first)
        let plan = "\(submissions)/\(folder)/plan.json"
        try FileManager.default.moveItem(atPath: plan, toPath: plan + ".aside")
        #expect(SlurmCluster.run("scontrol", ["release", first]).status == 0)
        // Until sacct records every task of both arrays as ended.
        let deadline = Date().addingTimeInterval(120)
        var records = ""
        repeat {
            usleep(500_000)
            records = SlurmCluster.run("sacct", ["-n", "-P", "-X", "-j", "\(first),\(second)", "-o", "JobID,State"]).text
        } while (records.components(separatedBy: "|FAILED").count != 9 || !records.contains("\(second)_[0-3]|CANCELLED"))
            && Date() < deadline
        try FileManager.default.moveItem(atPath: plan + ".aside", toPath: plan)
        #expect(records.components(separatedBy: "|FAILED").count == 9, "\(records)")

        let status = try Self.hashlab("status", project)
        #expect(status.status == 0, "\(status.error)")
        #expect(status.output.hasPrefix("slurm-small: 12 runs: 0 done, 0 running, 0 pending, 12 failed, 0 missing\n"),
                "\(status.output)")
        for task in 0..<8 {
            #expect(status.output.contains("Slurm task \(first)_\(task) FAILED with exit code 1 after "), "\(status.output)")
        }
        for task in 0..<4 {
            #expect(status.output.contains("Slurm task \(second)_\(task) CANCELLED by 0 after "), "\(status.output)")
        }
        #expect(status.error == "", "\(status.error)")
    }

    /// A resubmission while the arrays are still queued submits nothing: every run is
    /// already queued.
    @Test(.enabled(if: SlurmCluster.testsEnabled, SlurmCluster.skipReason))
    func queuedRunsAreNotSubmittedTwice() throws {
        try SlurmCluster.require()
        let project = try Self.project()
        defer { project.remove() }
        let submitted = try Self.hashlab("run", project, ["--executor", "slurm", "--sbatch-arg=--hold"])
        #expect(submitted.status == 0, "\(submitted.error)")
        let jobs = Self.jobIDs(submitted.output)
        defer { SlurmCluster.run("scancel", jobs) }
        let again = try Self.hashlab("run", project, ["--executor", "slurm"])
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output == "slurm-small: 12 runs, 0 done, 12 to run\n"
                + "12 of 12 runs already queued or running: not submitted again\n", "\(again.output)")
        let submissions = try FileManager.default.contentsOfDirectory(atPath: project.path("results/slurm"))
        #expect(submissions.count == 1)
    }

    /// A local `hashlab run` started beside the arrays on the same store: each run is
    /// computed once in all — counted from the workers' logs, where a computation says
    /// "training <method>" (a local worker's log is `logs/<id>.log`; a task's log
    /// `logs/slurm/<job>_<task>.log` names its run on its first line) — and the store
    /// holds 12 whole ok runs.
    @Test(.enabled(if: SlurmCluster.testsEnabled, SlurmCluster.skipReason))
    func aLocalRunBesideTheArraysComputesNoRunTwice() throws {
        try SlurmCluster.require()
        let project = try Self.project()
        defer { project.remove() }
        let submitted = try Self.hashlab("run", project, ["--executor", "slurm", "--array-parallelism", "1"])
        #expect(submitted.status == 0, "\(submitted.error)")
        let local = try Self.hashlab("run", project, ["--jobs", "1"])
        #expect(local.status == 0, "\(local.error)")
        let waited = try Self.waitForTheArrays(project)
        #expect(waited.status == 0, "\(waited.output)")

        var computations: [String: Int] = [:]
        let logs = project.path("results/logs")
        for name in try FileManager.default.contentsOfDirectory(atPath: logs) where name.hasSuffix(".log") {
            let text = try String(contentsOfFile: logs + "/" + name, encoding: .utf8)
            computations[String(name.dropLast(4)), default: 0] += text.components(separatedBy: "hashlab: training ").count - 1
        }
        var tasks = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: logs + "/slurm") {
            let text = try String(contentsOfFile: logs + "/slurm/" + name, encoding: .utf8)
            let firstLine = text.split(separator: "\n").first ?? ""
            let id = try #require(firstLine.components(separatedBy: ": run ").last?.split(separator: " ").first)
            computations[String(id), default: 0] += text.components(separatedBy: "hashlab: training ").count - 1
            tasks += 1
        }
        #expect(tasks == Self.runs)
        let stored = try Self.results(project)
        #expect(stored.count == Self.runs)
        #expect(Set(computations.keys) == Set(stored.keys))
        #expect(computations.values.allSatisfy { $0 == 1 }, "\(computations)")
    }

    /// Without sbatch on PATH: a clear error, exit 1, and nothing left in the store.
    @Test func withoutSbatchNothingIsSubmittedOrWritten() throws {
        let project = try Self.project()
        defer { project.remove() }
        let empty = try TemporaryDirectory()
        defer { empty.remove() }
        let submitted = try Self.hashlab("run", project, ["--executor", "slurm"], environment: ["PATH": empty.url.path])
        #expect(submitted.status == 1)
        #expect(submitted.error
                == "hashlab: error: sbatch not found on PATH: is this a Slurm login node (or is the Slurm client installed)?\n")
        let slurm = (try? FileManager.default.contentsOfDirectory(atPath: project.path("results/slurm"))) ?? []
        #expect(slurm.isEmpty)
    }

    /// sbatch rejecting the array (an unknown partition): its message, exit 1, no plan left.
    @Test(.enabled(if: SlurmCluster.testsEnabled, SlurmCluster.skipReason))
    func aRejectedSubmissionLeavesNoPlan() throws {
        try SlurmCluster.require()
        let project = try Self.project()
        defer { project.remove() }
        let submitted = try Self.hashlab("run", project, ["--executor", "slurm", "--partition", "no-such-partition"])
        #expect(submitted.status == 1)
        #expect(submitted.error == "hashlab: error: sbatch rejected the job array: "
                + "sbatch: error: invalid partition specified: no-such-partition\n"
                + "sbatch: error: Batch job submission failed: Invalid partition name specified\n", "\(submitted.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path("results/slurm")) == [])
        let status = try Self.hashlab("status", project)
        #expect(status.output == "slurm-small: 12 runs: 0 done, 0 running, 0 pending, 0 failed, 12 missing\n")
    }

    @Test func aPlanFileWorkerWithoutItsPlanFailsClearly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let worker = try HashlabProcess(["run-one", "--plan-file", directory.path("plan.json"), "--index", "0",
                                         "--store", directory.path("runs")])
        #expect(worker.status == 1)
        #expect(worker.error == "hashlab: error: cannot read \(directory.path("plan.json")): no such file\n")
    }
}
