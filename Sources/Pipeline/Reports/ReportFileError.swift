/// A report file, or the folder it goes in, that cannot be written: its path and the
/// system's reason (`Read-only file system`, `Not a directory`).
public struct ReportFileError: Error, Equatable, CustomStringConvertible {
    /// The file or folder that could not be written.
    public let path: String
    /// Why, as the system says it.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write reports to PATH: REASON`.
    public var description: String {
        "cannot write reports to \(path): \(reason)"
    }
}
