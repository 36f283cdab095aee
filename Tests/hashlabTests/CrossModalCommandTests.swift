import Foundation
import Testing
import TestSupport

/// Cross-modal and online runs through the CLI: `run-one` with two modalities prints
/// both directions, and `hashlab run` + `report` of an online cross-modal spec writes
/// the final table per direction and the per-round table, with identical metrics under
/// `--jobs 1` and `--jobs 2`.
@Suite(.serialized) struct CrossModalCommandTests {
    static func project() throws -> TemporaryDirectory {
        let root = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root.path("datasets/data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.path("experiments"), withIntermediateDirectories: true)
        try PairedClusterDataset.write(to: root.path("datasets/data/pairs.h5"))
        try """
            experiment: stream
            description: an online cross-modal sweep
            dataset: pairs
            modalities: [a, b]
            protocol: {kind: online, queries: 20, chunk: 50}
            bits: [4, 8]
            seeds: [1, 2]
            methods:
              - method: lemon
              - method: cca-itq
            metrics: [map, train_seconds]
            report:
              - table: {rows: method, columns: bits, value: map}
              - table: {rows: method, columns: round, value: map, facet: [direction, bits]}
              - ablation: {x: round, series: method, value: train_seconds, plot: true, facet: bits}
            """.write(toFile: root.path("experiments/stream.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func runOneEvaluatesBothDirections() throws {
        let root = try Self.project()
        defer { root.remove() }
        let run = try HashlabProcess(["run-one", "--root", root.url.path, "--dataset", "pairs", "--protocol", "cross-modal",
                                      "--queries", "20", "--training", "100", "--modality", "a", "--modality", "b",
                                      "--method", "dlfh", "--bits", "8", "--seed", "1", "--database-codes", "learned"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("a→b:") && run.output.contains("b→a:"), "\(run.output)")
        let single = try HashlabProcess(["run-one", "--root", root.url.path, "--dataset", "pairs", "--protocol",
                                         "cross-modal", "--queries", "20", "--training", "100", "--modality", "a",
                                         "--method", "lemon", "--bits", "8"])
        #expect(single.status == 1)
        #expect(single.error.contains("lemon is cross-modal: it needs two distinct paired modalities"), "\(single.error)")
    }

    @Test func onlineSweepsReportPerDirectionAndRoundAlikeUnderAnyJobs() throws {
        let root = try Self.project()
        defer { root.remove() }
        let spec = root.path("experiments/stream.yaml")
        var tables: [String] = []
        for jobs in ["1", "2"] {
            let results = root.path("results-\(jobs)")
            let run = try HashlabProcess(["run", spec, "--root", root.url.path, "--results", results, "--jobs", jobs])
            #expect(run.status == 0, "\(run.error)")
            let report = try HashlabProcess(["report", spec, "--root", root.url.path, "--results", results])
            #expect(report.status == 0, "\(report.error)")
            #expect(report.output.contains("stream: 8 of 8 runs"), "\(report.output)")
            let final = try String(contentsOfFile: results + "/tables/stream.md", encoding: .utf8)
            #expect(final.contains("## direction = a→b") && final.contains("## direction = b→a"))
            let rounds = try String(contentsOfFile: results + "/tables/stream-map-method-by-round.md", encoding: .utf8)
            #expect(rounds.contains("## direction = a→b, bits = 4") && rounds.contains("| method | 1 | 2 |"),
                    "\(rounds)")
            #expect(FileManager.default.fileExists(atPath: results + "/ablations/stream-train_seconds-vs-round.svg"))
            let plot = try String(contentsOfFile: results + "/ablations/stream-train_seconds-vs-round.svg", encoding: .utf8)
            #expect(!plot.contains("average over"), "a round's seconds are counted once, not once per direction")
            let ablation = try String(contentsOfFile: results + "/ablations/stream.csv", encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = try #require(ablation.first)
            let direction = try #require(header.firstIndex(of: "direction"))
            let seconds = try #require(header.firstIndex(of: "train_seconds"))
            #expect(ablation.count == 1 + 6 * 2 * 2,
                    "6 runs × 2 rounds × 2 directions: cca-itq declines 8 bits of the 6-d modality a")
            for row in ablation.dropFirst() {
                #expect(row[seconds].isEmpty == (row[direction] == "b→a"), "\(row)")
            }
            tables.append(try String(contentsOfFile: results + "/tables/stream.csv", encoding: .utf8)
                          + String(contentsOfFile: results + "/tables/stream-map-method-by-round.csv", encoding: .utf8))
        }
        #expect(tables[0] == tables[1], "the tables do not depend on --jobs")
        let diff = try HashlabProcess(["diff", root.path("results-1/runs"), root.path("results-2/runs"),
                                       "--tolerance", "0"])
        #expect(diff.status == 0, "\(diff.output)\(diff.error)")
    }
}
