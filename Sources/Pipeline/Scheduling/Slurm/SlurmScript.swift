import Foundation

/// The batch script of a submission and the sbatch command line of each of its arrays.
/// The script runs the worker for one plan entry:
///
/// ```sh
/// exec <hashlab> run-one --plan-file <plan> --index "$SLURM_ARRAY_TASK_ID" --offset "$1" --store <store> --root <root>
/// ```
///
/// with the array's offset as its first argument, so one script serves every array of
/// the submission; BLAS runs on the task's CPUs (`SLURM_CPUS_PER_TASK`, else 1). Paths
/// are absolute and quoted for the shell, so tasks run from any directory of a shared
/// file system. A task's output goes to `<logs>/%A_%a.log` (array job id, task index).
public struct SlurmScript: Equatable, Sendable {
    public var executable: String
    public var planFile: String
    public var store: String
    public var root: String
    public var logDirectory: String
    public var jobName: String
    public var force: Bool

    public init(executable: String, planFile: String, store: String, root: String, logDirectory: String,
                jobName: String, force: Bool = false) {
        self.executable = executable
        self.planFile = planFile
        self.store = store
        self.root = root
        self.logDirectory = logDirectory
        self.jobName = jobName
        self.force = force
    }

    /// The script's text.
    public var text: String {
        let worker = [Self.quoted(executable), "run-one", "--plan-file", Self.quoted(planFile),
                      "--index", "\"$SLURM_ARRAY_TASK_ID\"", "--offset", "\"$1\"",
                      "--store", Self.quoted(store), "--root", Self.quoted(root)] + (force ? ["--force"] : [])
        return """
            #!/bin/sh
            # hashlab: one task of a job array computes one run of \(planFile)
            # (entry: the array's offset, given as $1, plus SLURM_ARRAY_TASK_ID).
            OPENBLAS_NUM_THREADS="${SLURM_CPUS_PER_TASK:-1}"
            export OPENBLAS_NUM_THREADS
            exec \(worker.joined(separator: " "))

            """
    }

    /// The sbatch arguments submitting `slice` with the script at `scriptPath`:
    /// `--parsable`, the job name, the array (`0-<n−1>` with `%<parallelism>`), the log
    /// path, the options' resource arguments, then the script and the slice's offset.
    public func sbatchArguments(for slice: SlurmArraySlice, scriptPath: String, options: SlurmOptions) -> [String] {
        ["--parsable", "--job-name=\(jobName)", "--array=\(slice.arraySpecification(parallelism: options.arrayParallelism))",
         "--output=\((logDirectory as NSString).appendingPathComponent("%A_%a.log"))"]
            + options.sbatchArguments + [scriptPath, "\(slice.offset)"]
    }

    /// `text` in single quotes for a POSIX shell (a quote inside becomes `'\''`).
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
