import Foundation
import Pipeline
import TestSupport
import Testing

/// Tables and plots faceted by several axes, over ``CrossModalOnlineRecords``, whose
/// every cell is known in closed form: over the two seeds, the mean of a cell is its
/// `center` and the sample standard deviation √2 · `spread`.
@Suite struct ReportFacetTests {
    typealias Records = CrossModalOnlineRecords

    static let perRound = ReportItem.table(rows: "method", columns: "round", value: "map", facet: ["direction", "bits"])

    /// The files `items` write over `records`, by path relative to the results folder.
    static func write(_ items: [ReportItem], records: [ReportRecord] = Records.records) throws -> [String: String] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let results = directory.path("results")
        let paths = try ReportWriter(experiment: "online", description: "", items: items, paper: [], records: records,
                                     expectedRuns: 8).write(to: results)
        return try Dictionary(uniqueKeysWithValues: paths.map { path in
            (String(path.dropFirst(results.count + 1)), try String(contentsOfFile: path, encoding: .utf8))
        })
    }

    /// A cell as the tables print it: "mean ± std", bold when best.
    static func cellText(method: String, bits: String, direction: String, round: Int) -> String {
        let mean = Records.center(method: method, bits: bits, direction: direction, round: round)
        let text = String(format: "%.4f ± %.4f", mean, 2.0.squareRoot() * Records.spread(round: round))
        return method == "itq" ? "**\(text)**" : text
    }

    /// One section per direction × bits, in the order given and each axis's order; in
    /// each, one row per method whose cells are the hand-computed mean ± std per round,
    /// itq (0.10 above lsh everywhere) marked best.
    @Test func markdownHasOneSectionPerCombinationOfTheFacetAxes() throws {
        let markdown = try #require(try Self.write([Self.perRound])["tables/online.md"])
        var expected = ["map by method (rows) and round (columns)"]
        for direction in Records.directions {
            for bits in Records.bits {
                expected.append("## direction = \(direction), bits = \(bits)")
                expected.append("| method | 1 | 2 | 3 |")
                for method in Records.methods {
                    let cells = Records.rounds.map { Self.cellText(method: method, bits: bits, direction: direction,
                                                                    round: $0) }
                    expected.append("| \(method) | " + cells.joined(separator: " | ") + " |")
                }
            }
        }
        let lines = markdown.split(separator: "\n").map(String.init)
        var next = 0
        for line in expected {
            let index = lines[next...].firstIndex { $0.hasPrefix(line) }
            #expect(index != nil, "\(line) after line \(next)")
            next = (index ?? next) + 1
        }
        #expect(lines.filter { $0.hasPrefix("## ") }.count == 4)
        #expect(!markdown.contains("also average"))
        #expect(markdown.contains("## direction = fou→kar, bits = 16\n\n"
                                  + "| method | 1 | 2 | 3 |\n| --- | ---: | ---: | ---: |\n"
                                  + "| lsh | 0.3200 ± 0.0141 | 0.3400 ± 0.0283 | 0.3600 ± 0.0424 |\n"
                                  + "| itq | **0.4200 ± 0.0141** | **0.4400 ± 0.0283** | **0.4600 ± 0.0424** |\n"))
    }

    /// Sections follow the facet axes in the order given, each axis's values in
    /// ``AxisValueOrder``: bits numerically, directions as first seen (here kar→fou, the
    /// records being reversed).
    @Test func sectionsFollowTheFacetAxesInTheOrderGiven() throws {
        let item = ReportItem.table(rows: "method", columns: "round", value: "map", facet: ["bits", "direction"])
        let markdown = try #require(try Self.write([item], records: Records.records.reversed())["tables/online.md"])
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("## ") } == [
            "## bits = 16, direction = kar→fou", "## bits = 16, direction = fou→kar",
            "## bits = 32, direction = kar→fou", "## bits = 32, direction = fou→kar",
        ])
    }

    /// The CSV leads with one column per section axis, then the row axis; every field
    /// is the hand computation.
    @Test func csvLeadsWithOneColumnPerFacetAxis() throws {
        let csv = try #require(try Self.write([Self.perRound])["tables/online.csv"])
        let rows = try CSVText.decode(csv)
        #expect(rows[0].prefix(4) == ["direction", "bits", "method", "round=1 mean"])
        #expect(rows.count == 1 + 2 * 2 * 2)
        var line = 1
        for direction in Records.directions {
            for bits in Records.bits {
                for method in Records.methods {
                    var expected = [direction, bits, method]
                    for round in Records.rounds {
                        let mean = Records.center(method: method, bits: bits, direction: direction, round: round)
                        expected += [String(format: "%.4f", mean),
                                     String(format: "%.4f", 2.0.squareRoot() * Records.spread(round: round)),
                                     "2", method == "itq" ? "*" : "", ""]
                    }
                    #expect(rows[line] == expected)
                    line += 1
                }
            }
        }
    }

    /// A facet of direction alone leaves bits the one free axis, which splits the
    /// sections further: the same table as the facet [direction, bits]. The LaTeX
    /// headings name both axes.
    @Test func oneFreeAxisBeyondTheFacetSplitsEachFacetSection() throws {
        let both = try Self.write([Self.perRound])
        let direction = try Self.write([.table(rows: "method", columns: "round", value: "map", facet: ["direction"])])
        #expect(direction["tables/online.md"] == both["tables/online.md"])
        #expect(direction["tables/online.csv"] == both["tables/online.csv"])
        let latex = try #require(both["tables/online.tex"])
        #expect(latex.contains("\\multicolumn{4}{l}{\\emph{direction = fou$\\rightarrow$kar, bits = 32}} \\\\\n"
                               + "lsh & 0.4200 $\\pm$ 0.0141 & 0.4400 $\\pm$ 0.0283 & 0.4600 $\\pm$ 0.0424 \\\\"))
    }

    /// Faceted by bits alone, with a second free axis (each run recorded at chunk 1000
    /// and 2000 with the same scores), cells average over chunk and direction — each
    /// mean the mean of the two directions' centers — and the note says so.
    @Test func moreFreeAxesBeyondTheFacetAreAveragedAndNamed() throws {
        let records = Records.records.flatMap { record in
            ["1000", "2000"].map { chunk in
                var record = record
                record.axes["chunk"] = chunk
                return record
            }
        }
        let item = ReportItem.table(rows: "method", columns: "round", value: "map", facet: ["bits"])
        let markdown = try #require(try Self.write([item], records: records)["tables/online.md"])
        #expect(markdown.contains("Cells also average over chunk, direction, which vary within them."))
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("## ") } == ["## bits = 16", "## bits = 32"])
        let means = Records.rounds.map { round in
            Records.directions.map {
                Records.center(method: "itq", bits: "32", direction: $0, round: round)
            }.reduce(0, +) / 2
        }
        let section = try #require(markdown.components(separatedBy: "## bits = 32").last)
        #expect(section.contains("| itq | " + means.map { String(format: "**%.4f ± ", $0) }.first!))
        let csv = try CSVText.decode(try #require(try Self.write([item], records: records)["tables/online.csv"]))
        #expect(csv[0].prefix(2) == ["bits", "method"])
        #expect(csv.last?.prefix(3) == ["32", "itq", String(format: "%.4f", means[0])])
    }

    /// The faceted CSV written twice, the second time with itq's 32-bit kar→fou seed 2
    /// at round 2 scoring 0.04 more (0.61 → 0.65): TableDiff keys rows by direction, bits
    /// and method and reports that cell's mean (0.5900 → 0.6100) and std (0.0283 →
    /// |0.65 − 0.57| / √2 = 0.0566), nothing else.
    @Test func tableDiffMatchesFacetedRowsAndReportsTheMovedCell() throws {
        let old = try #require(try Self.write([Self.perRound])["tables/online.csv"])
        let records = Records.records.map { record -> ReportRecord in
            var record = record
            if record.axes == ["method": "itq", "bits": "32", "seed": "2", "direction": "kar→fou", "round": "2"] {
                record.metrics["map"]! += 0.04
            }
            return record
        }
        let new = try #require(try Self.write([Self.perRound], records: records)["tables/online.csv"])
        let changes = try TableDiff(tolerance: 0.005).changes(table: "online.csv", old: old, new: new)
        let row = "direction=kar→fou, bits=32, method=itq"
        #expect(changes == [
            TableDiff.Change(table: "online.csv", row: row, column: "round=2 mean", old: "0.5900", new: "0.6100"),
            TableDiff.Change(table: "online.csv", row: row, column: "round=2 std", old: "0.0283", new: "0.0566"),
        ])
        #expect(try TableDiff().changes(table: "online.csv", old: old, new: old).isEmpty)
    }

    /// An item that names `round` only in its facet reports the round records; one that
    /// names it nowhere, the final ones.
    @Test func anItemNamingRoundInItsFacetReportsTheRounds() throws {
        let byRound = ReportItem.table(rows: "method", columns: "bits", value: "map", facet: ["direction", "round"])
        #expect(byRound.axes == ["method", "bits", "direction", "round"])
        #expect(byRound.reported(Records.records).count == 2 * 2 * 2 * 2 * 3)
        #expect(byRound.reported(Records.records).allSatisfy { $0.isRound })
        let plot = ReportItem.ablation(x: "bits", series: "method", value: "map", plot: true, facet: ["round"])
        #expect(plot.reported(Records.records).allSatisfy { $0.isRound })
        let final = ReportItem.table(rows: "method", columns: "bits", value: "map", facet: ["direction"])
        #expect(final.reported(Records.records).count == 2 * 2 * 2 * 2)
        #expect(!final.reported(Records.records).contains { $0.isRound })

        let markdown = try #require(try Self.write([byRound])["tables/online.md"])
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings.first == "## direction = fou→kar, round = 1")
        #expect(headings.count == 6)
    }

    /// The per-round report of an online cross-modal sweep: the final table per
    /// direction, the per-round table without and with a facet (the latter named apart),
    /// per-round plots of map and training seconds faceted by direction and bits.
    @Test func theWriterNamesFacetedItemsApart() throws {
        let files = try Self.write([
            .table(rows: "method", columns: "bits", value: "map"),
            .table(rows: "method", columns: "round", value: "map"),
            Self.perRound,
            .table(rows: "method", columns: "round", value: "map", facet: ["direction"]),
            .ablation(x: "round", series: "method", value: "map", plot: true, facet: ["direction", "bits"]),
            .ablation(x: "round", series: "method", value: "train_seconds", plot: true, facet: ["direction", "bits"]),
            .ablation(x: "round", series: "method", value: "map", plot: true, facet: ["direction"]),
        ])
        #expect(Set(files.keys) == Set(["md", "tex", "csv"].flatMap { format in
            ["online", "online-map-method-by-round", "online-map-method-by-round-per-direction-bits",
             "online-map-method-by-round-per-direction"].map { "tables/\($0).\(format)" }
        } + ["ablations/online.csv", "ablations/online-map-vs-round.svg", "ablations/online-train_seconds-vs-round.svg",
             "ablations/online-map-vs-round-by-method-per-direction.svg"]))
        #expect(files["tables/online.md"]!.contains("## direction = kar→fou\n"))
        #expect(files["tables/online-map-method-by-round.md"]!.contains("Cells also average over bits, direction"))
        #expect(files["tables/online-map-method-by-round-per-direction-bits.md"]!
            .contains("## direction = kar→fou, bits = 32\n"))
        let title = try SVGOutline(files["ablations/online-train_seconds-vs-round.svg"]!).texts.first
        #expect(title == "online: train_seconds vs round by method, per direction × bits")
    }

    /// One panel per direction × bits, headed with both values, two lines each, in two
    /// rows of two (the headings are too wide for four side by side); nothing else
    /// varies within a point, so there is no subtitle.
    @Test func plotHasOnePanelPerCombinationOfTheFacetAxes() throws {
        let files = try Self.write([
            .ablation(x: "round", series: "method", value: "map", plot: true, facet: ["direction", "bits"]),
        ])
        let svg = try #require(files["ablations/online-map-vs-round.svg"])
        let outline = try SVGOutline(svg)
        #expect(outline.count("g", class: "panel") == 4)
        #expect(outline.count("polyline") == 8)
        #expect(outline.count("path", class: "error-bar") == 8 * 3)
        #expect(outline.texts.filter { $0.hasPrefix("direction = ") } == [
            "direction = fou→kar, bits = 16", "direction = fou→kar, bits = 32",
            "direction = kar→fou, bits = 16", "direction = kar→fou, bits = 32",
        ])
        #expect(outline.count("text", class: "subtitle") == 0)
        let headingRows = Set(svg.split(separator: "\n").filter { $0.contains(">direction = ") }.map { line in
            line.components(separatedBy: " y=\"")[1].prefix { $0 != "\"" }
        })
        #expect(headingRows == ["55.0", "360.0"])
        #expect(outline.elements.first?.attributes["height"] == "675")
    }

    /// Faceted by direction alone, each point averages over bits as well as seeds: the
    /// subtitle says so, and the plot moves down to make room for it.
    @Test func plotSubtitleNamesTheAxesPointsAverageOver() throws {
        let files = try Self.write([
            .ablation(x: "round", series: "method", value: "map", plot: true, facet: ["direction"]),
        ])
        let outline = try SVGOutline(try #require(files["ablations/online-map-vs-round.svg"]))
        #expect(outline.count("g", class: "panel") == 2)
        #expect(outline.count("text", class: "subtitle") == 1)
        #expect(outline.texts.contains("Points also average over bits, which vary within them."))
        #expect(outline.elements.first?.attributes["height"] == "518")
    }
}
