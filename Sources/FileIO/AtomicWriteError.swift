import Foundation

/// A failed step of an atomic file replacement (``writeAtomically(_:to:)`` or
/// ``AtomicFileReplacement``): an I/O error, named by the destination, the step and
/// the system's message for `errno` (e.g. "No space left on device").
///
/// Whatever was at ``file`` is untouched, except after a failed ``Step/syncingDirectory``,
/// when the destination has already been replaced.
public struct AtomicWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The steps of an atomic replacement, in order.
    public enum Step: String, Sendable {
        /// Checking the destination: something other than a regular file (a device
        /// such as `/dev/null`, a FIFO, a socket, a directory) is never replaced.
        case checkingDestination = "checking"
        /// Creating the temporary file beside the destination.
        case creating
        /// Writing the content into the temporary file.
        case writing
        /// Flushing the temporary file to storage (`fsync`).
        case syncing
        /// Renaming the temporary file onto the destination.
        case renaming
        /// Flushing the destination's directory, so the rename survives a crash.
        case syncingDirectory = "syncing directory"
    }

    /// The destination that was to be replaced.
    public let file: String
    /// The step that failed.
    public let step: Step
    /// The path the failing system call acted on (the temporary file or the directory).
    public let subject: String
    /// The `errno` of the failing system call.
    public let code: Int32

    public init(file: String, step: Step, subject: String, code: Int32) {
        self.file = file
        self.step = step
        self.subject = subject
        self.code = code
    }

    /// The system's message for ``code``, or for ``Step/checkingDestination`` why the
    /// destination is not replaced.
    public var reason: String {
        step == .checkingDestination
            ? "not a regular file (a device, FIFO, socket or directory); refusing to replace it"
            : String(cString: strerror(code))
    }

    /// `out.json: cannot write the file: creating /x/.out.json.….tmp: No such file or directory`.
    public var description: String {
        "\(file): cannot write the file: \(step.rawValue) \(subject): \(reason)"
    }
}
