import Datasets
import Foundation
import Linalg
import Methods
import Pipeline
import Testing
import TestSupport

/// Run ids, the store and run execution on a tiny dataset.
@Suite struct RunStoreTests {
    /// A project root with a 4-cluster dataset `clusters` in datasets/data.
    static func root() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("datasets/data"), withIntermediateDirectories: true)
        try ClusterDataset.write(to: directory.path("datasets/data/clusters.h5"))
        return directory
    }

    static func planned(seed: UInt64 = 1, unseen: [String] = ["c", "d"], parameters: [String: String] = [:],
                        preprocessing: FeaturePreprocessing = .none, bits: Int = 4) throws -> PlannedRun {
        let single = try SingleRun(dataset: "clusters",
                                   retrievalProtocol: .zeroShot(ZeroShotProtocol(unseen: .classes(unseen), queries: 10)),
                                   preprocessing: preprocessing, method: "itq", parameters: parameters, bits: bits, modality: "x", seed: seed)
        return PlannedRun(configuration: single.configuration, cutoffs: single.cutoffs,
                          axes: ["method": "itq", "bits": "\(bits)", "seed": "\(seed)"])
    }

    @Test func idsAreStableAndSensitive() throws {
        let run = try Self.planned()
        let id = RunID.make(configuration: run.configuration, cutoffs: run.cutoffs, datasetSHA256: "aa")
        #expect(id.count == 64)
        #expect(id == RunID.make(configuration: run.configuration, cutoffs: run.cutoffs, datasetSHA256: "aa"))
        #expect(id != RunID.make(configuration: run.configuration, cutoffs: run.cutoffs, datasetSHA256: "ab"))
        #expect(id != RunID.make(configuration: run.configuration, cutoffs: [100], datasetSHA256: "aa"))
        let otherSeed = try Self.planned(seed: 2)
        #expect(id != RunID.make(configuration: otherSeed.configuration, cutoffs: run.cutoffs, datasetSHA256: "aa"))
        // A changed default is a changed configuration (defaults are filled in): ITQ's
        // 50 iterations given explicitly is the same run, 49 is another.
        let explicit = try Self.planned(parameters: ["iterations": "50"])
        let changed = try Self.planned(parameters: ["iterations": "49"])
        #expect(id == RunID.make(configuration: explicit.configuration, cutoffs: run.cutoffs, datasetSHA256: "aa"))
        #expect(id != RunID.make(configuration: changed.configuration, cutoffs: run.cutoffs, datasetSHA256: "aa"))
        // The report axes only label a run.
        var relabelled = run
        relabelled.axes["note"] = "x"
        #expect(id == RunID.make(configuration: relabelled.configuration, cutoffs: relabelled.cutoffs, datasetSHA256: "aa"))
    }

    /// The preprocessing is part of the id; `none` is encoded by leaving the key out, so
    /// ids of runs without preprocessing are what they were before the key existed
    /// (see ``StoredRunIDTests``), and every other value reads back as written.
    @Test func preprocessingIsPartOfTheID() throws {
        let none = try Self.planned()
        let ids = try FeaturePreprocessing.allCases.map { preprocessing in
            let run = try Self.planned(preprocessing: preprocessing)
            return RunID.make(configuration: run.configuration, cutoffs: run.cutoffs, datasetSHA256: "aa")
        }
        #expect(Set(ids).count == FeaturePreprocessing.allCases.count)
        #expect(ids[0] == RunID.make(configuration: none.configuration, cutoffs: none.cutoffs, datasetSHA256: "aa"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for preprocessing in FeaturePreprocessing.allCases {
            let configuration = try Self.planned(preprocessing: preprocessing).configuration
            let json = try #require(String(data: try encoder.encode(configuration), encoding: .utf8))
            #expect(json.contains("\"preprocess\"") == (preprocessing != .none), "\(json)")
            #expect(try JSONDecoder().decode(RunConfiguration.self, from: Data(json.utf8)) == configuration)
        }
        let zscore = try Self.planned(preprocessing: .zscore).configuration
        #expect(String(data: try encoder.encode(zscore), encoding: .utf8)?
                .contains("\"preprocess\":\"zscore\"") == true)
    }

    /// A planned run's preprocessing reaches the worker: the stored result's
    /// configuration is the planned one, so the store counts it as done.
    @Test func executionRunsThePlannedPreprocessing() throws {
        let root = try Self.root()
        defer { root.remove() }
        let store = RunStore(root: root.url.path)
        let execution = RunExecution(store: store, catalog: DatasetCatalog(root: root.url.path))
        let run = try Self.planned(preprocessing: .l2)
        let stored = try execution.execute(run) { _ in }
        #expect(stored.status == .ok, "\(stored.error ?? "")")
        #expect(stored.result?.configuration.preprocessing == .l2)
        #expect(store.isDone(stored.id, run))
    }

    @Test func executionStoresOnceAndRecordsFailures() throws {
        let root = try Self.root()
        defer { root.remove() }
        let store = RunStore(root: root.url.path)
        let execution = RunExecution(store: store, catalog: DatasetCatalog(root: root.url.path))
        let run = try Self.planned()
        let (id, sha) = try execution.id(of: run)
        #expect(sha == (try FileDigest.sha256(of: root.path("datasets/data/clusters.h5"))))
        #expect(!store.isDone(id, run))
        let first = try execution.execute(run) { _ in }
        #expect(first.status == .ok && first.id == id)
        #expect(store.isDone(id, run))
        #expect(first.provenance.hashlabVersion == RuntimeVersions.hashlab)
        #expect(first.provenance.cores == ProcessInfo.processInfo.activeProcessorCount)
        var messages: [String] = []
        let second = try execution.execute(run) { messages.append($0) }
        #expect(second.provenance.started == first.provenance.started, "a done run is not recomputed")
        #expect(messages == ["run \(id) is already done"])
        // The scheduler hands workers the hash it planned with: the same id, no rehash.
        let handed = try execution.execute(run, datasetSHA256: sha) { _ in }
        #expect(handed.id == id && handed.provenance.started == first.provenance.started)

        let failing = try Self.planned(unseen: ["c", "zebra"])
        let failed = try execution.execute(failing) { _ in }
        #expect(failed.status == .failed && failed.result == nil)
        #expect(failed.error?.contains("zebra") == true)
        #expect(!store.isDone(failed.id, failing))
    }

    /// ITQ at 8 bits on 6 feature dimensions: recorded `not_applicable` with the reason,
    /// no result and no error; done, so executing it again computes nothing; only
    /// `force` redoes it. A failed run is neither (see above).
    @Test func executionRecordsANotApplicableRunAsDone() throws {
        let root = try Self.root()
        defer { root.remove() }
        let store = RunStore(root: root.url.path)
        let execution = RunExecution(store: store, catalog: DatasetCatalog(root: root.url.path))
        let run = try Self.planned(bits: 8)
        let stored = try execution.execute(run) { _ in }
        #expect(stored.status == .notApplicable)
        #expect(stored.reason == "itq: 8 bits need at least 8 feature dimensions, the features have 6")
        #expect(stored.result == nil && stored.error == nil)
        let json = try String(contentsOfFile: store.path(stored.id), encoding: .utf8)
        #expect(json.contains("\"status\" : \"not_applicable\""), "\(json)")
        #expect(store.load(stored.id)?.reason == stored.reason)
        #expect(store.isDone(stored.id, run))
        #expect(store.finished(stored.id, run)?.status == .notApplicable)

        var messages: [String] = []
        let again = try execution.execute(run) { messages.append($0) }
        #expect(messages == ["run \(stored.id) is already done"])
        #expect(again.provenance.started == stored.provenance.started)
        let forced = try execution.execute(run, force: true) { _ in }
        #expect(forced.status == .notApplicable && forced.reason == stored.reason)

        // Not applicable without a reason is not a file the store wrote: not done.
        var damaged = stored
        damaged.reason = nil
        try store.write(damaged)
        #expect(!store.isDone(stored.id, run))
    }

    /// What the scheduler does after a worker died: the temporary file of a write it
    /// was killed in is removed — only while no other process holds the run's lock.
    @Test func leftoversOfAKilledWriteAreRemovedUnderTheLock() throws {
        let root = try Self.root()
        defer { root.remove() }
        let store = RunStore(root: root.url.path)
        let run = try Self.planned()
        let stored = try RunExecution(store: store, catalog: DatasetCatalog(root: root.url.path)).execute(run) { _ in }
        let leftover = store.directory + "/.\(stored.id).json.0123456789abcdef.tmp"
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data("{\"id\": \"trunc".utf8)))
        let held = try RunLock(store: store, id: stored.id)
        #expect(throws: RunLockError.held(path: held.path)) { _ = try RunLock(store: store, id: stored.id, waiting: false) }
        held.release()
        let lock = try RunLock(store: store, id: stored.id, waiting: false)
        store.removeTemporaries(of: stored.id)
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(store.isDone(stored.id, run))
    }

    /// A lock ends once, when released or else when it goes out of scope; then the run
    /// can be locked again at once. Attempts that find it held leave it held.
    @Test func aLockEndsWhenReleasedOrOutOfScope() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let store = RunStore(root: root.url.path)
        func lockBriefly() throws {
            let lock = try RunLock(store: store, id: "run", waiting: false)
            #expect(lock.path == store.directory + "/run.lock")
        }
        try lockBriefly()
        let held = try RunLock(store: store, id: "run", waiting: false)
        for _ in 0..<3 {
            #expect(throws: RunLockError.held(path: held.path)) { _ = try RunLock(store: store, id: "run", waiting: false) }
        }
        held.release()
        try lockBriefly()
    }

    @Test func aDamagedFileIsNotDoneAndLeftoversAreIgnored() throws {
        let root = try Self.root()
        defer { root.remove() }
        let store = RunStore(root: root.url.path)
        let execution = RunExecution(store: store, catalog: DatasetCatalog(root: root.url.path))
        let run = try Self.planned()
        let stored = try execution.execute(run) { _ in }
        // A crash mid-write leaves a temporary file beside the complete old one.
        let leftover = store.directory + "/.\(stored.id).json.tmp-crash"
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data("{\"id\": \"trunc".utf8)))
        #expect(store.isDone(stored.id, run))
        // A truncated result file (not written by the store) does not count as done.
        let data = try Data(contentsOf: URL(fileURLWithPath: store.path(stored.id)))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: store.path(stored.id)))
        #expect(store.load(stored.id) == nil)
        #expect(!store.isDone(stored.id, run))
        let redone = try execution.execute(run) { _ in }
        #expect(redone.status == .ok && store.isDone(stored.id, run))
        // The same run under another configuration in the file is not done either.
        var other = run
        other.configuration.seed = 9
        #expect(!store.isDone(stored.id, other))
    }
}
