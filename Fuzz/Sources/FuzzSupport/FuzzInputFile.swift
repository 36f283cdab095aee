import Foundation

/// The file a fuzz input is written to for readers that take a path: one per process
/// (libFuzzer's workers are processes), rewritten for every input.
public enum FuzzInputFile {
    /// `<temporary folder>/hashlab-fuzz-<pid>/<name>`.
    public static func path(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hashlab-fuzz-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/" + name
    }

    /// Writes the `size` bytes at `bytes` to `path`; false when the file cannot be written.
    public static func write(_ bytes: UnsafePointer<UInt8>, _ size: Int, to path: String) -> Bool {
        (try? Data(bytes: bytes, count: size).write(to: URL(fileURLWithPath: path))) != nil
    }
}
