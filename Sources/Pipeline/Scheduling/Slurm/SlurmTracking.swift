import Foundation

/// Which Slurm task computes each submitted run, and where that task is: built from
/// the store's submissions (``SlurmSubmission/all(in:)``) and, when Slurm answers, the
/// queue and — on a cluster with accounting — how tasks that left it ended. A run submitted more than once is tracked by its latest submission (a run is
/// only resubmitted once its earlier task has left the queue).
public struct SlurmTracking: Sendable {
    /// The latest task of each submitted run id.
    public let tasks: [String: SlurmTask]
    /// The queue when it was read; nil when Slurm could not be asked.
    public let queue: SlurmQueue?
    /// Where each array's task output goes (`<logs>/<job>_<task>.log`).
    public let logDirectory: String
    /// How ended tasks ended (sacct); nil when it was not asked.
    public let accounting: SlurmAccounting?

    public init(submissions: [SlurmSubmission], queue: SlurmQueue?, logDirectory: String,
                accounting: SlurmAccounting? = nil) {
        var tasks: [String: SlurmTask] = [:]
        for submission in submissions {
            for (index, entry) in submission.plan.runs.enumerated() {
                if let task = submission.task(ofEntry: index) { tasks[entry.id] = task }
            }
        }
        self.tasks = tasks
        self.queue = queue
        self.logDirectory = logDirectory
        self.accounting = accounting
    }

    private init(tasks: [String: SlurmTask], queue: SlurmQueue?, logDirectory: String, accounting: SlurmAccounting?) {
        self.tasks = tasks
        self.queue = queue
        self.logDirectory = logDirectory
        self.accounting = accounting
    }

    /// The same tracking with `accounting` to say how ended tasks ended.
    public func with(_ accounting: SlurmAccounting) -> SlurmTracking {
        SlurmTracking(tasks: tasks, queue: queue, logDirectory: logDirectory, accounting: accounting)
    }

    /// Where the task of run `id` is: nil when the run was never submitted, or its task
    /// is not in the queue (ended) or the queue is unknown.
    public func queueState(of id: String) -> SlurmQueue.State? {
        tasks[id].flatMap { queue?[$0] }
    }

    /// The task of run `id` when it was submitted and has left the queue (the queue is
    /// known and does not list it).
    public func endedTask(of id: String) -> SlurmTask? {
        guard let task = tasks[id], let queue, queue[task] == nil else { return nil }
        return task
    }

    /// How `task` ended, when the accounting was asked and records it.
    public func ending(of task: SlurmTask) -> SlurmTaskEnding? { accounting?[task] }

    /// The log of `task`.
    public func logPath(of task: SlurmTask) -> String {
        (logDirectory as NSString).appendingPathComponent("\(task.jobID)_\(task.index).log")
    }
}
