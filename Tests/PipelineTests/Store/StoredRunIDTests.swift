import Foundation
import Pipeline
import Testing

/// The ids of runs already in a store stay what they were unless their method's
/// implementation changed: planning the committed zero-shot-mfeat spec gives the ids
/// its runs were stored under (results/runs as of commit 94b626e, when it hashed fac
/// alone without preprocessing) for methods still at revision 1, so a new configuration
/// key with its default, or a new axis, does not orphan them; a method at a later
/// revision (ITQ, now trained in Double) gets a new id, so its old runs are not reused.
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
            (method: "lsh", id: "ba0717f35c06c7a3706119668a98eae8214d6d7b394e21efcf0ee62c0401c3a4", kept: true),
            (method: "bolsh", id: "b3fe46e1ae17dfadfc3a35f1b70854744d63ee9a0b39248e801e313e7913d8f3", kept: true),
            (method: "itq", id: "afaeb499bd9e01d8b029c13c93d2fbc39ec5fc2ef52eaea36415ba8034b6fcc5", kept: false),
        ]
        for (method, id, kept) in stored {
            let run = try #require(runs.first { $0.axes == Self.storedAxes(method: method) })
            let planned = RunID.make(configuration: run.configuration, cutoffs: run.cutoffs,
                                     datasetSHA256: Self.mfeatSHA256)
            #expect((planned == id) == kept, "\(method): planned \(planned), stored \(id)")
        }
    }

    /// The revision is in the configuration only from 2 on, and changes nothing else.
    @Test func aRevisedMethodDiffersOnlyByItsRevision() throws {
        try #require(FileManager.default.fileExists(atPath: Self.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let runs = try ExperimentSpec.load(path: Self.root + "/experiments/zero-shot-mfeat.yaml")
            .plannedRuns(root: Self.root)
        let itq = try #require(runs.first { $0.axes == Self.storedAxes(method: "itq") }).configuration
        #expect(itq.methodRevision == 2)
        let json = try #require(String(data: try JSONEncoder().encode(itq), encoding: .utf8))
        #expect(json.contains("\"revision\":2"))
        var first = itq
        first.methodRevision = 1
        let firstJSON = try JSONEncoder().encode(first)
        #expect(try JSONDecoder().decode(RunConfiguration.self, from: firstJSON) == first)
        #expect(!String(decoding: firstJSON, as: UTF8.self).contains("revision"))
        #expect(RunID.make(configuration: first, cutoffs: [100, 1000], datasetSHA256: Self.mfeatSHA256)
                == "afaeb499bd9e01d8b029c13c93d2fbc39ec5fc2ef52eaea36415ba8034b6fcc5")
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
