import Foundation

/// Watches the run files of a store (`runs/<id>.json`) while a sweep is interrupted and
/// resumed: each file is recorded (inode and bytes) when first seen, and every later
/// look must find it unchanged. A stored result is never rewritten — a rewrite, atomic
/// (a new file renamed over it: a new inode) or in place (new bytes: at least the
/// provenance's times differ), is seen at the next look — nor removed.
struct RunFileWatch {
    /// A run file as seen: its inode and its bytes, read from one open descriptor.
    struct File: Equatable {
        var inode: UInt64
        var bytes: Data
    }

    let directory: String
    /// Every run file seen, as first seen.
    private(set) var first: [String: File] = [:]
    /// The files seen rewritten or removed after they were first seen (the first change
    /// of each).
    private(set) var changes: [String: String] = [:]

    init(directory: String) {
        self.directory = directory
    }

    /// Reads the store now: records new run files, notes changed or missing ones.
    mutating func look() {
        let current = Self.runFiles(in: directory)
        for (name, file) in first where changes[name] == nil {
            switch current[name] {
            case nil: changes[name] = "removed"
            case let now? where now.inode != file.inode: changes[name] = "replaced (inode \(file.inode) → \(now.inode))"
            case let now? where now.bytes != file.bytes: changes[name] = "rewritten in place"
            default: break
            }
        }
        for (name, file) in current where first[name] == nil { first[name] = file }
    }

    /// The hidden temporary files of interrupted writes (`.<id>.json.<random>.tmp`) in
    /// the store now.
    func temporaries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }.sorted()
    }

    /// The run files (`<id>.json`, not hidden) of `directory`, by name.
    static func runFiles(in directory: String) -> [String: File] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var files: [String: File] = [:]
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            guard let handle = FileHandle(forReadingAtPath: (directory as NSString).appendingPathComponent(name)) else {
                continue
            }
            defer { try? handle.close() }
            var info = stat()
            guard fstat(handle.fileDescriptor, &info) == 0 else { continue }
            files[name] = File(inode: UInt64(info.st_ino), bytes: handle.readDataToEndOfFile())
        }
        return files
    }
}
