import Foundation
import Pipeline
import Testing

/// The ids of runs already in a store stay what they were: planning the committed
/// zero-shot-mfeat spec gives the ids its runs were stored under (results/runs as of
/// commit 94b626e, when it hashed fac alone without preprocessing), so a new
/// configuration key with its default, or a new axis, does not orphan them.
@Suite struct StoredRunIDTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    /// The SHA-256 of datasets/data/mfeat.h5 as `hashlab datasets fetch mfeat` builds it.
    static let mfeatSHA256 = "0f9f6843ff50230474a4a2ac94c6b7f84190e60bc8b52fc0ab676aedb7d77ecc"

    /// The axes of a stored run at 16 bits and seed 1: the view and the preprocessing it
    /// had before both were swept.
    static func storedAxes(method: String) -> [String: String] {
        ["method": method, "bits": "16", "seed": "1", "modality": "fac", "preprocess": "none"]
    }

    @Test func theZeroShotMFeatRunsKeepTheirStoredIDs() throws {
        try #require(FileManager.default.fileExists(atPath: Self.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let runs = try ExperimentSpec.load(path: Self.root + "/experiments/zero-shot-mfeat.yaml")
            .plannedRuns(root: Self.root)
        let stored = [
            (method: "lsh", id: "ba0717f35c06c7a3706119668a98eae8214d6d7b394e21efcf0ee62c0401c3a4"),
            (method: "itq", id: "afaeb499bd9e01d8b029c13c93d2fbc39ec5fc2ef52eaea36415ba8034b6fcc5"),
        ]
        for (method, id) in stored {
            let run = try #require(runs.first { $0.axes == Self.storedAxes(method: method) })
            #expect(RunID.make(configuration: run.configuration, cutoffs: run.cutoffs, datasetSHA256: Self.mfeatSHA256)
                    == id)
        }
    }

    /// A configuration as stored before preprocessing existed reads back equal to the
    /// planned one, so the store counts the run as done.
    @Test func aStoredConfigurationReadsBackAsPlanned() throws {
        try #require(FileManager.default.fileExists(atPath: Self.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let runs = try ExperimentSpec.load(path: Self.root + "/experiments/zero-shot-mfeat.yaml")
            .plannedRuns(root: Self.root)
        let lsh = try #require(runs.first { $0.axes == Self.storedAxes(method: "lsh") })
        let stored = """
            {"bits": 16, "dataset": "mfeat", "method": "lsh", "modality": "fac", "parameters": {},
             "protocol": {"database": "rest", "kind": "zero-shot", "queries": 200, "unseen": {"classes": ["8", "9"]}},
             "seed": 1}
            """
        #expect(try JSONDecoder().decode(RunConfiguration.self, from: Data(stored.utf8)) == lsh.configuration)
    }
}
