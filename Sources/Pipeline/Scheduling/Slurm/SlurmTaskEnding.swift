/// How a Slurm task ended, as the cluster's accounting records it (one line of
/// `sacct -P -X -o JobID,State,ExitCode,Elapsed`): its final state, the exit code and
/// signal of its batch script, and how long it ran.
public struct SlurmTaskEnding: Equatable, Sendable, CustomStringConvertible {
    /// A job state sacct reports for a task that has ended (its `State` column, whose
    /// first word is the state's name).
    public enum State: String, CaseIterable, Sendable {
        case completed = "COMPLETED"
        case cancelled = "CANCELLED"
        case failed = "FAILED"
        case timeout = "TIMEOUT"
        case nodeFail = "NODE_FAIL"
        case outOfMemory = "OUT_OF_MEMORY"
        case preempted = "PREEMPTED"
        case bootFail = "BOOT_FAIL"
        case deadline = "DEADLINE"
    }

    public var state: State
    /// Who cancelled the task, as sacct names them (`CANCELLED by 0`: the user id).
    public var cancelledBy: String?
    /// The batch script's exit code (the number before the colon of `ExitCode`).
    public var exitCode: Int
    /// The signal that ended the batch script, 0 when none (the number after the colon).
    public var signal: Int
    /// The run time, as sacct prints it (`[D-]HH:MM:SS`).
    public var elapsed: String

    public init(state: State, cancelledBy: String? = nil, exitCode: Int = 0, signal: Int = 0, elapsed: String = "00:00:00") {
        self.state = state
        self.cancelledBy = cancelledBy
        self.exitCode = exitCode
        self.signal = signal
        self.elapsed = elapsed
    }

    /// The ending of sacct's `State`, `ExitCode` and `Elapsed` fields (`CANCELLED by 0`,
    /// `1:0`, `00:00:02`); nil when the state is not one a task ends in (`RUNNING`,
    /// `PENDING`, `REQUEUED`, …) or a field is malformed.
    public init?(state stateField: String, exitCode exitField: String, elapsed: String) {
        let words = stateField.split(separator: " ")
        guard let name = words.first, let state = State(rawValue: String(name)) else { return nil }
        let codes = exitField.split(separator: ":", omittingEmptySubsequences: false)
        guard codes.count == 2, let exitCode = Int(codes[0]), let signal = Int(codes[1]) else { return nil }
        self.state = state
        cancelledBy = words.count == 3 && words[1] == "by" ? String(words[2]) : nil
        self.exitCode = exitCode
        self.signal = signal
        self.elapsed = elapsed
    }

    /// `CANCELLED by 0 after 00:00:02`, `FAILED with exit code 1 after 00:00:00`,
    /// `TIMEOUT after 01:00:00`, `FAILED, killed by signal 9 after …`.
    public var description: String {
        var text = state.rawValue
        if let cancelledBy { text += " by \(cancelledBy)" }
        if signal != 0 {
            text += ", killed by signal \(signal)"
        } else if state == .failed || exitCode != 0 {
            text += " with exit code \(exitCode)"
        }
        return text + " after \(elapsed)"
    }
}
