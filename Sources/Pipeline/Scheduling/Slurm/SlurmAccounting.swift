import Foundation

/// How the array tasks of some jobs ended, as the cluster's accounting (`sacct`) records
/// them: read with `sacct -n -P -X -j <job ids> -o JobID,State,ExitCode,Elapsed`, one
/// line per task (`317_1|CANCELLED by 0|0:0|00:00:02`), or per group of tasks that ended
/// before they were split off a pending array (`324_[0-3]|CANCELLED by 0|0:0|00:00:00`).
///
/// Only clusters whose ``SlurmClusterConfiguration/hasAccounting`` keep these records.
/// Even there a task has none when it was cancelled on its own while held or pending
/// (Slurm 22.05 records a pending task only once it is eligible to start): such a task
/// is absent, not guessed.
public struct SlurmAccounting: Equatable, Sendable {
    public var endings: [SlurmTask: SlurmTaskEnding]

    public init(endings: [SlurmTask: SlurmTaskEnding]) {
        self.endings = endings
    }

    /// The sacct arguments whose output ``init(sacctOutput:)`` parses, for the tasks of
    /// the arrays `jobIDs`.
    public static func sacctArguments(jobIDs: [String]) -> [String] {
        ["-n", "-P", "-X", "-j", jobIDs.joined(separator: ","), "-o", "JobID,State,ExitCode,Elapsed"]
    }

    /// Parses sacct's output (see the type's description). Lines of jobs that are not
    /// array tasks (no `_`), of tasks that have not ended (``SlurmTaskEnding`` is nil
    /// for their state) and lines without four fields are skipped.
    public init(sacctOutput: String) {
        var endings: [SlurmTask: SlurmTaskEnding] = [:]
        for line in sacctOutput.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 4, let separator = fields[0].firstIndex(of: "_"),
                  let ending = SlurmTaskEnding(state: fields[1], exitCode: fields[2], elapsed: fields[3]) else { continue }
            let jobID = String(fields[0][..<separator])
            for index in SlurmQueue.indices(String(fields[0][fields[0].index(after: separator)...])) {
                endings[SlurmTask(jobID: jobID, index: index)] = ending
            }
        }
        self.endings = endings
    }

    /// How the tasks of `jobIDs` ended, asked of this cluster's sacct.
    ///
    /// - Throws: ``SlurmError`` when sacct is missing or fails (accounting off, slurmdbd
    ///   down).
    public static func current(jobIDs: [String]) throws -> SlurmAccounting {
        SlurmAccounting(sacctOutput: try SlurmCommand("sacct").output(sacctArguments(jobIDs: jobIDs)))
    }

    /// How `task` ended, nil when the accounting has no record of it.
    public subscript(task: SlurmTask) -> SlurmTaskEnding? { endings[task] }
}
