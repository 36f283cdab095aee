import Foundation
import Pipeline
import TestSupport
import Testing

@Suite struct ReportWriterTests {
    /// A spec's whole report list: the files written are exactly the paths returned, and
    /// every Markdown file opens with the header naming the runs found and missing.
    @Test func writesExactlyTheReturnedFilesEachMarkdownOpeningWithTheHeader() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let records = ReportAblationTests.records
        let paths = try ReportWriter(
            experiment: "aszh-ratio", description: "ASZH ratios",
            items: [
                .table(rows: "method", columns: "bits", value: "map"),
                .ablation(x: "ratio", series: "bits", value: "map", plot: true),
                .ablation(x: "ratio", series: "dataset", value: "map", plot: true, facet: ["bits"]),
                .compare(by: "ratio", baseline: "1/-1", value: "map"),
            ],
            paper: [], records: records, expectedRuns: 30
        ).write(to: directory.path("results"))
        let relative = paths.map { String($0.dropFirst(directory.path("results").count + 1)) }
        #expect(relative == [
            "tables/aszh-ratio.md", "tables/aszh-ratio.tex", "tables/aszh-ratio.csv",
            "ablations/aszh-ratio.csv", "ablations/aszh-ratio-map-vs-ratio.svg",
            "ablations/aszh-ratio-map-vs-ratio-by-dataset-per-bits.svg",
            "tables/aszh-ratio-compare-ratio.md", "tables/aszh-ratio-compare-ratio.csv",
        ])
        let onDisk = try ["tables", "ablations"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: directory.path("results/\(folder)")).map { "\(folder)/\($0)" }
        }
        #expect(Set(onDisk) == Set(relative))
        for path in paths where path.hasSuffix(".md") {
            let firstLine = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first
            #expect(firstLine == "# aszh-ratio — ASZH ratios — 25 of 30 runs (5 missing)")
        }
    }
}
