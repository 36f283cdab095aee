import Datasets
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

    /// Writes `stored` atomically.
    ///
    /// - Throws: ``AtomicWriteError`` naming the result file, the step and the system's reason,
    ///   or a file-system error creating the directory.
    public func write(_ stored: StoredRun) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeAtomically(try stored.json(), to: path(stored.id))
    }
}
