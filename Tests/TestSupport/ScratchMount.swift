import Foundation

/// A real file system mounted for a test (`mount(8)`; needs root, as in this project's
/// containers): a size-limited tmpfs, or a read-only bind mount, unmounted by
/// ``unmount()``. ``available`` says whether this machine lets the tests mount; tests
/// that need it are disabled, with that reason, where it does not.
public struct ScratchMount: Sendable {
    public let path: String

    /// A mount that failed, with `mount(8)`'s message, or a fill that did not end in `ENOSPC`.
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Whether a tmpfs can be mounted here (tried once, on a scratch directory).
    public static let available: Bool = {
        guard let directory = try? TemporaryDirectory("hashlab-mount-probe") else { return false }
        defer { directory.remove() }
        guard let mount = try? ScratchMount(tmpfsAt: directory.url.path, bytes: 65_536) else { return false }
        mount.unmount()
        return true
    }()

    /// Mounts a tmpfs of at most `bytes` on the directory `path` (created if missing).
    public init(tmpfsAt path: String, bytes: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Self.mount(["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path])
        self.path = path
    }

    /// Mounts `source` (a directory or a file) read-only on `path`, which must exist
    /// and be of the same kind.
    public init(readOnlyBindOf source: String, at path: String) throws {
        try Self.mount(["--bind", "-o", "ro", source, path])
        self.path = path
    }

    /// Makes the mounted file system read-only, or writable again, retrying while it is
    /// busy (a file open for writing on it makes `mount -o remount,ro` fail) for at
    /// most `seconds`.
    public func remount(readOnly: Bool, seconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                return try Self.mount(["-o", readOnly ? "remount,ro" : "remount,rw", path])
            } catch where Date() < deadline {
                usleep(2_000)
            }
        }
    }

    public func unmount() {
        _ = try? Self.run("/bin/umount", [path])
    }

    /// The bytes available on the file system at `path` (`statvfs`).
    public static func availableBytes(_ path: String) -> Int {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return -1 }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }

    /// Fills the file system at `directory` with the file `name` until a write fails
    /// with `ENOSPC`; returns the file's path.
    @discardableResult
    public static func fill(_ directory: String, name: String = "filler") throws -> String {
        let path = directory + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(message: "cannot create \(path)") }
        defer { close(descriptor) }
        let block = [UInt8](repeating: 0x5a, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        guard errno == ENOSPC else { throw Failure(message: "filling \(path): \(String(cString: strerror(errno)))") }
        return path
    }

    private static func mount(_ arguments: [String]) throws {
        try run("/bin/mount", arguments)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(message: "\(executable) \(arguments.joined(separator: " ")): "
                             + String(decoding: message, as: UTF8.self))
        }
    }
}
