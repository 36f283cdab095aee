import Foundation
import Testing
import TestSupport

/// `hashlab plan` and `run` against stores that cannot hold runs, runs whose lock
/// cannot be taken, temporary files of killed writes, and a store whose file system
/// fills up or turns read-only while a sweep runs: each a clear error naming the path,
/// the store left as it was, and the next `run` completing once the cause is gone.
@Suite(.serialized) struct StoreFailureCommandTests {
    /// The store's files: name → content (lock files, whose content is their holder's
    /// record, by name only).
    static func snapshot(_ store: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: store) {
            files[name] = name.hasSuffix(".lock") ? Data() : try Data(contentsOf: URL(fileURLWithPath: store + "/" + name))
        }
        return files
    }

    /// The failure lines of a sweep's standard error (`  <run> [<id>]: <reason>`).
    static func failureLines(_ error: String) -> [Substring] {
        error.split(separator: "\n").filter { $0.hasPrefix("  ") }
    }

    @Test func aResultsPathUnderAFileOrARunsFileIsAnErrorBeforeAnythingRuns() throws {
        let root = try SweepCommandTests.project(methods: "  - method: lsh", bits: "[2]", seeds: "[1]")
        defer { root.remove() }
        let spec = root.path("experiments/tiny.yaml")
        let file = root.path("a-file")
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        for command in ["plan", "run"] {
            let under = try HashlabProcess([command, spec, "--root", root.url.path, "--results", file + "/results"])
            #expect(under.status == 1)
            #expect(under.error == "hashlab: error: the results store \(file)/results/runs cannot be created: "
                    + "\(file) is a file, not a directory\n")
            #expect(under.output == "")
        }
        try FileManager.default.createDirectory(atPath: root.path("results"), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: root.path("results/runs"), contents: Data()))
        for command in ["plan", "run"] {
            let runsFile = try HashlabProcess([command, spec, "--root", root.url.path])
            #expect(runsFile.status == 1)
            #expect(runsFile.error == "hashlab: error: the results store \(root.url.path)/results/runs "
                    + "is a file, not a directory\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path("results")) == ["runs"])
    }

    @Test(.enabled(if: ScratchMount.available, "needs mount(8) (root)"))
    func aReadOnlyStoreIsAnErrorBeforeAnythingRuns() throws {
        let root = try SweepCommandTests.project(methods: "  - method: lsh", bits: "[2]", seeds: "[1]")
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path("results"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.path("source"), withIntermediateDirectories: true)
        let mount = try ScratchMount(readOnlyBindOf: root.path("source"), at: root.path("results"))
        defer { mount.unmount() }
        for arguments in [["plan"], ["run"], ["run", "--force"]] {
            let process = try HashlabProcess(arguments + [root.path("experiments/tiny.yaml"), "--root", root.url.path])
            #expect(process.status == 1)
            #expect(process.error == "hashlab: error: the results store \(root.url.path)/results/runs cannot be created: "
                    + "\(root.url.path)/results is not writable: Read-only file system\n")
        }
    }

    /// `run --force` whose workers cannot take their runs' locks — the `.lock` path a
    /// directory, or a lock file on a read-only mount — fails those runs with the
    /// reason; the older files of the runs are no success, and they stay as they were.
    @Test func forcedRunsWhoseLockCannotBeTakenFail() throws {
        let root = try SweepCommandTests.project(methods: "  - method: lsh", bits: "[2, 4]", seeds: "[1]")
        defer { root.remove() }
        let spec = root.path("experiments/tiny.yaml")
        let first = try HashlabProcess(["run", spec, "--root", root.url.path, "--jobs", "2"])
        #expect(first.status == 0, "\(first.error)")
        let store = root.path("results/runs")
        let ids = try SweepCommandTests.storedRuns(root).compactMap { $0["id"] as? String }
        try #require(ids.count == 2)
        try FileManager.default.removeItem(atPath: "\(store)/\(ids[0]).lock")
        try FileManager.default.createDirectory(atPath: "\(store)/\(ids[0]).lock", withIntermediateDirectories: false)
        var mount: ScratchMount?
        if ScratchMount.available {
            #expect(FileManager.default.createFile(atPath: root.path("read-only-lock"), contents: Data()))
            mount = try ScratchMount(readOnlyBindOf: root.path("read-only-lock"), at: "\(store)/\(ids[1]).lock")
        }
        defer { mount?.unmount() }
        let before = try Self.snapshot(store)

        let forced = try HashlabProcess(["run", spec, "--root", root.url.path, "--jobs", "2", "--force"])
        #expect(forced.status == 1)
        #expect(!forced.output.contains("] ok"), "\(forced.output)")
        let failures = Self.failureLines(forced.error)
        #expect(forced.error.hasPrefix("hashlab: \(mount == nil ? 1 : 2) of 2 runs failed:\n"), "\(forced.error)")
        #expect(failures.contains { $0.contains("hashlab: error: cannot lock \(store)/\(ids[0]).lock: Is a directory") },
                "\(forced.error)")
        if mount != nil {
            #expect(failures.contains {
                $0.contains("hashlab: error: cannot lock \(store)/\(ids[1]).lock: Read-only file system")
            }, "\(forced.error)")
        }
        #expect(try Self.snapshot(store) == before)
    }

    /// A temporary file left by a write whose worker and scheduler were both killed
    /// (`.<id>.json.<random>.tmp`, as `writeAtomically` names it) is removed by the
    /// next `run` and by `run --force`, whether its run is done or not.
    @Test func temporariesOfKilledWritesAreRemovedByTheNextRun() throws {
        let root = try SweepCommandTests.project(methods: "  - method: lsh", bits: "[2, 4]", seeds: "[1]")
        defer { root.remove() }
        let spec = root.path("experiments/tiny.yaml")
        #expect(try HashlabProcess(["run", spec, "--root", root.url.path]).status == 0)
        let store = root.path("results/runs")
        let ids = try SweepCommandTests.storedRuns(root).compactMap { $0["id"] as? String }
        try #require(ids.count == 2)
        let truncated = Data("{\n  \"dataset_sha256\" : \"".utf8)
        func leave(_ id: String) -> String {
            let path = "\(store)/.\(id).json.\(String(UInt64.random(in: 1 << 60 ..< 1 << 63), radix: 16)).tmp"
            #expect(FileManager.default.createFile(atPath: path, contents: truncated))
            return path
        }
        func hidden() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasPrefix(".") } }
        try FileManager.default.removeItem(atPath: "\(store)/\(ids[1]).json")
        _ = [leave(ids[0]), leave(ids[1])]
        let resumed = try HashlabProcess(["run", spec, "--root", root.url.path])
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.output.contains("tiny: 2 runs, 1 done, 1 to run"))
        #expect(try hidden() == [])
        _ = [leave(ids[0]), leave(ids[1])]
        let forced = try HashlabProcess(["run", spec, "--root", root.url.path, "--force"])
        #expect(forced.status == 0, "\(forced.error)")
        #expect(try hidden() == [])
        #expect(try SweepCommandTests.storedRuns(root).count == 2)
    }

    /// The store on a real 256 KiB tmpfs: filled up, every run the sweep tries fails
    /// with `No space left on device`, and the store holds what it held; with space
    /// back, the next `run` completes.
    @Test(.enabled(if: ScratchMount.available, "needs mount(8) (root)"))
    func aFullStoreFailsRunsCleanlyAndTheNextRunCompletes() throws {
        let root = try SweepCommandTests.project(methods: "  - method: lsh", bits: "[2, 4]", seeds: "[1, 2]")
        defer { root.remove() }
        let store = root.path("results/runs")
        let mount = try ScratchMount(tmpfsAt: store, bytes: 262_144)
        defer { mount.unmount() }
        let spec = root.path("experiments/tiny.yaml")
        #expect(try HashlabProcess(["run", spec, "--root", root.url.path, "--only", "seed=1"]).status == 0)
        let filler = try ScratchMount.fill(store, name: "filler")
        let before = try Self.snapshot(store)

        let full = try HashlabProcess(["run", spec, "--root", root.url.path, "--jobs", "2"])
        #expect(full.status == 1)
        #expect(full.output.contains("tiny: 4 runs, 2 done, 2 to run"))
        #expect(full.error.hasPrefix("hashlab: 2 of 2 runs failed:\n"), "\(full.error)")
        let failures = Self.failureLines(full.error)
        #expect(failures.count == 2 && failures.allSatisfy { $0.contains("No space left on device") }, "\(full.error)")
        // Lock files of the new runs may appear; nothing else.
        #expect(try Self.snapshot(store).filter { !$0.key.hasSuffix(".lock") } == before.filter { !$0.key.hasSuffix(".lock") })

        try FileManager.default.removeItem(atPath: filler)
        let resumed = try HashlabProcess(["run", spec, "--root", root.url.path, "--jobs", "2"])
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.output.contains("tiny: 4 runs, 2 done, 2 to run"))
        #expect(try SweepCommandTests.storedRuns(root).filter { $0["status"] as? String == "ok" }.count == 4)
    }

    /// The store's file system turns read-only while a sweep runs (remounted between two
    /// runs): the runs after it fail with `Read-only file system`, the runs stored
    /// before stay whole, no temporary file is left, and once writable again the next
    /// `run` completes the rest.
    @Test(.enabled(if: ScratchMount.available, "needs mount(8) (root)"))
    func aStoreTurningReadOnlyFailsTheRestCleanlyAndTheNextRunCompletes() throws {
        let root = try SweepCommandTests.project(methods: SweepCommandTests.slowMethods, bits: "[8, 12]",
                                                 seeds: "[1, 2, 3]")
        defer { root.remove() }
        let store = root.path("results/runs")
        let mount = try ScratchMount(tmpfsAt: store, bytes: 1 << 20)
        defer { mount.unmount() }
        let spec = root.path("experiments/tiny.yaml")
        let process = try HashlabProcess.start(["run", spec, "--root", root.url.path, "--jobs", "1"])
        try SweepCommandTests.waitForAStoredRun(root)
        try mount.remount(readOnly: true)
        let stored = try SweepCommandTests.storedRuns(root)
        let sweep = HashlabProcess(waitingFor: process)
        try #require(stored.count >= 1 && stored.count < 6, "read-only after \(stored.count) of 6 runs")
        #expect(sweep.status == 1)
        let failures = Self.failureLines(sweep.error)
        #expect(failures.count == 6 - stored.count, "\(sweep.error)")
        #expect(failures.allSatisfy { $0.contains("Read-only file system") }, "\(sweep.error)")
        #expect(try SweepCommandTests.storedRuns(root).count == stored.count)
        #expect(stored.allSatisfy { $0["status"] as? String == "ok" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasPrefix(".") } == [])

        try mount.remount(readOnly: false)
        try SweepCommandTests.expectResumption(root, runs: 6, done: stored.count)
    }
}
