import Foundation

/// The array tasks Slurm still holds, as `squeue` lists them: each task of a job array
/// that is pending or running (tasks that ended are not listed). Read with
/// `squeue -h -r -o %F|%K|%T`: one line per task — the array's job id, the task index
/// (or, for tasks not yet split off a pending array, an index expression such as
/// `3-7%2` or `1,4`), and the state.
public struct SlurmQueue: Equatable, Sendable {
    /// Where a listed task is.
    public enum State: String, Sendable {
        /// Waiting to start (held, throttled by `%N`, waiting for resources, requeued).
        case pending
        /// Started and not yet ended (running, configuring, completing, suspended).
        case running
    }

    public var tasks: [SlurmTask: State]

    public init(tasks: [SlurmTask: State]) {
        self.tasks = tasks
    }

    /// The squeue arguments whose output ``init(squeueOutput:)`` parses.
    public static let squeueArguments = ["-h", "-r", "-o", "%F|%K|%T"]

    /// Parses squeue's output (see the type's description). Lines of jobs that are not
    /// arrays (`N/A` as the task index) and lines that do not have three fields are
    /// skipped. `RUNNING`, `COMPLETING`, `CONFIGURING`, `SUSPENDED`, `STAGE_OUT` and
    /// `SIGNALING` are running; every other state squeue lists is pending.
    public init(squeueOutput: String) {
        var tasks: [SlurmTask: State] = [:]
        for line in squeueOutput.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields[0].isEmpty else { continue }
            let state: State = Self.runningStates.contains(fields[2]) ? .running : .pending
            for index in Self.indices(fields[1]) {
                tasks[SlurmTask(jobID: fields[0], index: index)] = state
            }
        }
        self.tasks = tasks
    }

    /// The queue of this cluster now.
    ///
    /// - Throws: ``SlurmError`` when squeue is missing or fails.
    public static func current() throws -> SlurmQueue {
        SlurmQueue(squeueOutput: try SlurmCommand("squeue").output(squeueArguments))
    }

    /// The state of `task`, nil when squeue does not list it (it ended, or never existed).
    public subscript(task: SlurmTask) -> State? { tasks[task] }

    static let runningStates: Set<String> = ["RUNNING", "COMPLETING", "CONFIGURING", "SUSPENDED", "STAGE_OUT", "SIGNALING"]

    /// The indices of a task index expression: `5`, `[3-7%2]`, `1,4,6-8`; none for `N/A`
    /// or anything else that is not one.
    static func indices(_ expression: String) -> [Int] {
        var text = Substring(expression)
        if text.hasPrefix("[") && text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if let throttle = text.firstIndex(of: "%") { text = text[..<throttle] }
        var indices: [Int] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 1, let single = Int(bounds[0]) {
                indices.append(single)
            } else if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high {
                indices += Array(low...high)
            } else {
                return []
            }
        }
        return indices
    }
}
