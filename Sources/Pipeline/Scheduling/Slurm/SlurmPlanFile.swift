import Datasets
import FileIO
import Foundation

/// The runs of one Slurm submission, in the order of the array tasks that compute them
/// (`results/slurm/<submission>/plan.json`): each run's id, the experiment it comes
/// from, the dataset hash its id includes, and the planned run itself — everything a
/// task needs to compute its run with the same id as the local executor would. Written
/// atomically before anything is submitted, and never changed afterwards.
public struct SlurmPlanFile: Codable, Equatable, Sendable {
    /// One run of the plan.
    public struct Entry: Codable, Equatable, Sendable {
        public var id: String
        public var experiment: String
        public var datasetSHA256: String
        public var run: PlannedRun

        public init(id: String, experiment: String, datasetSHA256: String, run: PlannedRun) {
            self.id = id
            self.experiment = experiment
            self.datasetSHA256 = datasetSHA256
            self.run = run
        }

        /// The scheduled run this entry describes.
        public var scheduled: ScheduledRun { ScheduledRun(id: id, run: run, datasetSHA256: datasetSHA256) }

        enum CodingKeys: String, CodingKey {
            case id, experiment, run
            case datasetSHA256 = "dataset_sha256"
        }
    }

    /// When the plan was made (ISO 8601, UTC).
    public var created: String
    /// Whether tasks recompute runs the store already has (`run --force`).
    public var force: Bool
    public var runs: [Entry]

    public init(created: String, force: Bool, runs: [Entry]) {
        self.created = created
        self.force = force
        self.runs = runs
    }

    /// The plan at `path`.
    ///
    /// - Throws: ``SlurmError/unreadableFile(path:reason:)`` when it is missing or does
    ///   not parse.
    public static func load(path: String) throws -> SlurmPlanFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SlurmError.unreadableFile(path: path, reason: "no such file")
        }
        do {
            return try JSONDecoder().decode(SlurmPlanFile.self, from: data)
        } catch {
            throw SlurmError.unreadableFile(path: path, reason: "not a plan file (\(error))")
        }
    }

    /// The entry a task computes: `offset + index`.
    ///
    /// - Throws: ``SlurmError/indexOutOfRange(path:index:count:)``.
    public func entry(at index: Int, path: String) throws -> Entry {
        guard runs.indices.contains(index) else {
            throw SlurmError.indexOutOfRange(path: path, index: index, count: runs.count)
        }
        return runs[index]
    }

    /// Writes the plan to `path` atomically (pretty JSON, sorted keys).
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try writeAtomically(try encoder.encode(self), to: path)
    }
}
