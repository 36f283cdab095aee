/// One task of a job array: the array's job id and the task's index in it
/// (`<jobID>_<index>`, as Slurm names it).
public struct SlurmTask: Hashable, Sendable, CustomStringConvertible {
    public var jobID: String
    public var index: Int

    public init(jobID: String, index: Int) {
        self.jobID = jobID
        self.index = index
    }

    public var description: String { "\(jobID)_\(index)" }
}
