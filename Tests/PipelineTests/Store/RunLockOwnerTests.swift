import Foundation
import Pipeline
import Testing
import TestSupport

/// A run lock records its holder (pid, host, time) in its file; the probe tells a free
/// lock from a held one and a stale one, and the lock of a process killed outright is
/// free at once.
@Suite struct RunLockOwnerTests {
    /// The pids of the children of `pid` (from `/proc/<pid>/task/<pid>/children`).
    static func children(of pid: Int32) -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0) }
    }

    @Test func theHolderIsRecordedAndTheProbeSeesTheLock() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let store = RunStore(root: root.url.path)
        #expect(RunLock.state(store: store, id: "run") == .free)
        #expect(RunLock.owner(store: store, id: "run") == nil)
        let before = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let lock = try RunLock(store: store, id: "run")
        let record = try String(contentsOfFile: store.lockPath("run"), encoding: .utf8)
        let owner = try #require(RunLock.owner(store: store, id: "run"))
        let hostName = try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8)
        #expect(owner.pid == getpid() && owner.host + "\n" == hostName)
        #expect(owner.since >= before && owner.since <= Date())
        #expect(record == "\(getpid()) \(owner.host) \(ISO8601DateFormatter().string(from: owner.since))\n")
        #expect(!owner.isGone)
        // Probed through another open file description, as another process would.
        #expect(RunLock.state(store: store, id: "run") == .held(by: owner))
        lock.release()
        // Free again; the record stays as the last holder's, in the same file.
        #expect(RunLock.state(store: store, id: "run") == .free)
        #expect(RunLock.owner(store: store, id: "run") == owner)
        // The next holder overwrites the record (truncated: no tail of a longer line).
        try "99999999 a-much-longer-host-name-than-this-one 2000-01-01T00:00:00Z\n"
            .write(toFile: store.lockPath("run"), atomically: false, encoding: .utf8)
        let again = try RunLock(store: store, id: "run", waiting: false)
        #expect(try String(contentsOfFile: store.lockPath("run"), encoding: .utf8).split(separator: "\n").count == 1)
        #expect(RunLock.owner(store: store, id: "run")?.pid == getpid())
        again.release()
    }

    /// A holder killed with SIGKILL leaves its lock free at once (the kernel drops it).
    /// A lock held by a process that inherited it from a recorded holder now dead is
    /// reported stale, naming the dead holder; it is free once that process ends too.
    @Test func aKilledHolderFreesTheLockAndAnOrphanedLockIsStale() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let store = RunStore(root: root.url.path)
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        let path = store.lockPath("run")

        let holder = try FlockHolder.start(path, options: "--no-fork")
        #expect(throws: RunLockError.held(path: path)) { _ = try RunLock(store: store, id: "run", waiting: false) }
        FlockHolder.kill9(holder)
        #expect(RunLock.state(store: store, id: "run") == .free)
        try RunLock(store: store, id: "run", waiting: false).release()

        // flock(1) forks `sleep`, which inherits the locked descriptor.
        let parent = try FlockHolder.start(path)
        let dead = RunLockOwner(pid: parent, host: RunLockOwner.hostName, since: Date())
        try (dead.line + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(RunLock.state(store: store, id: "run") == .held(by: dead))
        let deadline = Date().addingTimeInterval(10)
        var sleeper = Self.children(of: parent)
        while sleeper.isEmpty && Date() < deadline { usleep(2_000); sleeper = Self.children(of: parent) }
        FlockHolder.kill9(parent)
        #expect(dead.isGone)
        #expect(RunLock.state(store: store, id: "run") == .stale(dead))
        #expect(sleeper.count == 1)
        for pid in sleeper { FlockHolder.kill9(pid) }
        #expect(RunLock.state(store: store, id: "run") == .free)
    }

    /// Records parse back; another host's process is never taken for gone; a pid
    /// reused by a process started after the record is.
    @Test func recordsParseAndOnlyThisHostsProcessesCanBeGone() throws {
        let since = Date(timeIntervalSince1970: 1_800_000_000)
        let owner = RunLockOwner(pid: 4242, host: "node17", since: since)
        #expect(owner.line == "4242 node17 2027-01-15T08:00:00Z")
        #expect(RunLockOwner(record: owner.line + "\n") == owner)
        #expect(owner.description == "pid 4242 on node17 since 2027-01-15T08:00:00Z")
        for record in ["", "4242 node17", "x node17 2027-01-15T08:00:00Z", "0 node17 2027-01-15T08:00:00Z",
                       "4242 node17 yesterday", "4242 node 17 2027-01-15T08:00:00Z"] {
            #expect(RunLockOwner(record: record) == nil, "\(record)")
        }
        #expect(!RunLockOwner(pid: 999_999_999, host: "another-host", since: since).isGone)
        #expect(RunLockOwner(pid: 999_999_999, host: RunLockOwner.hostName, since: since).isGone)
        // This process started before now: alive if recorded now, reused if recorded
        // before it started (a day ago).
        #expect(!RunLockOwner(pid: getpid(), host: RunLockOwner.hostName, since: Date()).isGone)
        #expect(RunLockOwner(pid: getpid(), host: RunLockOwner.hostName, since: Date().addingTimeInterval(-86_400)).isGone)
    }
}
