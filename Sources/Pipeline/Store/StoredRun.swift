import Foundation

/// A run's file in the store, `results/runs/<id>.json`: the planned run, the dataset
/// hash its id includes, the outcome (`ok` with the result, `failed` with the error,
/// or `not_applicable` with the reason and no result), and the provenance.
public struct StoredRun: Codable, Sendable {
    /// How the run ended.
    public enum Status: String, Codable, Sendable {
        /// Trained, encoded and evaluated: ``StoredRun/result`` holds the metrics.
        case ok
        /// Something went wrong (``StoredRun/error``); the run is redone by the next `run`.
        case failed
        /// The method declines the configuration by its definition (e.g. ITQ asked for
        /// more bits than the features have dimensions; see
        /// ``SingleRun/notApplicableReason(of:)``), and ``StoredRun/reason`` says why.
        /// Like `ok`, it is final: the run is done, not retried, and has no metrics.
        case notApplicable = "not_applicable"
    }

    public var id: String
    public var run: PlannedRun
    public var datasetSHA256: String
    public var status: Status
    /// Why the run failed (`failed` only).
    public var error: String?
    /// Why the method declines the configuration (`not_applicable` only), e.g.
    /// `itq: 64 bits need at least 64 feature dimensions, the features have 47`.
    public var reason: String?
    /// The metrics and the rest of the run's result (`ok` only).
    public var result: RunResult?
    public var provenance: Provenance

    public init(id: String, run: PlannedRun, datasetSHA256: String, status: Status, error: String?,
                reason: String? = nil, result: RunResult?, provenance: Provenance) {
        self.id = id
        self.run = run
        self.datasetSHA256 = datasetSHA256
        self.status = status
        self.error = error
        self.reason = reason
        self.result = result
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case id, run, status, error, reason, result, provenance
        case datasetSHA256 = "dataset_sha256"
    }

    /// Pretty JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
