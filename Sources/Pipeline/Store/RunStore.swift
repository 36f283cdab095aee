import Datasets
import FileIO
import Foundation

/// The result store: one JSON file per run in `directory` (`results/runs`), named by
/// run id, written atomically (temporary file, fsync, rename), so a crash leaves either
/// the previous file or the complete new one. A run is done only when its file parses,
/// says `ok`, and holds the same configuration and cutoffs as the planned run (a file
/// that does not parse counts as missing and is redone), or says `not_applicable` with
/// a reason for the same configuration: that outcome is the configuration's own, so
/// it is done too, and only `--force` redoes it.
public struct RunStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The store of the project at `root`: `root/results/runs`.
    public init(root: String) {
        self.init(directory: (root as NSString).appendingPathComponent("results/runs"))
    }

    public func path(_ id: String) -> String {
        (directory as NSString).appendingPathComponent("\(id).json")
    }

    /// The path of run `id`'s lock file (``RunLock``).
    public func lockPath(_ id: String) -> String {
        (directory as NSString).appendingPathComponent("\(id).lock")
    }

    /// The stored run `id`, or nil when absent or unreadable.
    public func load(_ id: String) -> StoredRun? {
        guard let data = FileManager.default.contents(atPath: path(id)) else { return nil }
        return try? JSONDecoder().decode(StoredRun.self, from: data)
    }

    /// The ids of the run files in the store (`<id>.json`; hidden temporary files and
    /// locks are not run files), sorted; empty when the directory does not exist.
    public var ids: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The stored run `id` when it is a final outcome of `run` — `ok` with a result, or
    /// `not_applicable` with a reason — for the same configuration and cutoffs; nil
    /// otherwise (absent, unreadable, failed, or another run's file). Reads the file once.
    public func finished(_ id: String, _ run: PlannedRun) -> StoredRun? {
        guard let stored = load(id), stored.id == id,
              stored.run.configuration == run.configuration, stored.run.cutoffs == run.cutoffs else { return nil }
        switch stored.status {
        case .ok: return stored.result == nil ? nil : stored
        case .notApplicable: return stored.reason == nil ? nil : stored
        case .failed: return nil
        }
    }

    /// Whether `run` (with id `id`) has a final outcome in the store (see ``finished(_:_:)``).
    public func isDone(_ id: String, _ run: PlannedRun) -> Bool {
        finished(id, run) != nil
    }

    /// Removes the hidden temporary files (`.<id>.json.<random>.tmp`) that writes of run
    /// `id` killed midway left. Only for the holder of the run's ``RunLock``: no write
    /// of the run is under way then.
    public func removeTemporaries(of id: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".\(id).json.") && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }

    /// Removes every temporary file (`.<id>.json.<random>.tmp`) whose run's lock is
    /// free, taking the lock (without waiting) while it does: such a file is what a
    /// write killed midway left, scheduler and worker both gone. The temporaries of a
    /// run whose lock another process holds are left to it. Returns the ids whose
    /// temporaries were removed, sorted.
    @discardableResult
    public func removeOrphanTemporaries() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let ids = Set(names.compactMap { name -> String? in
            guard name.hasPrefix("."), name.hasSuffix(".tmp"), let end = name.range(of: ".json.") else { return nil }
            return String(name[name.index(after: name.startIndex)..<end.lowerBound])
        })
        return ids.sorted().filter { id in
            guard let lock = try? RunLock(store: self, id: id, waiting: false) else { return false }
            removeTemporaries(of: id)
            lock.release()
            return true
        }
    }

    /// Writes `stored` atomically.
    ///
    /// - Throws: ``RunStoreError/cannotCreate(store:reason:)`` when the directory
    ///   cannot be created, or ``AtomicWriteError`` naming the run's file and the
    ///   failing step with the system's reason (e.g. `No space left on device`); the
    ///   write leaves either the previous file or the new one, and no temporary file.
    public func write(_ stored: StoredRun) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RunStoreError.cannotCreate(store: directory, reason: Self.reason(of: error))
        }
        try writeAtomically(try stored.json(), to: path(stored.id))
    }

    /// Checks, creating and writing nothing, that runs can be stored here: the store's
    /// directory, or the nearest of its ancestors that exists, is a directory this
    /// process may write into (`access(2)`, which also sees a read-only file system
    /// and an immutable directory, even for root).
    ///
    /// - Throws: ``RunStoreError/notADirectory(store:path:)`` naming the file in the
    ///   way, or ``RunStoreError/notWritable(store:path:reason:)`` naming the directory
    ///   and the system's reason.
    public func checkWritable() throws(RunStoreError) {
        var current = directory.isEmpty ? "." : directory
        while true {
            var status = stat()
            if stat(current, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw .notADirectory(store: directory, path: current)
                }
                guard access(current, W_OK | X_OK) == 0 else {
                    throw .notWritable(store: directory, path: current, reason: String(cString: strerror(errno)))
                }
                return
            }
            guard errno == ENOENT || errno == ENOTDIR else {
                throw .notWritable(store: directory, path: current, reason: String(cString: strerror(errno)))
            }
            let parent = (current as NSString).deletingLastPathComponent
            current = parent.isEmpty ? "." : parent
        }
    }

    /// What is wrong with the file system holding the store, when a worker failed
    /// without writing anything: `read-only file system` or `no space left on device
    /// (N bytes available)` when less than 64 KiB is available to this process; nil
    /// otherwise, or when the directory cannot be examined.
    public var fileSystemProblem: String? {
        var info = statvfs()
        guard statvfs(directory, &info) == 0 else { return nil }
        if info.f_flag & UInt(ST_RDONLY) != 0 { return "the store's file system is read-only" }
        let available = UInt64(info.f_bavail) * UInt64(info.f_frsize)
        return available < 65_536 ? "no space left on device: the store's file system has \(available) bytes available"
            : nil
    }

    /// Which file is at a path and which version of it: device, inode, modification
    /// time and size. Each write of a run renames a new file onto its path, so the
    /// identity changes whenever the run's file is written.
    public struct FileIdentity: Equatable, Sendable {
        public let device: UInt64
        public let inode: UInt64
        public let modified: timespec
        public let size: Int64

        public static func == (a: FileIdentity, b: FileIdentity) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    /// The identity of run `id`'s file; nil when there is none.
    public func fileIdentity(_ id: String) -> FileIdentity? {
        var status = stat()
        guard stat(path(id), &status) == 0 else { return nil }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), modified: status.st_mtim,
                            size: Int64(status.st_size))
    }

    /// The system's reason inside a Foundation file error, e.g. `Not a directory`.
    static func reason(of error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(code)))
        }
        return "\(error)"
    }
}
