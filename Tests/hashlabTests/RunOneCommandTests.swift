import Foundation
import Testing
import TestSupport

/// `hashlab run-one` end to end on the real mfeat dataset that `make test` fetches.
@Suite struct RunOneCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func runOneWritesTheResultAsJSON() throws {
        try #require(FileManager.default.fileExists(atPath: Self.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.path("run.json")
        let arguments = ["run-one", "--root", Self.root, "--dataset", "mfeat", "--protocol", "zero-shot",
                         "--unseen", "8,9", "--method", "lsh", "--bits", "32", "--seed", "1", "--out", out]
        let process = try HashlabProcess(arguments)
        #expect(process.status == 0, "\(process.error)")
        #expect(process.output.contains("lsh on mfeat (zero-shot), 32 bits, seed 1, modality fac"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
                                as? [String: Any])
        let sizes = json["split_sizes"] as? [String: Int]
        #expect(sizes == ["training": 1600, "queries": 100, "database": 1900])
        #expect((json["configuration"] as? [String: Any])?["preprocess"] == nil)
        let map = (json["metrics"] as? [String: Any])?["map"] as? [String: Double]
        let tieAware = try #require(map?["tie_aware"])
        #expect(tieAware > 0.1 && tieAware < 1)
        // Same seed, same numbers (the times differ).
        let second = try HashlabProcess(arguments)
        #expect(second.status == 0)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
                                 as? [String: Any])
        #expect(NSDictionary(dictionary: again["metrics"] as? [String: Any] ?? [:])
                .isEqual(to: json["metrics"] as? [String: Any] ?? [:]))
    }

    /// `--preprocess zscore` runs end to end, is printed with the run and recorded in
    /// its configuration, and changes the codes (LSH projects raw features otherwise).
    @Test func runOneWithZscoreRecordsItsPreprocessing() throws {
        try #require(FileManager.default.fileExists(atPath: Self.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let arguments = ["run-one", "--root", Self.root, "--dataset", "mfeat", "--unseen", "8,9", "--method", "lsh",
                         "--bits", "32", "--seed", "1"]
        var maps: [Double] = []
        for (name, extra) in [("none", []), ("zscore", ["--preprocess", "zscore"])] {
            let out = directory.path("\(name).json")
            let process = try HashlabProcess(arguments + extra + ["--out", out])
            #expect(process.status == 0, "\(process.error)")
            #expect(process.output.contains("lsh on mfeat (zero-shot), 32 bits, seed 1, modality fac, preprocess \(name)\n"))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
                                    as? [String: Any])
            let configuration = try #require(json["configuration"] as? [String: Any])
            #expect(configuration["preprocess"] as? String == (name == "none" ? nil : name))
            let map = (json["metrics"] as? [String: Any])?["map"] as? [String: Double]
            maps.append(try #require(map?["tie_aware"]))
        }
        #expect(maps[1] > 0.1 && maps[1] < 1)
        #expect(maps[0] != maps[1])
    }

    @Test func unknownMethodAndParameterAreClearErrors() throws {
        var process = try HashlabProcess(["run-one", "--root", Self.root, "--dataset", "mfeat", "--unseen", "8,9",
                                          "--method", "lhs", "--bits", "32"])
        #expect(process.status == 1)
        #expect(process.error.contains("unknown method \"lhs\" (did you mean \"lsh\"?)"))
        process = try HashlabProcess(["run-one", "--root", Self.root, "--dataset", "mfaet", "--unseen", "8,9",
                                      "--method", "lsh", "--bits", "32"])
        #expect(process.status == 1)
        #expect(process.error.contains("unknown dataset \"mfaet\" (did you mean \"mfeat\"?)"))
        process = try HashlabProcess(["run-one", "--root", Self.root, "--dataset", "mfeat", "--unseen", "8,9",
                                      "--preprocess", "zscroe", "--method", "lsh", "--bits", "32"])
        #expect(process.status == 1)
        #expect(process.error.contains(
            "--preprocess: must be one of none, center, zscore, l2, not \"zscroe\" (did you mean \"zscore\"?)"))
    }
}
