import Foundation
import Pipeline
import TestSupport
import Testing

/// Reports of runs recorded not applicable: ``ReportTableTests``' runs plus a 64-bit
/// column where aszh scored 0.70, 0.72, 0.74 (mean 0.7200, std 0.0200) and every itq
/// run is not applicable; and a table whose cells average over bits and preprocessing,
/// where itq's zer cell mixes measured and not applicable runs.
@Suite struct ReportNotApplicableTests {
    static let reason = "itq: 64 bits need at least 64 feature dimensions, the features have 47"

    static var records: [ReportRecord] {
        ReportTableTests.records
            + [("1", 0.70), ("2", 0.72), ("3", 0.74)].map { seed, map in
                ReportRecord(axes: ["method": "aszh", "bits": "64", "seed": seed, "dataset": "mfeat"],
                             metrics: ["map": map, "precision@100": 0.9])
            }
            + ["1", "2", "3"].map { seed in
                ReportRecord(axes: ["method": "itq", "bits": "64", "seed": seed, "dataset": "mfeat"], metrics: [:],
                             notApplicable: reason)
            }
    }

    static func writer(items: [ReportItem], records: [ReportRecord] = records) -> ReportWriter {
        ReportWriter(experiment: "demo", description: "Two methods on mfeat", items: items,
                     paper: [PaperValue(cell: ["method": "aszh", "bits": "32"], metric: "map", value: 0.641)],
                     records: records, expectedRuns: 18)
    }

    /// The itq 64-bit cell is `n/a` in every format; the CSV gains an `n/a` count per
    /// column; the header and the notes count the runs and give the reason.
    @Test func aCellOfNotApplicableRunsPrintsNA() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try Self.writer(items: [.table(rows: "method", columns: "bits", value: "map")]).write(to: directory.path("r"))
        let markdown = try ReportTableTests.read(directory.path("r/tables/demo.md"))
        #expect(markdown.hasPrefix("# demo — Two methods on mfeat — 17 of 18 runs (1 missing, 3 not applicable)\n"))
        #expect(markdown.contains("n/a: not applicable, the method declines the configuration, so there are no "
                                  + "metrics; a cell with some such runs averages the others (n counts them) and "
                                  + "gives the number of n/a runs. Reasons: 3 × \(Self.reason)."), "\(markdown)")
        #expect(markdown.contains("""
            | method | 16 | 32 | 64 |
            | --- | ---: | ---: | ---: |
            | aszh | **0.5200 ± 0.0200** | 0.6200 ± 0.0265 (paper 0.6410) | **0.7200 ± 0.0200** |
            | itq | 0.4200 ± 0.0200 | **0.6800 ± 0.0283** (n=2 of 3) | n/a |
            """), "\(markdown)")
        #expect(try ReportTableTests.read(directory.path("r/tables/demo.csv")) == """
            method,bits=16 mean,bits=16 std,bits=16 n,bits=16 n/a,bits=16 best,bits=16 paper,\
            bits=32 mean,bits=32 std,bits=32 n,bits=32 n/a,bits=32 best,bits=32 paper,\
            bits=64 mean,bits=64 std,bits=64 n,bits=64 n/a,bits=64 best,bits=64 paper
            aszh,0.5200,0.0200,3,0,*,,0.6200,0.0265,3,0,,0.6410,0.7200,0.0200,3,0,*,
            itq,0.4200,0.0200,3,0,,,0.6800,0.0283,2,0,*,,n/a,n/a,0,3,,

            """)
        let latex = try ReportTableTests.read(directory.path("r/tables/demo.tex"))
        #expect(latex.contains("itq & 0.4200 $\\pm$ 0.0200 & \\textbf{0.6800 $\\pm$ 0.0283} (n=2 of 3) & n/a \\\\"))
    }

    /// itq on zer: 0.40 (16 bits, none) and 0.44 (16 bits, zscore), not applicable at
    /// 64 bits: the cell is their mean 0.4200, std √((0.02² + 0.02²)/1) = 0.0283, and
    /// says that 2 of its 4 runs are n/a; itq on fou (0.50, 0.52, 0.60, 0.62) is
    /// 0.5600 ± √((0.06² + 0.04² + 0.04² + 0.06²)/3) = 0.0589.
    @Test func aCellMixingNotApplicableRunsSaysSo() throws {
        let maps: [(modality: String, bits: String, preprocess: String, map: Double?)] = [
            ("zer", "16", "none", 0.40), ("zer", "16", "zscore", 0.44), ("zer", "64", "none", nil), ("zer", "64", "zscore", nil),
            ("fou", "16", "none", 0.50), ("fou", "16", "zscore", 0.52), ("fou", "64", "none", 0.60), ("fou", "64", "zscore", 0.62),
        ]
        let records = maps.map { run in
            ReportRecord(axes: ["method": "itq", "modality": run.modality, "bits": run.bits, "seed": "1",
                                "preprocess": run.preprocess],
                         metrics: run.map.map { ["map": $0] } ?? [:], notApplicable: run.map == nil ? Self.reason : nil)
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try Self.writer(items: [.table(rows: "method", columns: "modality", value: "map")], records: records)
            .write(to: directory.path("r"))
        let markdown = try ReportTableTests.read(directory.path("r/tables/demo.md"))
        #expect(markdown.contains("Cells also average over bits, preprocess, which vary within them."))
        #expect(markdown.contains("| itq | **0.4200 ± 0.0283** (n=2 of 4, 2 n/a) | **0.5600 ± 0.0589** |"),
                "\(markdown)")
        let csv = try ReportTableTests.read(directory.path("r/tables/demo.csv"))
        #expect(csv.hasPrefix("method,modality=zer mean,modality=zer std,modality=zer n,modality=zer n/a,"))
        #expect(csv.contains("\nitq,0.4200,0.0283,2,2,*,,0.5600,0.0589,4,0,*,\n"), "\(csv)")
    }

    /// The ablation CSV and plot hold the 14 runs with metrics and nothing of the 3 not
    /// applicable ones.
    @Test func ablationsLeaveNotApplicableRunsOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try Self.writer(items: [.ablation(x: "bits", series: "method", value: "map", plot: true)])
            .write(to: directory.path("r"))
        let lines = try ReportTableTests.read(directory.path("r/ablations/demo.csv")).split(separator: "\n")
        #expect(lines.count == 1 + 14)
        #expect(!lines.contains { $0.hasPrefix("64,") && $0.contains(",itq,") })
        #expect(!lines.contains { $0.contains("n/a") })
        // One marker per series and x with runs: aszh at 16, 32, 64 bits and itq at 16, 32.
        let svg = try ReportTableTests.read(directory.path("r/ablations/demo-map-vs-bits.svg"))
        #expect(svg.components(separatedBy: "r=\"3.5\"/>").count - 1 == 5)
    }

    /// `hashlab diff`'s comparison: n/a against n/a did not move; n/a against a number
    /// moved, however large the tolerance.
    @Test func diffTreatsNAAsEqualToNAAndDifferentFromANumber() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let item = ReportItem.table(rows: "method", columns: "bits", value: "map")
        _ = try Self.writer(items: [item]).write(to: directory.path("old"))
        _ = try Self.writer(items: [item]).write(to: directory.path("same"))
        #expect(try TableDiff(tolerance: 0.002).compare(old: directory.path("old/tables"),
                                                          new: directory.path("same/tables")).isEmpty)

        let measured = Self.records.map { record -> ReportRecord in
            guard record.notApplicable != nil, let seed = record.axes["seed"].flatMap(Double.init) else { return record }
            return ReportRecord(axes: record.axes, metrics: ["map": 0.29 + seed / 100])
        }
        _ = try Self.writer(items: [item], records: measured).write(to: directory.path("new"))
        // Without not applicable runs the new table has no `n/a` count columns: they vanish.
        func vanished(_ row: String, _ bits: String, _ count: String) -> TableDiff.Change {
            TableDiff.Change(table: "demo.csv", row: "method=\(row)", column: "bits=\(bits) n/a", old: count, new: nil)
        }
        let expected = [
            vanished("aszh", "16", "0"), vanished("aszh", "32", "0"), vanished("aszh", "64", "0"),
            vanished("itq", "16", "0"), vanished("itq", "32", "0"),
            TableDiff.Change(table: "demo.csv", row: "method=itq", column: "bits=64 mean", old: "n/a", new: "0.3100"),
            TableDiff.Change(table: "demo.csv", row: "method=itq", column: "bits=64 std", old: "n/a", new: "0.0100"),
            TableDiff.Change(table: "demo.csv", row: "method=itq", column: "bits=64 n", old: "0", new: "3"),
            vanished("itq", "64", "3"),
        ]
        for tolerance in [0.002, 1.0] {
            let report = try TableDiff(tolerance: tolerance).compare(old: directory.path("old/tables"),
                                                                     new: directory.path("new/tables"))
            #expect(report.changes == expected)
        }
        #expect(expected[5].description == "demo.csv: method=itq, bits=64 mean: n/a → 0.3100")
    }
}
