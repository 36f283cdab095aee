import ArgumentParser
import Pipeline

/// Where `hashlab run` computes its runs.
enum Executor: String, ExpressibleByArgument, CaseIterable {
    case local, slurm
}

/// `hashlab run`'s sbatch options (used with `--executor slurm`), as ``SlurmOptions``.
struct SlurmSubmitOptions: ParsableArguments {
    @Option(help: "Slurm partition.")
    var partition: String?

    @Option(help: "Time limit per task (sbatch --time, e.g. 30 or 2:00:00).")
    var time: String?

    @Option(help: "CPUs per task (BLAS threads of each run).")
    var cpusPerTask: Int?

    @Option(help: "Memory per task (sbatch --mem, e.g. 4G).")
    var mem: String?

    @Option(help: "At most this many tasks of each array at once (--array=…%N).")
    var arrayParallelism: Int?

    @Option(help: "Slurm account.")
    var account: String?

    @Option(name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue,
            help: "A further sbatch argument, passed as given (repeatable), e.g. --sbatch-arg=--qos=short.")
    var sbatchArguments: [String] = []

    func validate() throws {
        if let cpusPerTask, cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1") }
        if let arrayParallelism, arrayParallelism < 1 { throw ValidationError("--array-parallelism must be at least 1") }
    }

    var slurmOptions: SlurmOptions {
        SlurmOptions(partition: partition, time: time, cpusPerTask: cpusPerTask, memory: mem,
                     arrayParallelism: arrayParallelism, account: account, extraArguments: sbatchArguments)
    }
}
