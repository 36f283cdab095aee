import Datasets
import Foundation
import Pipeline
import Testing
import TestSupport

/// The store's failure modes: a path that cannot hold runs is found before anything
/// runs, temporary files of killed writes are removed under their run's lock, and a
/// full or read-only file system fails a write cleanly, leaving the store as it was.
@Suite(.serialized) struct RunStoreFailureTests {
    @Test func aStoreUnderAFileOrThatIsAFileIsNamed() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let file = root.path("results")
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        let under = RunStore(directory: file + "/deeper/runs")
        #expect(throws: RunStoreError.notADirectory(store: under.directory, path: file)) { try under.checkWritable() }
        #expect("\(RunStoreError.notADirectory(store: under.directory, path: file))"
                == "the results store \(under.directory) cannot be created: \(file) is a file, not a directory")
        let itself = RunStore(directory: file)
        #expect(throws: RunStoreError.notADirectory(store: file, path: file)) { try itself.checkWritable() }
        #expect("\(RunStoreError.notADirectory(store: file, path: file))"
                == "the results store \(file) is a file, not a directory")

        // A store yet to be made under a writable directory passes, and nothing is created.
        let fresh = RunStore(directory: root.path("elsewhere/results/runs"))
        try fresh.checkWritable()
        #expect(try root.contents() == ["results"])
        try RunStore(directory: "relative-\(UUID().uuidString)/runs").checkWritable()
    }

    @Test(.enabled(if: ScratchMount.available, "needs mount(8) (root)"))
    func aReadOnlyStoreIsNamedWithTheSystemsReason() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path("source/runs"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.path("results"), withIntermediateDirectories: true)
        let mount = try ScratchMount(readOnlyBindOf: root.path("source"), at: root.path("results"))
        defer { mount.unmount() }
        let store = RunStore(directory: root.path("results/runs"))
        let expected = RunStoreError.notWritable(store: store.directory, path: store.directory, reason: "Read-only file system")
        #expect(throws: expected) { try store.checkWritable() }
        #expect("\(expected)" == "the results store \(store.directory) is not writable: Read-only file system")
        let below = RunStore(directory: root.path("results/runs/more"))
        #expect(throws: RunStoreError.notWritable(store: below.directory, path: store.directory,
                                                  reason: "Read-only file system")) { try below.checkWritable() }
        #expect(store.fileSystemProblem == "the store's file system is read-only")
    }

    /// Temporary files whose run's lock is free are removed, each under the lock; those
    /// of a run whose lock another process holds are left to it. A worker removes its
    /// run's temporaries once it holds the lock.
    @Test func orphanTemporariesAreRemovedUnderTheirLocks() throws {
        let root = try RunStoreTests.root()
        defer { root.remove() }
        let store = RunStore(root: root.url.path)
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        let names = [".free.json.0123456789abcdef.tmp", ".free.json.fedcba9876543210.tmp", ".held.json.0123456789abcdef.tmp"]
        for name in names + ["other.txt", "free.json"] {
            #expect(FileManager.default.createFile(atPath: store.directory + "/" + name, contents: Data("{\"id".utf8)))
        }
        let holder = try FlockHolder.start(store.lockPath("held"), options: "--no-fork")
        defer { FlockHolder.kill9(holder) }
        #expect(store.removeOrphanTemporaries() == ["free"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory).sorted()
                == [".held.json.0123456789abcdef.tmp", "free.json", "free.lock", "held.lock", "other.txt"])

        let run = try RunStoreTests.planned()
        let execution = RunExecution(store: store, catalog: DatasetCatalog(root: root.url.path))
        let id = try execution.id(of: run).id
        let leftover = store.directory + "/.\(id).json.0123456789abcdef.tmp"
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data("{\"id\": \"trunc".utf8)))
        try execution.execute(run) { _ in }
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(store.isDone(id, run))
    }

    /// On a full file system a result's write fails with the system's ENOSPC message
    /// naming the run's file, the previous file stays whole and no temporary file is
    /// left; with space back, the same write succeeds.
    @Test(.enabled(if: ScratchMount.available, "needs mount(8) (root)"))
    func aFullFileSystemFailsTheWriteAndLeavesTheStoreAsItWas() throws {
        let root = try RunStoreTests.root()
        defer { root.remove() }
        let mount = try ScratchMount(tmpfsAt: root.path("results/runs"), bytes: 262_144)
        defer { mount.unmount() }
        let store = RunStore(root: root.url.path)
        let run = try RunStoreTests.planned()
        let execution = RunExecution(store: store, catalog: DatasetCatalog(root: root.url.path))
        let first = try execution.execute(run) { _ in }
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path(first.id)))
        let filler = try ScratchMount.fill(mount.path)
        #expect(store.fileSystemProblem?.hasPrefix("no space left on device: the store's file system has ") == true)
        var messages: [String] = []
        #expect {
            try execution.execute(run, force: true) { messages.append($0) }
        } throws: { error in
            "\(error)".contains(store.path(first.id)) && "\(error)".contains("No space left on device")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path(first.id))) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory).sorted()
                == ["\(first.id).json", "\(first.id).lock", "filler"])
        try FileManager.default.removeItem(atPath: filler)
        #expect(store.fileSystemProblem == nil)
        let again = try execution.execute(run, force: true) { _ in }
        #expect(again.status == .ok && store.isDone(first.id, run))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path(first.id))) != before)
    }
}
