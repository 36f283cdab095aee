import Datasets
import Foundation
import Pipeline
import Testing
import TestSupport

/// Two stores of real runs (itq, 4 bits, seeds 1–4, computed by ``RunExecution``)
/// compared run by run.
@Suite struct StoreDiffTests {
    /// Store A holds the four runs; store B the same files, except that seed 1's mAP
    /// moved by +0.05, seed 2's by +0.001 (within the tolerance 0.005), seed 3 is
    /// absent and seed 4 failed.
    @Test func findsMovedMetricsMissingRunsAndChangedStatuses() throws {
        let root = try RunStoreTests.root()
        defer { root.remove() }
        let old = RunStore(directory: root.path("a"))
        let new = RunStore(directory: root.path("b"))
        let execution = RunExecution(store: old, catalog: DatasetCatalog(root: root.url.path))
        let runs = try (1...4).map { seed in try execution.execute(try RunStoreTests.planned(seed: UInt64(seed))) { _ in } }
        #expect(runs.allSatisfy { $0.status == .ok })
        for (seed, run) in zip(1..., runs) {
            var changed = run
            switch seed {
            case 1: changed.result?.metrics?.map.tieAware += 0.05
            case 2: changed.result?.metrics?.map.tieAware += 0.001
            case 3: continue
            default:
                changed.status = .failed
                changed.result = nil
                changed.error = "out of memory"
            }
            try new.write(changed)
        }

        #expect(StoreDiff.stores(old: old.directory, new: new.directory) != nil)
        let report = try StoreDiff(tolerance: 0.005).compare(old: old, new: new)
        let name = { (seed: Int) in StoreDiff.RunName(label: "itq bits=4 seed=\(seed)", id: runs[seed - 1].id) }
        let map = try #require(runs[0].result?.metrics?.map.tieAware)
        #expect(report.metricChanges == [StoreDiff.MetricChange(run: name(1), metric: "map", old: map, new: map + 0.05)])
        #expect(report.statusChanges == [StoreDiff.StatusChange(run: name(4), old: .ok, new: .failed,
                                                                error: "out of memory")])
        #expect(report.onlyInOld == [name(3)])
        #expect(report.onlyInNew == [])
        #expect(report.description == """
            \(name(1)) map: \(String(format: "%.4f", map)) → \(String(format: "%.4f", map + 0.05)) (+0.0500)
            \(name(4)): ok in A, failed in B: out of memory
            only in A: \(name(3))
            """)
        #expect(name(1).description == "itq bits=4 seed=1 [\(runs[0].id.prefix(12))]")
        #expect(try StoreDiff(tolerance: 0.005).compare(old: old, new: old).isEmpty)
    }

    /// A run not applicable in both stores has nothing to compare; one `ok` in A and
    /// not applicable in B is a status change with the reason.
    @Test func notApplicableRunsCompareByStatus() throws {
        let root = try RunStoreTests.root()
        defer { root.remove() }
        let old = RunStore(directory: root.path("a"))
        let new = RunStore(directory: root.path("b"))
        let declined = try RunExecution(store: old, catalog: DatasetCatalog(root: root.url.path))
            .execute(try RunStoreTests.planned(bits: 8)) { _ in }
        let computed = try RunExecution(store: old, catalog: DatasetCatalog(root: root.url.path))
            .execute(try RunStoreTests.planned(bits: 4)) { _ in }
        #expect(declined.status == .notApplicable && computed.status == .ok)
        try new.write(declined)
        var changed = computed
        changed.status = .notApplicable
        changed.result = nil
        changed.reason = "itq: 4 bits need at least 4 feature dimensions, the features have 3"
        try new.write(changed)

        #expect(try StoreDiff(tolerance: 0.005).compare(old: new, new: new).isEmpty)
        let report = try StoreDiff(tolerance: 0.005).compare(old: old, new: new)
        let name = StoreDiff.RunName(label: "itq bits=4 seed=1", id: computed.id)
        #expect(report == StoreDiff.Report(statusChanges: [
            StoreDiff.StatusChange(run: name, old: .ok, new: .notApplicable, error: changed.reason),
        ]))
        #expect(report.description == "\(name): ok in A, not_applicable in B: \(changed.reason ?? "")")
    }

    @Test func tablesAndFilesAreNotStores() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path("tables"), withIntermediateDirectories: true)
        try "method,map\nlsh,0.5\n".write(toFile: directory.path("tables/t.csv"), atomically: true, encoding: .utf8)
        try "{\"id\": \"not a run\"}".write(toFile: directory.path("tables/t.json"), atomically: true, encoding: .utf8)
        #expect(StoreDiff.stores(old: directory.path("tables"), new: directory.path("tables")) == nil)
        #expect(StoreDiff.stores(old: directory.path("tables/t.csv"), new: directory.path("tables/t.csv")) == nil)
    }
}
