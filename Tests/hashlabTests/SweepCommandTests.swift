import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// `hashlab plan → run → report` end to end on a tiny spec, resuming after the
/// scheduler is killed, failed runs recorded without stopping the sweep, and runs the
/// method declines recorded not applicable, which are done and no failure.
@Suite(.serialized) struct SweepCommandTests {
    /// A project root with `clusters` (``ClusterDataset``) and
    /// the spec `experiments/tiny.yaml` with `methods` as given.
    static func project(methods: String, bits: String = "[4, 8]", seeds: String = "[1, 2]",
                        queries: String = "10") throws -> TemporaryDirectory {
        let root = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root.path("datasets/data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.path("experiments"), withIntermediateDirectories: true)
        try ClusterDataset.write(to: root.path("datasets/data/clusters.h5"))
        try """
            experiment: tiny
            description: a tiny sweep
            dataset: clusters
            protocol: {kind: zero-shot, unseen: [c, d], queries: \(queries)}
            bits: \(bits)
            seeds: \(seeds)
            methods:
            \(methods)
            metrics: [map]
            report:
              - table: {rows: method, columns: bits, value: map}
            """.write(toFile: root.path("experiments/tiny.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    /// KSH with enough refinements that a run takes a noticeable time (a few tenths of a second).
    static let slowMethods = "  - method: ksh\n    params: {anchors: 20, samples: 60, refinements: 300}"

    /// Waits (at most a minute) until the store of `root` holds a run file, calling
    /// `polling` every 20 ms meanwhile.
    static func waitForAStoredRun(_ root: TemporaryDirectory, polling: () -> Void = {}) throws {
        let deadline = Date().addingTimeInterval(60)
        while try storedRuns(root).isEmpty && Date() < deadline {
            polling()
            usleep(20_000)
        }
    }

    /// Runs `tiny.yaml` of `root` again after an interruption that left `done` of its
    /// `runs` stored: the rest are computed, the store ends with each run once and ok,
    /// and a third run finds nothing to do.
    static func expectResumption(_ root: TemporaryDirectory, runs: Int, done: Int) throws {
        let spec = root.path("experiments/tiny.yaml")
        let resumed = try HashlabProcess(["run", spec, "--root", root.url.path, "--jobs", "2"])
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.output.contains("\(runs) runs, \(done) done, \(runs - done) to run"))
        let stored = try storedRuns(root)
        #expect(stored.count == runs)
        #expect(Set(stored.compactMap { $0["id"] as? String }).count == runs)
        #expect(stored.allSatisfy { $0["status"] as? String == "ok" })
        let again = try HashlabProcess(["run", spec, "--root", root.url.path])
        #expect(again.output.contains("\(runs) runs, \(runs) done, 0 to run"))
    }

    static func storedRuns(_ root: TemporaryDirectory) throws -> [[String: Any]] {
        let directory = root.path("results/runs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return try names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0)))
                as? [String: Any] ?? [:]
        }
    }

    @Test func planRunReportAndASecondRunDoesNothing() throws {
        let root = try Self.project(methods: "  - method: lsh\n  - method: itq", bits: "[2, 4]")
        defer { root.remove() }
        let spec = root.path("experiments/tiny.yaml")
        let plan = try HashlabProcess(["plan", spec, "--root", root.url.path])
        #expect(plan.status == 0, "\(plan.error)")
        #expect(plan.output.contains("tiny (\(spec)): 8 runs, 0 done, 8 to do"))

        let first = try HashlabProcess(["run", spec, "--root", root.url.path, "--jobs", "2"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("tiny: 8 runs, 0 done, 8 to run"))
        let stored = try Self.storedRuns(root)
        #expect(stored.count == 8)
        #expect(stored.allSatisfy { $0["status"] as? String == "ok" })

        let second = try HashlabProcess(["run", spec, "--root", root.url.path])
        #expect(second.status == 0)
        #expect(second.output.contains("tiny: 8 runs, 8 done, 0 to run"))
        #expect(!second.output.contains("running"))

        let report = try HashlabProcess(["report", spec, "--root", root.url.path])
        #expect(report.status == 0, "\(report.error)")
        let table = try String(contentsOfFile: root.path("results/tables/tiny.md"), encoding: .utf8)
        // The lsh 4-bit cell: the mean of the two stored seeds' tie-aware mAP.
        let values = stored.filter {
            let axes = ($0["run"] as? [String: Any])?["axes"] as? [String: String]
            return axes?["method"] == "lsh" && axes?["bits"] == "4"
        }.compactMap { (($0["result"] as? [String: Any])?["metrics"] as? [String: Any])?["map"] as? [String: Any] }
            .compactMap { $0["tie_aware"] as? Double }
        #expect(values.count == 2)
        let mean = String(format: "%.4f", values.reduce(0, +) / 2)
        #expect(table.contains(mean), "the table should hold the lsh 4-bit mean \(mean):\n\(table)")
    }

    @Test func killedSchedulerResumesWithoutLostOrDuplicatedRuns() throws {
        let root = try Self.project(methods: Self.slowMethods, bits: "[8, 12, 16]", seeds: "[1, 2, 3]")
        defer { root.remove() }
        let spec = root.path("experiments/tiny.yaml")
        let process = try HashlabProcess.start(["run", spec, "--root", root.url.path, "--jobs", "1"])
        try Self.waitForAStoredRun(root)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = try Self.storedRuns(root).count
        #expect(before >= 1 && before < 9, "killed after \(before) of 9 runs")
        try Self.expectResumption(root, runs: 9, done: before)
    }

    @Test func failedRunsAreRecordedAndListedWithoutStoppingTheSweep() throws {
        // The seen classes a and b have 30 items each: ASZH cannot learn 64 bits from 60
        // training items, so those runs fail; the 4-bit runs succeed.
        let root = try Self.project(methods: "  - method: aszh\n    params: {anchors: 20}", bits: "[4, 64]")
        defer { root.remove() }
        let spec = root.path("experiments/tiny.yaml")
        let result = try HashlabProcess(["run", spec, "--root", root.url.path, "--jobs", "2"])
        #expect(result.status == 1)
        #expect(result.error.contains("2 of 4 runs failed"), "\(result.error)")
        #expect(result.error.contains("aszh: 60 training items, at least 65 needed"), "\(result.error)")
        let stored = try Self.storedRuns(root)
        #expect(stored.count == 4)
        #expect(stored.filter { $0["status"] as? String == "failed" }.count == 2)
        let again = try HashlabProcess(["run", spec, "--root", root.url.path])
        #expect(again.output.contains("4 runs, 2 done, 2 to run"))
    }

    /// ITQ needs bits ≤ the 6 feature dimensions of `clusters`: its 8-bit runs are
    /// recorded not applicable with the reason, the sweep exits 0 and says so, a second
    /// `run` finds them done, and the report's table prints n/a for them.
    @Test func notApplicableRunsAreRecordedDoneAndNoFailure() throws {
        let root = try Self.project(methods: "  - method: itq")
        defer { root.remove() }
        let spec = root.path("experiments/tiny.yaml")
        let reason = "itq: 8 bits need at least 8 feature dimensions, the features have 6"
        let result = try HashlabProcess(["run", spec, "--root", root.url.path, "--jobs", "2"])
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.error.contains("failed"), "\(result.error)")
        #expect(result.output.contains("tiny: 4 runs, 0 done, 4 to run"))
        #expect(result.output.contains("n/a    itq bits=8 seed=1: \(reason)"), "\(result.output)")
        #expect(result.output.contains("2 of 4 runs not applicable (recorded; not failures):\n  2 × \(reason)\n"),
                "\(result.output)")

        let stored = try Self.storedRuns(root)
        #expect(stored.count == 4)
        let declined = stored.filter { $0["status"] as? String == "not_applicable" }
        #expect(declined.count == 2)
        #expect(declined.allSatisfy { $0["reason"] as? String == reason && $0["result"] == nil && $0["error"] == nil })
        #expect(declined.allSatisfy { (($0["run"] as? [String: Any])?["axes"] as? [String: String])?["bits"] == "8" })
        #expect(stored.filter { $0["status"] as? String == "ok" }.count == 2)

        let again = try HashlabProcess(["run", spec, "--root", root.url.path])
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.contains("tiny: 4 runs, 4 done (2 not applicable), 0 to run"), "\(again.output)")
        #expect(!again.output.contains("running"))
        let plan = try HashlabProcess(["plan", spec, "--root", root.url.path])
        #expect(plan.output.contains("4 runs, 4 done (2 not applicable), 0 to do"), "\(plan.output)")

        let report = try HashlabProcess(["report", spec, "--root", root.url.path])
        #expect(report.status == 0, "\(report.error)")
        #expect(report.output.contains("tiny: 4 of 4 runs (2 not applicable); wrote"), "\(report.output)")
        let table = try String(contentsOfFile: root.path("results/tables/tiny.md"), encoding: .utf8)
        #expect(table.contains(" | n/a |"), "\(table)")
        #expect(table.contains("2 × \(reason)"), "\(table)")
        let csv = try String(contentsOfFile: root.path("results/tables/tiny.csv"), encoding: .utf8)
        #expect(csv.contains(",n/a,n/a,0,2,,\n"), "\(csv)")
    }

    /// `hashlab run-one` on a configuration the method declines: the reason on standard
    /// error, nothing on standard output, exit status 3 (1 is kept for errors).
    @Test func runOneOfANotApplicableConfigurationExitsFour() throws {
        let root = try Self.project(methods: "  - method: itq")
        defer { root.remove() }
        let out = root.path("run.json")
        let result = try HashlabProcess(["run-one", "--root", root.url.path, "--dataset", "clusters", "--unseen", "c,d",
                                         "--queries", "10", "--method", "itq", "--bits", "8", "--seed", "1",
                                         "--out", out])
        #expect(result.status == 4)
        #expect(result.error.contains(
            "hashlab: not applicable: itq: 8 bits need at least 8 feature dimensions, the features have 6\n"),
            "\(result.error)")
        #expect(result.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// `--only` naming an axis or a value that no run of the spec has is an error with
    /// the nearest valid name (exit 2, as a spec error) and runs nothing; one not of
    /// the form axis=value is a usage error (64); a valid one runs its slice alone.
    @Test func onlyRunsItsSliceAndRejectsWhatTheSpecLacks() throws {
        let root = try Self.project(methods: "  - method: lsh\n  - method: itq", bits: "[2, 4]")
        defer { root.remove() }
        let spec = root.path("experiments/tiny.yaml")
        func run(only: String) throws -> HashlabProcess {
            try HashlabProcess(["run", spec, "--root", root.url.path, "--only", only])
        }
        let typo = try run(only: "bitz=4")
        #expect(typo.status == 2)
        #expect(typo.error.contains("--only: no axis \"bitz\" (did you mean \"bits\"?); axes: method, bits, seed"),
                "\(typo.error)")
        let absent = try run(only: "method=itq,bits=32")
        #expect(absent.status == 2)
        #expect(absent.error.contains("--only: no run has bits=32"), "\(absent.error)")
        #expect(try run(only: "bits").status == 64)
        #expect(try Self.storedRuns(root).isEmpty)

        let slice = try run(only: "method=itq,bits=4")
        #expect(slice.status == 0, "\(slice.error)")
        #expect(slice.output.contains("tiny: 8 runs, 0 done, 2 to run"))
        let stored = try Self.storedRuns(root).compactMap { ($0["run"] as? [String: Any])?["axes"] as? [String: String] }
            .map { "\($0["method"] ?? "") bits=\($0["bits"] ?? "") seed=\($0["seed"] ?? "")" }
        #expect(stored.sorted() == ["itq bits=4 seed=1", "itq bits=4 seed=2"])
    }

    @Test func specErrorsExitWithCodeTwo() throws {
        let root = try Self.project(methods: "  - method: lhs")
        defer { root.remove() }
        let result = try HashlabProcess(["run", root.path("experiments/tiny.yaml"), "--root", root.url.path])
        #expect(result.status == 2)
        #expect(result.error.contains("lsh"))
    }
}
