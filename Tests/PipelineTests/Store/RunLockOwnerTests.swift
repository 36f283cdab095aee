import Foundation
import Pipeline
import Testing
import TestSupport

/// A run lock records its holder (pid, host, time) in its file; the probe tells a free
/// lock from a held one and a stale one, and the lock of a process killed outright is
/// free at once.
@Suite struct RunLockOwnerTests {
    /// Starts `flock -x <options> <path> <command>` in the background, detached from
    /// this process (its parent is init, which reaps it when killed), and waits until
    /// the lock is held; returns flock's pid. The shell first closes every descriptor
    /// above 2 it inherited (Foundation's `Process` passes this process's on), so that
    /// the holder keeps no other test's pipe open.
    static func holdWithFlock(_ path: String, options: String = "", command: String = "sleep 60",
                              store: RunStore, id: String) throws -> Int32 {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", """
            for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null
            flock -x \(options) '\(path)' \(command) >/dev/null 2>&1 </dev/null & echo $!
            """]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        let deadline = Date().addingTimeInterval(10)
        while RunLock.state(store: store, id: id) == .free && Date() < deadline { usleep(2_000) }
        return pid
    }

    /// Kills `pid` with SIGKILL and waits (at most 10 s) until it has been reaped.
    static func kill9(_ pid: Int32) {
        kill(pid, SIGKILL)
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(2_000) }
    }

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

        let holder = try Self.holdWithFlock(path, options: "--no-fork", store: store, id: "run")
        #expect(throws: RunLockError.held(path: path)) { _ = try RunLock(store: store, id: "run", waiting: false) }
        Self.kill9(holder)
        #expect(RunLock.state(store: store, id: "run") == .free)
        try RunLock(store: store, id: "run", waiting: false).release()

        // flock(1) forks `sleep`, which inherits the locked descriptor.
        let parent = try Self.holdWithFlock(path, store: store, id: "run")
        let dead = RunLockOwner(pid: parent, host: RunLockOwner.hostName, since: Date())
        try (dead.line + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(RunLock.state(store: store, id: "run") == .held(by: dead))
        let deadline = Date().addingTimeInterval(10)
        var sleeper = Self.children(of: parent)
        while sleeper.isEmpty && Date() < deadline { usleep(2_000); sleeper = Self.children(of: parent) }
        Self.kill9(parent)
        #expect(dead.isGone)
        #expect(RunLock.state(store: store, id: "run") == .stale(dead))
        #expect(sleeper.count == 1)
        for pid in sleeper { Self.kill9(pid) }
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
