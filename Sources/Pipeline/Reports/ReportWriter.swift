/// Writes an experiment's report — the tables, ablations and comparisons its spec asks
/// for — from its finished runs. It reads nothing but its inputs and writes nothing but
/// the files it returns, each atomically, under the results directory:
///
/// - `table`: `tables/<experiment>.md`, `.tex` and `.csv` (see ``ResultTable``); later
///   table items add `-<value>-<rows>-by-<columns>` to the name, and a table with a
///   facet whose name an earlier table took adds `-per-<facet1>-<facet2>…` as well.
/// - `ablation`: `ablations/<experiment>.csv`, every run in long format (see
///   ``AblationCSV``), and with `plot` `ablations/<experiment>-<value>-vs-<x>.svg` (see
///   ``AblationPlot``; a second plot of the same value against the same x adds
///   `-by-<series>` and, with a facet, `-per-<facet1>-<facet2>…`).
/// - `compare`: `tables/<experiment>-compare-<by>.md` and `.csv` (see
///   ``PairedComparison``).
/// - `pr`: `ablations/<experiment>-pr-<series>.svg`, with `-per-<facet1>-<facet2>…` when
///   the item has a facet (see ``PrecisionRecallPlot``), and
///   `ablations/<experiment>-pr.csv`, the averaged curves in long format (see
///   ``PrecisionRecallCSV``; a later pr item's CSV takes its plot's name).
///
/// For example, for `experiment: E`:
///
/// ```yaml
/// report:
///   - table: {rows: method, columns: bits, value: map}     # tables/E.md, .tex, .csv
///   - table: {rows: method, columns: round, value: map}    # tables/E-map-method-by-round.*
///   - table: {rows: method, columns: round, value: map, facet: [direction, bits]}
///                                                          # tables/E-map-method-by-round-per-direction-bits.*
///   - ablation: {x: round, series: method, value: map, plot: true, facet: [direction, bits]}
///                                                          # ablations/E.csv, ablations/E-map-vs-round.svg
///   - ablation: {x: round, series: method, value: map, plot: true}
///                                                          # ablations/E-map-vs-round-by-method.svg
/// ```
///
/// Every Markdown file opens with one line naming the experiment, its description and
/// the runs found out of those expected, with the numbers missing and not applicable.
/// An item that names the axis `round` reports every round of online runs; any other
/// reports the final results (``ReportItem/reported(_:)``).
/// Runs recorded not applicable (``ReportRecord/notApplicable``) show as `n/a` in tables
/// and are left out of ablations, comparisons and precision–recall curves.
public struct ReportWriter: Sendable {
    public var experiment: String
    public var description: String
    public var items: [ReportItem]
    public var paper: [PaperValue]
    public var records: [ReportRecord]
    /// The number of runs the spec plans; `records.count` of them were found (with a
    /// result, or not applicable).
    public var expectedRuns: Int

    public init(experiment: String, description: String, items: [ReportItem], paper: [PaperValue],
                records: [ReportRecord], expectedRuns: Int) {
        self.experiment = experiment
        self.description = description
        self.items = items
        self.paper = paper
        self.records = records
        self.expectedRuns = expectedRuns
    }

    /// Writes the report under `resultsDirectory` and returns the paths written, in order.
    public func write(to resultsDirectory: String) throws -> [String] {
        var files = ReportFiles(root: resultsDirectory)
        let counts = ReportRecord.runCounts(records)
        let header = ReportHeader(experiment: experiment, description: description, found: counts.found,
                                  notApplicable: counts.notApplicable, expected: expectedRuns)
        let base = ReportFiles.component(experiment)
        var tableNames = Set<String>()
        var ablationWritten = false
        var plotNames = Set<String>()
        var curvesWritten = 0
        for item in items {
            let records = item.reported(records)
            switch item {
            case .table(let rows, let columns, let value, let facet):
                let table = ResultTable(rows: rows, columns: columns, value: value, facet: facet, records: records,
                                        paper: paper)
                var name = tableNames.isEmpty ? base : ReportFiles.component("\(base)-\(value)-\(rows)-by-\(columns)")
                if tableNames.contains(name) && !facet.isEmpty {
                    name += ReportFiles.component(Self.perFacet(facet))
                }
                tableNames.insert(name)
                try files.write(header.markdown + "\n\n" + table.markdown, to: "tables/\(name).md")
                try files.write(header.latexComment + "\n" + table.latex, to: "tables/\(name).tex")
                try files.write(table.csv, to: "tables/\(name).csv")
            case .compare(let by, let baseline, let value):
                let comparison = PairedComparison(by: by, baseline: baseline, value: value, records: records)
                let name = ReportFiles.component("\(base)-compare-\(by)")
                try files.write(header.markdown + "\n\n" + comparison.markdown, to: "tables/\(name).md")
                try files.write(comparison.csv, to: "tables/\(name).csv")
            case .ablation(let x, let series, let value, let plot, let facet):
                if !ablationWritten {
                    try files.write(AblationCSV(records: records).text, to: "ablations/\(base).csv")
                    ablationWritten = true
                }
                guard plot else { continue }
                var name = ReportFiles.component("\(base)-\(value)-vs-\(x)")
                if plotNames.contains(name) {
                    name += ReportFiles.component("-by-\(series)" + Self.perFacet(facet))
                }
                plotNames.insert(name)
                let title = "\(experiment): \(value) vs \(x) by \(series)" + Self.perFacetTitle(facet)
                let chart = AblationPlot(title: title, x: x, series: series, value: value, facet: facet, records: records)
                try files.write(chart.svg, to: "ablations/\(name).svg")
            case .precisionRecall(let series, let facet):
                let curves = PrecisionRecallCurves(series: series, facet: facet, records: records)
                let name = ReportFiles.component("\(base)-pr-\(series)" + Self.perFacet(facet))
                let csvName = curvesWritten == 0 ? "\(base)-pr" : name
                curvesWritten += 1
                try files.write(PrecisionRecallCSV(curves: curves).text, to: "ablations/\(csvName).csv")
                let title = "\(experiment): precision–recall by \(series)" + Self.perFacetTitle(facet)
                try files.write(PrecisionRecallPlot(title: title, curves: curves).svg, to: "ablations/\(name).svg")
            }
        }
        return files.written
    }
    /// `-per-direction-bits` for the facet `[direction, bits]`; empty without a facet.
    private static func perFacet(_ facet: [String]) -> String {
        facet.isEmpty ? "" : "-per-" + facet.joined(separator: "-")
    }

    /// `, per direction × bits` for the facet `[direction, bits]`; empty without a facet.
    private static func perFacetTitle(_ facet: [String]) -> String {
        facet.isEmpty ? "" : ", per " + facet.joined(separator: " × ")
    }
}
