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
    mutating func write(_ text: String, to relativePath: String) throws {
        let path = (root as NSString).appendingPathComponent(relativePath)
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeAtomically(Data(text.utf8), to: path)
        written.append(path)
    }

    /// `name` made safe as one path component: "/" and whitespace become "_".
    static func component(_ name: String) -> String {
        String(name.map { $0 == "/" || $0.isWhitespace ? "_" : $0 })
    }
}
