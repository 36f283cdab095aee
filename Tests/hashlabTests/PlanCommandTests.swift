import Foundation
import Testing
import TestSupport

/// `hashlab plan` end to end: the summary of a good spec, exit code 2 and the spec
/// error for a bad one.
@Suite struct PlanCommandTests {
    @Test func planShowsTheRunsAndExitsWithTwoOnSpecErrors() throws {
        try #require(FileManager.default.fileExists(atPath: RunOneCommandTests.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = directory.path("good.yaml")
        try Data("""
            experiment: ratio
            dataset: mfeat
            protocol: {unseen: [8, 9], queries: 100}
            bits: [16, 32, 64]
            seeds: [1, 2]
            methods:
              - method: aszh
                params: {ratio: ["1/-1", "5/-1"]}
            """.utf8).write(to: URL(fileURLWithPath: good))
        let bad = directory.path("bad.yaml")
        try Data("experiment: bad\ndataset: mfeat\nbits: [16]\nseedz: [1]\nmethods: [{method: lsh}]\n".utf8)
            .write(to: URL(fileURLWithPath: bad))

        let process = try HashlabProcess(["plan", good, bad, "--root", RunOneCommandTests.root,
                                          "--results", directory.path("results")])
        #expect(process.status == 2)
        #expect(process.output.hasPrefix("ratio (\(good)): 12 runs, 0 done, 12 to do\n  aszh bits=16 seed=1 ratio=1/-1\n"))
        #expect(process.output.contains("  … and 7 more"))
        #expect(process.error == "hashlab: error: \(bad):4: seedz: unknown key (did you mean \"seeds\"?); known keys: "
                + "experiment, description, dataset, protocol, bits, seeds, modality, modalities, cutoffs, methods, metrics, "
                + "report, paper, extends\n")
    }
}
