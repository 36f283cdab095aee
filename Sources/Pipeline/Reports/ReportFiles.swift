import Datasets
import FileIO
import Foundation

/// Writes report files under a results directory, each atomically (a temporary file
/// beside it, flushed and renamed), creating the subdirectories it needs.
struct ReportFiles {
    /// The results directory, e.g. `results`.
    let root: String
    /// Every path written so far, in order.
    private(set) var written: [String] = []

    init(root: String) {
        self.root = root
    }

    /// Writes `text` to `root/relativePath` and records the path.
    ///
    /// - Throws: ``ReportFileError`` naming the folder that cannot be made
    ///   (``makeDirectory(_:)``) or the file that cannot be written, with the system's reason.
    mutating func write(_ text: String, to relativePath: String) throws {
        let path = (root as NSString).appendingPathComponent(relativePath)
        let directory = (path as NSString).deletingLastPathComponent
        try Self.makeDirectory(directory)
        do {
            try writeAtomically(Data(text.utf8), to: path)
        } catch {
            let reason = SystemReason.of(error)
            throw ReportFileError(path: path, reason: reason.hasPrefix(path + ": ")
                                  ? String(reason.dropFirst(path.count + 2)) : reason)
        }
        written.append(path)
    }

    /// Makes `directory` and the folders above it that are missing, as `mkdir -p`.
    ///
    /// - Throws: ``ReportFileError`` naming the first folder that cannot be made, with
    ///   the system's reason, or the file that stands where a folder belongs.
    static func makeDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ReportFileError(path: directory, reason: "is a file, where reports need a folder")
            }
            return
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != directory { try makeDirectory(parent) }
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
            throw ReportFileError(path: directory, reason: String(cString: strerror(errno)))
        }
    }

    /// `name` made safe as one path component: "/" and whitespace become "_".
    static func component(_ name: String) -> String {
        String(name.map { $0 == "/" || $0.isWhitespace ? "_" : $0 })
    }
}
