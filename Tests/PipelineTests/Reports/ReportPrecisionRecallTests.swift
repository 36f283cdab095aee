import Foundation
import HashCore
import Pipeline
import TestSupport
import Testing

@Suite struct ReportPrecisionRecallTests {
    /// A curve from its precisions and recalls at radius 0, 1, ….
    static func curve(_ precisions: [Double], _ recalls: [Double]) -> [RetrievalMetrics.RadiusPoint] {
        zip(precisions, recalls).enumerated().map {
            RetrievalMetrics.RadiusPoint(radius: $0.offset, precision: $0.element.0, recall: $0.element.1)
        }
    }

    /// LSH at 2 and 3 bits over two seeds, ITQ at each over one, and a run without a
    /// curve, which is left out.
    static let records = [
        ReportRecord(axes: ["method": "lsh", "bits": "2", "seed": "1"], metrics: ["map": 0.5],
                     curve: curve([1.0, 0.6, 0.2], [0.1, 0.5, 1.0])),
        ReportRecord(axes: ["method": "lsh", "bits": "2", "seed": "2"], metrics: ["map": 0.4],
                     curve: curve([0.8, 0.4, 0.2], [0.3, 0.7, 1.0])),
        ReportRecord(axes: ["method": "itq", "bits": "2", "seed": "1"], metrics: ["map": 0.3],
                     curve: curve([0.5, 0.3, 0.2], [0.2, 0.4, 1.0])),
        ReportRecord(axes: ["method": "lsh", "bits": "3", "seed": "1"], metrics: ["map": 0.6],
                     curve: curve([1.0, 0.75, 0.5, 0.25], [0.0, 0.25, 0.5, 1.0])),
        ReportRecord(axes: ["method": "lsh", "bits": "3", "seed": "2"], metrics: ["map": 0.5],
                     curve: curve([0.5, 0.25, 0.25, 0.25], [0.5, 0.75, 1.0, 1.0])),
        ReportRecord(axes: ["method": "itq", "bits": "3", "seed": "1"], metrics: ["map": 0.4],
                     curve: curve([0.6, 0.4, 0.3, 0.2], [0.1, 0.3, 0.6, 1.0])),
        ReportRecord(axes: ["method": "itq", "bits": "3", "seed": "2"], metrics: ["map": 0.4]),
    ]

    /// The hand-computed means per series (lsh, itq) and bits: (precision, recall) by radius.
    static let means: [String: [String: [(precision: Double, recall: Double)]]] = [
        "2": ["lsh": [(0.9, 0.2), (0.5, 0.6), (0.2, 1.0)],
              "itq": [(0.5, 0.2), (0.3, 0.4), (0.2, 1.0)]],
        "3": ["lsh": [(0.75, 0.25), (0.5, 0.5), (0.375, 0.75), (0.25, 1.0)],
              "itq": [(0.6, 0.1), (0.4, 0.3), (0.3, 0.6), (0.2, 1.0)]],
    ]

    static func write(_ items: [ReportItem], to directory: TemporaryDirectory) throws -> [String] {
        try ReportWriter(experiment: "codes", description: "", items: items, paper: [], records: records,
                         expectedRuns: 7).write(to: directory.path("results"))
    }

    @Test func csvHasOnePointPerSeriesFacetAndRadius() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try Self.write([.precisionRecall(series: "method", facet: ["bits"])], to: directory)
        #expect(paths == [directory.path("results/ablations/codes-pr.csv"),
                          directory.path("results/ablations/codes-pr-method-per-bits.svg")])
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == """
            series,facet,radius,precision,recall,n
            lsh,2,0,0.9000,0.2000,2
            lsh,2,1,0.5000,0.6000,2
            lsh,2,2,0.2000,1.0000,2
            lsh,3,0,0.7500,0.2500,2
            lsh,3,1,0.5000,0.5000,2
            lsh,3,2,0.3750,0.7500,2
            lsh,3,3,0.2500,1.0000,2
            itq,2,0,0.5000,0.2000,1
            itq,2,1,0.3000,0.4000,1
            itq,2,2,0.2000,1.0000,1
            itq,3,0,0.6000,0.1000,1
            itq,3,1,0.4000,0.3000,1
            itq,3,2,0.3000,0.6000,1
            itq,3,3,0.2000,1.0000,1

            """)
    }

    @Test func withoutAFacetEachRadiusIsAveragedOverTheRunsThatReachIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try Self.write([.table(rows: "method", columns: "bits", value: "map"),
                                    .precisionRecall(series: "method", facet: ["bits"]),
                                    .precisionRecall(series: "method")], to: directory)
        #expect(Array(paths.suffix(2)) == [directory.path("results/ablations/codes-pr-method.csv"),
                                          directory.path("results/ablations/codes-pr-method.svg")])
        #expect(try String(contentsOfFile: paths[paths.count - 2], encoding: .utf8) == """
            series,facet,radius,precision,recall,n
            lsh,,0,0.8250,0.2250,4
            lsh,,1,0.5000,0.5500,4
            lsh,,2,0.2875,0.8750,4
            lsh,,3,0.2500,1.0000,2
            itq,,0,0.5500,0.1500,2
            itq,,1,0.3500,0.3500,2
            itq,,2,0.2500,0.8000,2
            itq,,3,0.2000,1.0000,1

            """)
        let outline = try SVGOutline(try String(contentsOfFile: paths.last!, encoding: .utf8))
        #expect(outline.count("g", class: "panel") == 1)
        #expect(outline.elements.filter { $0.name == "polyline" }.map { Self.coordinates($0.attributes).count } == [4, 4])
    }

    @Test func plotHasOnePanelPerFacetAndOnePolylinePerSeriesThroughTheMeans() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try Self.write([.precisionRecall(series: "method", facet: ["bits"])], to: directory)
        let outline = try SVGOutline(try String(contentsOfFile: paths[1], encoding: .utf8))
        #expect(outline.elements.first?.name == "svg")
        #expect(outline.texts.contains("codes: precision–recall by method, per bits"))
        #expect(outline.texts.contains("recall"))
        #expect(outline.texts.contains("precision"))
        #expect(outline.texts.contains("bits = 2"))
        #expect(outline.texts.contains("bits = 3"))
        #expect(outline.count("g", class: "panel") == 2)
        #expect(outline.count("g", class: "legend-entry") == 2)
        #expect(outline.texts.filter { ["lsh", "itq"].contains($0) } == ["lsh", "itq"])
        #expect(outline.count("line", class: "grid") == 2 * 12)
        #expect(outline.count("circle") == 14 + 2)

        // Each panel's axis path "M left,top V bottom H right" gives its scales: recall
        // 0…1 from left to right, precision 0…1 from bottom to top.
        var panels: [(left: Double, top: Double, bottom: Double, right: Double)] = []
        var polylines: [[(x: Double, y: Double)]] = []
        for element in outline.elements {
            if element.name == "path", element.attributes["class"] == "axis" {
                let numbers = try #require(element.attributes["d"]).split { "MVH, ".contains($0) }.compactMap { Double($0) }
                try #require(numbers.count == 4)
                panels.append((numbers[0], numbers[1], numbers[2], numbers[3]))
            } else if element.name == "polyline" {
                try #require(panels.count == polylines.count / 2 + 1)
                polylines.append(Self.coordinates(element.attributes))
            }
        }
        #expect(panels.count == 2 && polylines.count == 4)
        // Coordinates have one decimal: within half a tenth, and a hair for binary rounding.
        let tolerance = 0.05 + 1e-9
        for (panelIndex, bits) in ["2", "3"].enumerated() {
            let panel = panels[panelIndex]
            for (seriesIndex, method) in ["lsh", "itq"].enumerated() {
                let points = polylines[panelIndex * 2 + seriesIndex]
                let means = try #require(Self.means[bits]?[method])
                #expect(points.count == Int(bits)! + 1)
                for (point, mean) in zip(points, means) {
                    let x = panel.left + mean.recall * (panel.right - panel.left)
                    let y = panel.bottom - mean.precision * (panel.bottom - panel.top)
                    #expect(abs(point.x - x) <= tolerance && abs(point.y - y) <= tolerance, "\(method) at \(bits) bits")
                }
            }
        }
    }

    /// Faceted by bits and seed, each panel holds the runs of one code length and seed —
    /// lsh's and itq's own curves, except itq at 3 bits and seed 2, which has none — and
    /// the CSV's facet field joins the panel's values.
    @Test func aFacetListGivesOnePanelPerCombination() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try Self.write([.precisionRecall(series: "method", facet: ["bits", "seed"])], to: directory)
        #expect(paths.map { ($0 as NSString).lastPathComponent }
                == ["codes-pr.csv", "codes-pr-method-per-bits-seed.svg"])
        let rows = try CSVText.decode(try String(contentsOfFile: paths[0], encoding: .utf8))
        #expect(rows.filter { $0[0] == "lsh" && $0[2] == "0" }.map { [$0[1], $0[3], $0[5]] } == [
            ["2, 1", "1.0000", "1"], ["2, 2", "0.8000", "1"], ["3, 1", "1.0000", "1"], ["3, 2", "0.5000", "1"],
        ])
        #expect(rows.filter { $0[0] == "itq" }.map { $0[1] }
                == ["2, 1", "2, 1", "2, 1", "3, 1", "3, 1", "3, 1", "3, 1"])
        let outline = try SVGOutline(try String(contentsOfFile: paths[1], encoding: .utf8))
        #expect(outline.texts.contains("codes: precision–recall by method, per bits × seed"))
        #expect(outline.count("g", class: "panel") == 4)
        #expect(outline.texts.filter { $0.hasPrefix("bits = ") }
                == ["bits = 2, seed = 1", "bits = 2, seed = 2", "bits = 3, seed = 1", "bits = 3, seed = 2"])
        #expect(outline.count("polyline") == 4 + 2)
    }

    /// The points of a polyline.
    static func coordinates(_ attributes: [String: String]) -> [(x: Double, y: Double)] {
        (attributes["points"] ?? "").split(separator: " ").map { pair in
            let parts = pair.split(separator: ",").map { Double($0)! }
            return (parts[0], parts[1])
        }
    }
}
