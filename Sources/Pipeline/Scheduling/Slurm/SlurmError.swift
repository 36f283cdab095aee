import Foundation

/// What goes wrong talking to Slurm or reading what hashlab submitted to it. Each case
/// names the command or file concerned; a submission that fails leaves nothing behind
/// (see ``SlurmExecutor/submit(_:)``).
public enum SlurmError: Error, Equatable, CustomStringConvertible {
    /// `command` (sbatch, squeue, scontrol, scancel) is not on `PATH`.
    case commandNotFound(command: String)
    /// `command` ran and exited with `status`; `stderr` is what it printed there.
    case commandFailed(command: String, status: Int32, stderr: String)
    /// sbatch refused the job array; `stderr` is its message.
    case submissionRejected(stderr: String)
    /// sbatch exited 0 but printed no job id (`--parsable` prints `<id>` or `<id>;<cluster>`).
    case unexpectedSubmissionOutput(output: String)
    /// `scontrol show config` printed no usable `MaxArraySize`.
    case missingMaxArraySize(output: String)
    /// A plan or submission file under `results/slurm` that cannot be read.
    case unreadableFile(path: String, reason: String)
    /// A plan-file worker asked for an index the plan does not have.
    case indexOutOfRange(path: String, index: Int, count: Int)

    public var description: String {
        switch self {
        case let .commandNotFound(command):
            return "\(command) not found on PATH: is this a Slurm login node (or is the Slurm client installed)?"
        case let .commandFailed(command, status, stderr):
            return "\(command) exited with status \(status)\(Self.tail(stderr))"
        case let .submissionRejected(stderr):
            return "sbatch rejected the job array\(Self.tail(stderr))"
        case let .unexpectedSubmissionOutput(output):
            return "sbatch printed no job id: \"\(output)\""
        case let .missingMaxArraySize(output):
            return "scontrol show config printed no MaxArraySize (\(output.count) characters of output)"
        case let .unreadableFile(path, reason):
            return "cannot read \(path): \(reason)"
        case let .indexOutOfRange(path, index, count):
            return "\(path): no run at index \(index), the plan has \(count)"
        }
    }

    private static func tail(_ stderr: String) -> String {
        let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : ": \(text)"
    }
}
