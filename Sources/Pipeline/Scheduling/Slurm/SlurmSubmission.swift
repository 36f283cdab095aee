import Datasets
import FileIO
import Foundation

/// One `hashlab run --executor slurm` as it was submitted: its folder
/// `results/slurm/<name>/` holding the plan (`plan.json`), the batch script (`job.sh`)
/// and, once every array was accepted, the arrays with their job ids (`arrays.json`,
/// written last and atomically: a folder without it was never fully submitted and is
/// ignored). Names sort in submission order.
public struct SlurmSubmission: Equatable, Sendable {
    /// One submitted array: its Slurm job id and the plan entries its tasks compute.
    public struct SubmittedArray: Codable, Equatable, Sendable {
        public var jobID: String
        public var slice: SlurmArraySlice

        public init(jobID: String, slice: SlurmArraySlice) {
            self.jobID = jobID
            self.slice = slice
        }

        enum CodingKeys: String, CodingKey {
            case jobID = "job_id", slice
        }
    }

    public var directory: String
    public var plan: SlurmPlanFile
    public var arrays: [SubmittedArray]

    public init(directory: String, plan: SlurmPlanFile, arrays: [SubmittedArray]) {
        self.directory = directory
        self.plan = plan
        self.arrays = arrays
    }

    public static let planName = "plan.json"
    public static let scriptName = "job.sh"
    public static let arraysName = "arrays.json"

    public var planPath: String { Self.path(directory, Self.planName) }

    /// The array task computing plan entry `index`: job id and task index.
    public func task(ofEntry index: Int) -> SlurmTask? {
        arrays.first { $0.slice.offset <= index && index < $0.slice.offset + $0.slice.count }.map {
            SlurmTask(jobID: $0.jobID, index: index - $0.slice.offset)
        }
    }

    /// Writes `arrays.json` atomically: from then on the submission counts.
    public func writeArrays() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writeAtomically(try encoder.encode(arrays), to: Self.path(directory, Self.arraysName))
    }

    /// Every complete submission under `slurmDirectory` (`results/slurm`), in
    /// submission order; none when the folder does not exist.
    ///
    /// - Throws: ``SlurmError/unreadableFile(path:reason:)`` for a complete submission
    ///   whose plan or arrays do not parse.
    public static func all(in slurmDirectory: String) throws -> [SlurmSubmission] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: slurmDirectory)) ?? []).sorted()
        return try names.compactMap { name in
            let directory = path(slurmDirectory, name)
            let arraysPath = path(directory, arraysName)
            guard let data = FileManager.default.contents(atPath: arraysPath) else { return nil }
            let arrays: [SubmittedArray]
            do {
                arrays = try JSONDecoder().decode([SubmittedArray].self, from: data)
            } catch {
                throw SlurmError.unreadableFile(path: arraysPath, reason: "not a list of submitted arrays (\(error))")
            }
            return SlurmSubmission(directory: directory, plan: try SlurmPlanFile.load(path: path(directory, planName)),
                                   arrays: arrays)
        }
    }

    static func path(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
