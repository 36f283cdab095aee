import Datasets
import FileIO
import Foundation

/// Submits runs to Slurm as job arrays over a plan in the store. ``submit(_:)`` writes
/// the plan (`<results>/slurm/<name>/plan.json`) and the batch script (`job.sh`),
/// submits one array of up to `MaxArraySize` tasks per slice of the plan
/// (``SlurmArraySlice/split(count:maxArraySize:)``), and records the job ids
/// (`arrays.json`). Each task runs `hashlab run-one --plan-file` for its entry, which
/// computes the run into the store exactly as a local worker does (the same
/// ``RunExecution``, under the run's lock), with its output in
/// `<results>/logs/slurm/<job>_<task>.log`. The store must be on a file system every
/// node of the cluster shares.
public struct SlurmExecutor: Sendable {
    /// The hashlab executable the tasks run (absolute).
    public let executable: String
    /// The project root (datasets) and the results folder, made absolute.
    public let root: String
    public let resultsDirectory: String
    public let options: SlurmOptions
    public let force: Bool

    public init(executable: String, root: String, resultsDirectory: String, options: SlurmOptions, force: Bool = false) {
        self.executable = Self.absolute(executable)
        self.root = Self.absolute(root)
        self.resultsDirectory = Self.absolute(resultsDirectory)
        self.options = options
        self.force = force
    }

    /// The store the tasks write to: `<results>/runs`.
    public var store: RunStore { RunStore(directory: Self.path(resultsDirectory, "runs")) }
    /// Where submissions are kept: `<results>/slurm`.
    public var slurmDirectory: String { Self.path(resultsDirectory, "slurm") }
    /// Where the tasks' output goes: `<results>/logs/slurm`.
    public var logDirectory: String { Self.path(Self.path(resultsDirectory, "logs"), "slurm") }

    /// Submits `runs` (non-empty), returning the submission with its job ids. All or
    /// nothing: when sbatch is missing, MaxArraySize cannot be read, or sbatch rejects
    /// an array, the arrays already accepted are cancelled, the submission's folder is
    /// removed, and the error is thrown.
    ///
    /// - Throws: ``SlurmError`` (``SlurmError/submissionRejected(stderr:)`` with
    ///   sbatch's message), or the error writing the plan.
    public func submit(_ runs: [SlurmPlanFile.Entry]) throws -> SlurmSubmission {
        precondition(!runs.isEmpty, "a submission has runs")
        let sbatch = try SlurmCommand("sbatch")
        let configuration = try SlurmClusterConfiguration.current()
        let now = Date()
        let directory = Self.path(slurmDirectory, Self.folderName(at: now))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var submission = SlurmSubmission(
            directory: directory,
            plan: SlurmPlanFile(created: ISO8601DateFormatter().string(from: now), force: force, runs: runs), arrays: [])
        do {
            try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
            try submission.plan.write(to: submission.planPath)
            let script = SlurmScript(executable: executable, planFile: submission.planPath, store: store.directory,
                                     root: root, logDirectory: logDirectory, jobName: Self.jobName(runs), force: force)
            let scriptPath = SlurmSubmission.path(directory, SlurmSubmission.scriptName)
            try writeAtomically(Data(script.text.utf8), to: scriptPath)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scriptPath)
            for slice in SlurmArraySlice.split(count: runs.count, maxArraySize: configuration.maxArraySize) {
                let result = try sbatch.run(script.sbatchArguments(for: slice, scriptPath: scriptPath, options: options))
                guard result.status == 0 else { throw SlurmError.submissionRejected(stderr: result.stderr) }
                submission.arrays.append(.init(jobID: try Self.jobID(parsableOutput: result.stdout), slice: slice))
            }
            try submission.writeArrays()
        } catch {
            cancel(submission.arrays.map(\.jobID))
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        return submission
    }

    /// The job id in `sbatch --parsable` output: `<id>` or `<id>;<cluster>`.
    ///
    /// - Throws: ``SlurmError/unexpectedSubmissionOutput(output:)`` when there is none.
    public static func jobID(parsableOutput: String) throws -> String {
        let first = parsableOutput.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let id = String(first.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw SlurmError.unexpectedSubmissionOutput(output: parsableOutput)
        }
        return id
    }

    /// Cancels `jobs`, best effort (the submission is being abandoned).
    private func cancel(_ jobs: [String]) {
        guard !jobs.isEmpty, let scancel = try? SlurmCommand("scancel") else { return }
        _ = try? scancel.run(jobs)
    }

    /// `<UTC yyyyMMdd-HHmmss.SSS>-<pid>`: sorts in submission order, unique per process.
    static func folderName(at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss.SSS"
        return "\(formatter.string(from: date))-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// `hashlab-<experiment>` (the first experiment of the plan, at most 40 characters).
    static func jobName(_ runs: [SlurmPlanFile.Entry]) -> String {
        "hashlab-" + String((runs.first?.experiment ?? "runs").prefix(40))
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static func path(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
