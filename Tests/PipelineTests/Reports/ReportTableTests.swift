import Foundation
import Pipeline
import TestSupport
import Testing

/// Tables of 2 methods × 2 bits × 3 seeds whose means and sample standard deviations
/// are worked out by hand:
///
/// | cell      | map over seeds 1, 2, 3 | mean | std (n − 1)                          |
/// |-----------|------------------------|------|--------------------------------------|
/// | aszh, 16  | 0.50, 0.52, 0.54       | 0.52 | √((0.02² + 0 + 0.02²)/2) = 0.0200    |
/// | aszh, 32  | 0.60, 0.61, 0.65       | 0.62 | √((0.02² + 0.01² + 0.03²)/2) = 0.0265 |
/// | itq, 16   | 0.40, 0.44, 0.42       | 0.42 | 0.0200                               |
/// | itq, 32   | 0.70, 0.66, (missing)  | 0.68 | √((0.02² + 0.02²)/1) = 0.0283        |
///
/// Best per column: aszh at 16 bits, itq at 32. The paper reports 0.641 for aszh, 32.
@Suite struct ReportTableTests {
    static let maps: [(method: String, bits: String, seed: String, map: Double)] = [
        ("aszh", "32", "1", 0.60), ("aszh", "32", "2", 0.61), ("aszh", "32", "3", 0.65),
        ("aszh", "16", "1", 0.50), ("aszh", "16", "2", 0.52), ("aszh", "16", "3", 0.54),
        ("itq", "16", "1", 0.40), ("itq", "16", "2", 0.44), ("itq", "16", "3", 0.42),
        ("itq", "32", "1", 0.70), ("itq", "32", "2", 0.66),
    ]

    static var records: [ReportRecord] {
        maps.map {
            ReportRecord(axes: ["method": $0.method, "bits": $0.bits, "seed": $0.seed, "dataset": "mfeat"],
                         metrics: ["map": $0.map, "precision@100": 0.9])
        }
    }

    static func writer(items: [ReportItem], records: [ReportRecord] = records) -> ReportWriter {
        ReportWriter(experiment: "demo", description: "Two methods on mfeat",
                     items: items,
                     paper: [PaperValue(cell: ["method": "aszh", "bits": "32"], metric: "map", value: 0.641)],
                     records: records, expectedRuns: 12)
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func markdownAndCSVMatchTheHandComputedTable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try Self.writer(items: [.table(rows: "method", columns: "bits", value: "map")])
            .write(to: directory.path("results"))
        #expect(paths == ["md", "tex", "csv"].map { directory.path("results/tables/demo.\($0)") })

        #expect(try Self.read(directory.path("results/tables/demo.md")) == """
            # demo — Two methods on mfeat — 11 of 12 runs (1 missing)

            map by method (rows) and bits (columns): mean ± std over seeds (sample standard deviation, n − 1); \
            the best mean of each column is marked (higher is better); n is given where runs are missing; \
            the paper's value is in parentheses where it reports one.

            | method | 16 | 32 |
            | --- | ---: | ---: |
            | aszh | **0.5200 ± 0.0200** | 0.6200 ± 0.0265 (paper 0.6410) |
            | itq | 0.4200 ± 0.0200 | **0.6800 ± 0.0283** (n=2 of 3) |

            """)
        #expect(try Self.read(directory.path("results/tables/demo.csv")) == """
            method,bits=16 mean,bits=16 std,bits=16 n,bits=16 best,bits=16 paper,\
            bits=32 mean,bits=32 std,bits=32 n,bits=32 best,bits=32 paper
            aszh,0.5200,0.0200,3,*,,0.6200,0.0265,3,,0.6410
            itq,0.4200,0.0200,3,,,0.6800,0.0283,2,*,

            """)
        let latex = try Self.read(directory.path("results/tables/demo.tex"))
        #expect(latex.hasPrefix("% demo — Two methods on mfeat — 11 of 12 runs (1 missing)\n"))
        #expect(latex.contains("aszh & \\textbf{0.5200 $\\pm$ 0.0200} & 0.6200 $\\pm$ 0.0265 (paper 0.6410) \\\\"))
        #expect(latex.contains("itq & 0.4200 $\\pm$ 0.0200 & \\textbf{0.6800 $\\pm$ 0.0283} (n=2 of 3) \\\\"))
    }

    @Test func laterTablesAreNamedByValueRowsAndColumns() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try Self.writer(items: [
            .table(rows: "method", columns: "bits", value: "map"),
            .table(rows: "bits", columns: "method", value: "precision@100"),
        ]).write(to: directory.path("results"))
        #expect(paths.map { ($0 as NSString).lastPathComponent } == [
            "demo.md", "demo.tex", "demo.csv",
            "demo-precision@100-bits-by-method.md", "demo-precision@100-bits-by-method.tex",
            "demo-precision@100-bits-by-method.csv",
        ])
    }

    @Test func oneFreeAxisSplitsTheTableIntoSections() throws {
        // aszh runs at two ratios; itq has no ratio and so belongs to both sections.
        let records = Self.records.map { record -> ReportRecord in
            var record = record
            if record.axes["method"] == "aszh" { record.axes["ratio"] = "5/-1" }
            return record
        } + [ReportRecord(axes: ["method": "aszh", "bits": "16", "seed": "1", "ratio": "1/-5"], metrics: ["map": 0.3])]
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try Self.writer(items: [.table(rows: "method", columns: "bits", value: "map")], records: records)
            .write(to: directory.path("results"))
        let markdown = try Self.read(directory.path("results/tables/demo.md"))
        let sections = markdown.components(separatedBy: "## ratio = ")
        #expect(sections.count == 3)
        #expect(sections[1].hasPrefix("1/-5\n"))
        #expect(sections[1].contains("| aszh | 0.3000 (n=1 of 3) | — (paper 0.6410) |"))
        #expect(sections[1].contains("| itq | **0.4200 ± 0.0200** | **0.6800 ± 0.0283** (n=2 of 3) |"))
        #expect(sections[2].hasPrefix("5/-1\n"))
        #expect(sections[2].contains("| aszh | **0.5200 ± 0.0200** | 0.6200 ± 0.0265 (paper 0.6410) |"))
        #expect(markdown.contains("Runs without a ratio appear in every ratio section."))
        let csv = try Self.read(directory.path("results/tables/demo.csv"))
        #expect(csv.hasPrefix("ratio,method,bits=16 mean,"))
        #expect(csv.contains("\n1/-5,aszh,0.3000,,1,,,,,0,,0.6410\n"))
    }

    @Test func twoFreeAxesAreAveragedAndNamed() throws {
        let records = Self.records.enumerated().map { index, record -> ReportRecord in
            var record = record
            record.axes["lambda"] = index % 2 == 0 ? "0.1" : "1"
            record.axes["alpha"] = index % 3 == 0 ? "1" : "2"
            return record
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try Self.writer(items: [.table(rows: "method", columns: "bits", value: "map")], records: records)
            .write(to: directory.path("results"))
        let markdown = try Self.read(directory.path("results/tables/demo.md"))
        #expect(markdown.contains("Cells also average over alpha, lambda, which vary within them."))
        #expect(!markdown.contains("## "))
    }
}
