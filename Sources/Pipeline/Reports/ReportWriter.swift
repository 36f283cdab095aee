/// Writes an experiment's report — the tables, ablations and comparisons its spec asks
/// for — from its finished runs. It reads nothing but its inputs and writes nothing but
/// the files it returns, each atomically, under the results directory:
///
/// - `table`: `tables/<experiment>.md`, `.tex` and `.csv` (see ``ResultTable``); later
///   table items add `-<value>-<rows>-by-<columns>` to the name.
/// - `ablation`: `ablations/<experiment>.csv`, every run in long format (see
///   ``AblationCSV``), and with `plot` `ablations/<experiment>-<value>-vs-<x>.svg` (see
///   ``AblationPlot``; a second plot of the same value against the same x adds
///   `-by-<series>` and `-per-<facet>`).
/// - `compare`: `tables/<experiment>-compare-<by>.md` and `.csv` (see
///   ``PairedComparison``).
/// - `pr`: `ablations/<experiment>-pr-<series>.svg`, with `-per-<facet>` when the item
///   has a facet (see ``PrecisionRecallPlot``), and `ablations/<experiment>-pr.csv`, the
///   averaged curves in long format (see ``PrecisionRecallCSV``; a later pr item's CSV
///   takes its plot's name).
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
        let finals = records.filter { !$0.isRound }
        func runCount(_ records: [ReportRecord]) -> Int {
            Set(records.compactMap(\.runID)).count + records.filter { $0.runID == nil }.count
        }
        let header = ReportHeader(experiment: experiment, description: description, found: runCount(finals),
                                  notApplicable: runCount(finals.filter { $0.notApplicable != nil }),
                                  expected: expectedRuns)
        let base = ReportFiles.component(experiment)
        var tablesWritten = 0
        var ablationWritten = false
        var plotNames = Set<String>()
        var curvesWritten = 0
        for item in items {
            let records = item.reported(records)
            switch item {
            case .table(let rows, let columns, let value):
                let table = ResultTable(rows: rows, columns: columns, value: value, records: records, paper: paper)
                let name = tablesWritten == 0 ? base : ReportFiles.component("\(base)-\(value)-\(rows)-by-\(columns)")
                tablesWritten += 1
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
                    name += ReportFiles.component("-by-\(series)" + (facet.map { "-per-\($0)" } ?? ""))
                }
                plotNames.insert(name)
                let title = "\(experiment): \(value) vs \(x) by \(series)" + (facet.map { ", per \($0)" } ?? "")
                let chart = AblationPlot(title: title, x: x, series: series, value: value, facet: facet, records: records)
                try files.write(chart.svg, to: "ablations/\(name).svg")
            case .precisionRecall(let series, let facet):
                let curves = PrecisionRecallCurves(series: series, facet: facet, records: records)
                let name = ReportFiles.component("\(base)-pr-\(series)" + (facet.map { "-per-\($0)" } ?? ""))
                let csvName = curvesWritten == 0 ? "\(base)-pr" : name
                curvesWritten += 1
                try files.write(PrecisionRecallCSV(curves: curves).text, to: "ablations/\(csvName).csv")
                let title = "\(experiment): precision–recall by \(series)" + (facet.map { ", per \($0)" } ?? "")
                try files.write(PrecisionRecallPlot(title: title, curves: curves).svg, to: "ablations/\(name).svg")
            }
        }
        return files.written
    }
}
