import Foundation

/// The process that holds, or last held, a run's lock: the line `<pid> <host> <since>`
/// (`since` in ISO 8601 UTC, to the second) that ``RunLock`` writes into the lock file
/// right after taking the lock. The record is for people and `hashlab status`; the
/// lock itself is the `flock`, never the record: a record can name a holder that has
/// since released the lock, and for the moment between a new holder's `flock` and its
/// write it still names the previous one.
public struct RunLockOwner: Equatable, Sendable, CustomStringConvertible {
    public let pid: Int32
    /// The short host name (`gethostname`) of the holder's machine.
    public let host: String
    /// When the holder took the lock.
    public let since: Date

    public init(pid: Int32, host: String, since: Date) {
        self.pid = pid
        self.host = host
        self.since = Date(timeIntervalSince1970: since.timeIntervalSince1970.rounded(.down))
    }

    /// The record's line, `<pid> <host> <since>`, e.g. `4242 node17 2026-12-03T19:30:00Z`.
    public var line: String { "\(pid) \(host) \(ISO8601DateFormatter().string(from: since))" }

    /// Parses a record (the lock file's content); nil when it is empty or not one.
    public init?(record: String) {
        let fields = record.split(whereSeparator: \.isWhitespace)
        guard fields.count == 3, let pid = Int32(fields[0]), pid > 0,
              let since = ISO8601DateFormatter().date(from: String(fields[2])) else { return nil }
        self.init(pid: pid, host: String(fields[1]), since: since)
    }

    /// `pid 4242 on node17 since 2026-12-03T19:30:00Z`.
    public var description: String {
        "pid \(pid) on \(host) since \(ISO8601DateFormatter().string(from: since))"
    }

    /// This process, now.
    public static var current: RunLockOwner {
        RunLockOwner(pid: getpid(), host: hostName, since: Date())
    }

    /// This machine's host name, as ``host`` records it.
    public static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty || name.contains(where: \.isWhitespace) ? "unknown" : name
    }

    /// Whether the recorded process is known to have ended: it ran on this host and no
    /// process has its pid any more, or only a zombie does (its descriptors, and so its
    /// locks, are gone), or the process that has it started after ``since`` (the pid
    /// was reused). False for another host's process, whose life this machine cannot see.
    public var isGone: Bool {
        guard host == Self.hostName else { return false }
        guard kill(pid, 0) == 0 || errno == EPERM else { return errno == ESRCH }
        guard let (state, started) = Self.stateAndStartTime(of: pid) else { return false }
        return state == "Z" || state == "X" || started > since.addingTimeInterval(1)
    }

    /// The state letter of process `pid` of this host (field 3 of `/proc/<pid>/stat`)
    /// and when it started: the boot time (`btime` in `/proc/stat`) plus its start in
    /// clock ticks after boot (field 22).
    static func stateAndStartTime(of pid: Int32) -> (Character, Date)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name, which may hold spaces, start at field 3 (state).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let state = fields[0].first, let ticks = Double(fields[19]),
              let system = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let bootLine = system.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }),
              let boot = Double(bootLine.dropFirst(6)) else { return nil }
        return (state, Date(timeIntervalSince1970: boot + ticks / Double(sysconf(Int32(_SC_CLK_TCK)))))
    }
}
