import Foundation

/// The git commit of the project at `root` and whether its tracked files have
/// uncommitted changes, read by running `git`; `("unknown", nil)` outside a
/// repository or without git. Read once per process (runs of one process share it).
enum GitState {
    nonisolated(unsafe) private static var cache: [String: (String, Bool?)] = [:]
    private static let lock = NSLock()

    static func read(root: String) -> (commit: String, dirty: Bool?) {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[root] { return cached }
        let commit = run(["rev-parse", "HEAD"], in: root)?.trimmingCharacters(in: .whitespacesAndNewlines)
        let status = run(["status", "--porcelain", "--untracked-files=no"], in: root)
        let state = (commit ?? "unknown", commit == nil ? nil : status.map { !$0.isEmpty })
        cache[root] = state
        return state
    }

    private static func run(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
