/// The sbatch options of a submission, as `hashlab run --executor slurm` takes them;
/// nil options are left to the cluster's defaults.
public struct SlurmOptions: Equatable, Sendable {
    public var partition: String?
    /// Time limit per task, in any format sbatch takes (`30`, `1:00:00`, `1-0`).
    public var time: String?
    /// CPUs per task; the task's BLAS runs on that many threads (1 when not given).
    public var cpusPerTask: Int?
    /// Memory per task, in any format sbatch takes (`4G`, `500M`).
    public var memory: String?
    /// At most this many tasks of each array run at once (`--array=…%N`).
    public var arrayParallelism: Int?
    public var account: String?
    /// Further sbatch arguments, passed as given, after hashlab's own.
    public var extraArguments: [String]

    public init(partition: String? = nil, time: String? = nil, cpusPerTask: Int? = nil, memory: String? = nil,
                arrayParallelism: Int? = nil, account: String? = nil, extraArguments: [String] = []) {
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.arrayParallelism = arrayParallelism
        self.account = account
        self.extraArguments = extraArguments
    }

    /// The sbatch arguments for the resource options, in a fixed order
    /// (`--partition`, `--time`, `--cpus-per-task`, `--mem`, `--account`, then the extra
    /// arguments).
    public var sbatchArguments: [String] {
        var arguments: [String] = []
        if let partition { arguments.append("--partition=\(partition)") }
        if let time { arguments.append("--time=\(time)") }
        if let cpusPerTask { arguments.append("--cpus-per-task=\(cpusPerTask)") }
        if let memory { arguments.append("--mem=\(memory)") }
        if let account { arguments.append("--account=\(account)") }
        return arguments + extraArguments
    }
}
