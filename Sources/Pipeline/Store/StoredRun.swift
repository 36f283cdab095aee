import Foundation

/// A run's file in the store, `results/runs/<id>.json`: the planned run, the dataset
/// hash its id includes, the outcome (`ok` with the result, or `failed` with the
/// error), and the provenance.
public struct StoredRun: Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        case ok, failed
    }

    public var id: String
    public var run: PlannedRun
    public var datasetSHA256: String
    public var status: Status
    public var error: String?
    public var result: RunResult?
    public var provenance: Provenance

    public init(id: String, run: PlannedRun, datasetSHA256: String, status: Status, error: String?,
                result: RunResult?, provenance: Provenance) {
        self.id = id
        self.run = run
        self.datasetSHA256 = datasetSHA256
        self.status = status
        self.error = error
        self.result = result
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case id, run, status, error, result, provenance
        case datasetSHA256 = "dataset_sha256"
    }

    /// Pretty JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
