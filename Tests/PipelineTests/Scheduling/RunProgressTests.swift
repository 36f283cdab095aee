import Datasets
import Foundation
import Pipeline
import Testing
import TestSupport

/// Where a run stands (``RunProgress``) from a real store, a real lock and a queue as
/// squeue prints it, and how a submission maps plan entries to array tasks.
@Suite struct RunProgressTests {
    /// A plan of five runs submitted as two arrays (MaxArraySize 3): job 40 computes
    /// entries 0…2, job 41 entries 3…4.
    static func submission(_ runs: [ScheduledRun]) -> SlurmSubmission {
        let plan = SlurmPlanFile(created: "2026-12-03T19:00:00Z", force: false, runs: runs.map {
            SlurmPlanFile.Entry(id: $0.id, experiment: "tiny", datasetSHA256: $0.datasetSHA256, run: $0.run)
        })
        let slices = SlurmArraySlice.split(count: runs.count, maxArraySize: 3)
        return SlurmSubmission(directory: "/r/slurm/s", plan: plan, arrays: [
            .init(jobID: "40", slice: slices[0]), .init(jobID: "41", slice: slices[1]),
        ])
    }

    @Test func entriesMapToTheirArrayTasks() throws {
        let runs = try (1...5).map { seed in
            ScheduledRun(id: "run\(seed)", run: try RunStoreTests.planned(seed: UInt64(seed)), datasetSHA256: "aa")
        }
        let submission = Self.submission(runs)
        #expect((0..<5).map { submission.task(ofEntry: $0)?.description } == ["40_0", "40_1", "40_2", "41_0", "41_1"])
        #expect(submission.task(ofEntry: 5) == nil)
    }

    @Test func progressComesFromTheStoreTheLocksAndTheQueue() throws {
        let root = try RunStoreTests.root()
        defer { root.remove() }
        let store = RunStore(directory: root.path("results/runs"))
        let execution = RunExecution(store: store, catalog: DatasetCatalog(root: root.url.path))
        let runs = try (1...5).map { seed in
            let planned = try RunStoreTests.planned(seed: UInt64(seed))
            let (id, sha) = try execution.id(of: planned)
            return ScheduledRun(id: id, run: planned, datasetSHA256: sha)
        }
        try execution.execute(runs[0].run) { _ in }
        let held = try RunLock(store: store, id: runs[1].id)
        // squeue lists 40_2 pending and 41_0 running; 40_0, 40_1 and 41_1 have left the queue.
        let queue = SlurmQueue(squeueOutput: "40|2|PENDING\n41|0|RUNNING\n")
        let tracking = SlurmTracking(submissions: [Self.submission(runs)], queue: queue, logDirectory: "/r/logs/slurm")
        let progress = runs.map { RunProgress.of($0, store: store, slurm: tracking) }
        #expect(progress.map(\.0) == [.done, .running, .pending, .running, .failed])
        #expect(progress[4].reason == "Slurm task 41_1 ended without a result (log: /r/logs/slurm/41_1.log)")

        // Without Slurm's view only the store and the locks speak.
        #expect(runs.map { RunProgress.of($0, store: store, slurm: nil).0 } == [.done, .running, .missing, .missing, .missing])
        held.release()
        #expect(RunProgress.of(runs[1], store: store, slurm: nil).0 == .missing)

        let status = SweepStatus(experiment: "tiny", runs: runs + [runs[0]], store: store, slurm: tracking)
        #expect(status.text == """
            tiny: 5 runs: 1 done, 1 running, 1 pending, 2 failed, 0 missing
              failed: \(runs[1].label) [\(runs[1].id.prefix(12))]: Slurm task 40_1 ended without a result (log: /r/logs/slurm/40_1.log)
              failed: \(runs[4].label) [\(runs[4].id.prefix(12))]: Slurm task 41_1 ended without a result (log: /r/logs/slurm/41_1.log)
            """)
        #expect(status.active == 2)
        #expect(status.failures.map(\.endedTask?.description) == ["40_1", "41_1"])
        // With sacct's records (of 41_1 only), the reason says how that task ended.
        let accounting = SlurmAccounting(sacctOutput: "41_1|CANCELLED by 0|0:0|00:00:02\n")
        let explained = SweepStatus(experiment: "tiny", runs: runs, store: store, slurm: tracking.with(accounting))
        #expect(explained.failures.map(\.reason) == [
            "Slurm task 40_1 ended without a result (log: /r/logs/slurm/40_1.log)",
            "Slurm task 41_1 CANCELLED by 0 after 00:00:02 (sacct) without a result (log: /r/logs/slurm/41_1.log)",
        ])
        // A done run whose task is still queued (it will find the run done) is waited for.
        let lingering = SlurmTracking(submissions: [Self.submission(runs)], queue: SlurmQueue(squeueOutput: "40|0|RUNNING\n"),
                                      logDirectory: "/r/logs/slurm")
        let done = SweepStatus(experiment: "tiny", runs: [runs[0]], store: store, slurm: lingering)
        #expect(done.counts[.done] == 1 && done.total == 1 && done.active == 1)
    }

    @Test func aPlanFileRoundTripsAndNamesMissingEntries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let runs = try (1...2).map { seed in
            ScheduledRun(id: "run\(seed)", run: try RunStoreTests.planned(seed: UInt64(seed)), datasetSHA256: "aa")
        }
        let plan = Self.submission(runs + runs + [runs[0]]).plan
        let path = directory.path("plan.json")
        try plan.write(to: path)
        let loaded = try SlurmPlanFile.load(path: path)
        #expect(loaded == plan)
        #expect(try loaded.entry(at: 3, path: path).id == "run2")
        #expect(throws: SlurmError.indexOutOfRange(path: path, index: 5, count: 5)) { try loaded.entry(at: 5, path: path) }
        #expect(throws: SlurmError.unreadableFile(path: directory.path("none.json"), reason: "no such file")) {
            try SlurmPlanFile.load(path: directory.path("none.json"))
        }
    }
}
