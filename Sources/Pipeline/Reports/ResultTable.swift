/// One metric laid out as rows × columns of two axes, each cell summarising that
/// metric over the runs that fall into it: the
/// ``ReportItem/table(rows:columns:value:facet:)`` of a report, before it is printed as
/// Markdown, LaTeX or CSV.
///
/// - A cell holds the runs with the cell's row and column value; its ``Cell/summary``
///   is the mean and sample standard deviation (n − 1) of `value` over them, normally
///   one run per seed.
/// - Row and column values are ordered by ``AxisValueOrder``.
/// - With `facet` axes, the table has one ``Section`` per combination of their values
///   that some run has (``AxisCombinations``: in ``AxisValueOrder``, the facet axes in
///   the order given), and a cell holds only the runs of its section. Runs lacking a
///   facet axis are left out.
/// - An axis other than rows, columns, the facet axes and `seed` that takes two or
///   more values within one cell is *free*. With exactly one free axis the table also
///   has one ``Section`` per value of it, after the facet axes (facets × its values),
///   and runs without that axis (a method without the parameter) appear in every
///   section of their facet. With more, cells average over all of them and
///   ``averagedAxes`` names them.
/// - Runs recorded not applicable (``ReportRecord/notApplicable``) have no metrics. A
///   cell whose runs are all not applicable prints `n/a` (``ReportNumber/notApplicable``);
///   a cell with some is summarised over its other runs, as a cell with missing runs
///   is, and says so: n counts the runs with metrics, beside the number of `n/a` runs.
///   The notes list the reasons.
/// - Other runs that lack the rows or columns axis or the metric are left out.
struct ResultTable {
    /// One cell: the summary of its runs and what is printed beside it.
    struct Cell {
        /// The summary of the runs with metrics.
        var summary: SampleSummary
        /// The number of the cell's runs recorded not applicable.
        var notApplicableCount: Int
        /// Runs a complete cell holds: one per seed of the experiment for every
        /// combination of ``ResultTable/averagedAxes`` seen in the cell's row.
        var expectedCount: Int
        /// The paper's value for this cell, when a ``PaperValue`` matches it.
        var paper: Double?
        /// Whether the mean is the highest of its column (within its section); every
        /// metric reports use is better when higher. Ties are all marked.
        var isBest: Bool
    }

    /// The table for one combination of values of the section axes (or the whole table).
    struct Section {
        /// The values of ``ResultTable/sectionAxes``, in their order; empty when there
        /// are none.
        var values: [String]
        /// Cells by row, then column, in the order of ``ResultTable/rowValues`` and
        /// ``ResultTable/columnValues``.
        var cells: [[Cell]]
    }

    let rowsAxis: String
    let columnsAxis: String
    /// The metric name.
    let value: String
    let rowValues: [String]
    let columnValues: [String]
    /// The axes the table is split over: the facet axes in the order given, then the
    /// one free axis, if there is exactly one.
    let sectionAxes: [String]
    /// Whether some runs lack the free axis among ``sectionAxes`` and so appear in
    /// every section of their facet.
    let hasRunsInEverySection: Bool
    /// The free axes cells average over (empty when there is at most one free axis).
    let averagedAxes: [String]
    let sections: [Section]
    /// The reasons of the table's runs recorded not applicable.
    let notApplicableReasons: NotApplicableReasons

    init(rows: String, columns: String, value: String, facet: [String], records: [ReportRecord],
         paper: [PaperValue]) {
        rowsAxis = rows
        columnsAxis = columns
        self.value = value
        let records = records.filter {
            $0.axes[rows] != nil && $0.axes[columns] != nil && AxisCombinations.values(of: $0, on: facet) != nil
                && ($0.metrics[value] != nil || $0.notApplicable != nil)
        }
        notApplicableReasons = NotApplicableReasons(records.compactMap(\.notApplicable))
        let rowValues = AxisValueOrder.ordered(records.map { $0.axes[rows]! })
        let columnValues = AxisValueOrder.ordered(records.map { $0.axes[columns]! })
        self.rowValues = rowValues
        self.columnValues = columnValues

        let free = Self.freeAxes(of: records, rows: rows, columns: columns, facet: facet)
        let freeSectionAxis = free.count == 1 ? free[0] : nil
        let averagedAxes = free.count > 1 ? free : []
        let sectionAxes = facet + (freeSectionAxis.map { [$0] } ?? [])
        self.sectionAxes = sectionAxes
        self.averagedAxes = averagedAxes
        hasRunsInEverySection = freeSectionAxis.map { axis in records.contains { $0.axes[axis] == nil } } ?? false
        let seedCount = max(1, Set(records.map { $0.axes["seed"] }).count)

        /// The cells of a section holding `runs`, whose section axes have the values in `fixed`.
        func cells(of runs: [ReportRecord], fixed: [String: String]) -> [[Cell]] {
            rowValues.map { rowValue -> [Cell] in
                let inRow = runs.filter { $0.axes[rows] == rowValue }
                let combinations = max(1, Set(inRow.map { record in averagedAxes.map { record.axes[$0] } }).count)
                return columnValues.map { columnValue in
                    let runs = inRow.filter { $0.axes[columns] == columnValue }
                    let measured = runs.filter { $0.notApplicable == nil }
                    var cellAxes = fixed
                    cellAxes[rows] = rowValue
                    cellAxes[columns] = columnValue
                    return Cell(summary: SampleSummary(measured.map { $0.metrics[value]! }),
                                notApplicableCount: runs.count - measured.count,
                                expectedCount: seedCount * combinations,
                                paper: Self.paperValue(paper, metric: value, cell: cellAxes, runs: runs),
                                isBest: false)
                }
            }
        }

        let freeValues: [String?] = freeSectionAxis.map { axis in
            AxisValueOrder.ordered(records.compactMap { $0.axes[axis] }).map(Optional.some)
        } ?? [nil]
        var sections: [Section] = []
        for facetValues in AxisCombinations(axes: facet, records: records).values {
            let inFacet = records.filter { AxisCombinations.values(of: $0, on: facet) == facetValues }
            for freeValue in freeValues {
                let inSection = inFacet.filter { record in
                    guard let axis = freeSectionAxis, let freeValue else { return true }
                    return record.axes[axis] == nil || record.axes[axis] == freeValue
                }
                let values = facetValues + (freeValue.map { [$0] } ?? [])
                let fixed = Dictionary(uniqueKeysWithValues: zip(sectionAxes, values))
                sections.append(Section(values: values, cells: Self.markingBest(cells(of: inSection, fixed: fixed))))
            }
        }
        self.sections = sections
    }

    /// Axes other than rows, columns, the facet axes and seed with two or more values
    /// in some cell (of some facet), sorted by name.
    private static func freeAxes(of records: [ReportRecord], rows: String, columns: String,
                                 facet: [String]) -> [String] {
        let fixed = Set([rows, columns, "seed"] + facet)
        var valuesByCell: [[String]: [String: Set<String>]] = [:]
        for record in records {
            let cell = facet.map { record.axes[$0]! } + [record.axes[rows]!, record.axes[columns]!]
            for (axis, value) in record.axes where !fixed.contains(axis) {
                valuesByCell[cell, default: [:]][axis, default: []].insert(value)
            }
        }
        let free = valuesByCell.values.flatMap { $0.filter { $0.value.count > 1 }.keys }
        return Set(free).sorted()
    }

    /// The first paper value for `metric` whose every axis either is one the cell is
    /// fixed on (row, column, section axes) with the same value, or has that value in
    /// every one of the cell's runs.
    private static func paperValue(_ paper: [PaperValue], metric: String, cell: [String: String],
                                   runs: [ReportRecord]) -> Double? {
        paper.first { entry in
            entry.metric == metric && entry.cell.allSatisfy { axis, value in
                if let fixed = cell[axis] { return fixed == value }
                return !runs.isEmpty && runs.allSatisfy { $0.axes[axis] == value }
            }
        }?.value
    }

    /// `cells` with the highest mean of each column marked.
    private static func markingBest(_ cells: [[Cell]]) -> [[Cell]] {
        var cells = cells
        guard let width = cells.first?.count else { return cells }
        for column in 0..<width {
            let best = cells.compactMap { $0[column].summary.mean }.max()
            for row in cells.indices where best != nil && cells[row][column].summary.mean == best {
                cells[row][column].isBest = true
            }
        }
        return cells
    }
}

extension ResultTable {
    /// Sentences that say what the cells hold and which runs they combine, printed
    /// under the header of the Markdown and LaTeX tables.
    var notes: [String] {
        var notes = [
            "\(value) by \(rowsAxis) (rows) and \(columnsAxis) (columns): mean ± std over seeds "
                + "(sample standard deviation, n − 1); the best mean of each column is marked (higher is better); "
                + "n is given where runs are missing; the paper's value is in parentheses where it reports one.",
        ]
        if !averagedAxes.isEmpty {
            notes.append("Cells also average over \(averagedAxes.joined(separator: ", ")), which vary within them.")
        }
        if hasRunsInEverySection, let axis = sectionAxes.last {
            notes.append("Runs without a \(axis) appear in every \(axis) section.")
        }
        if !notApplicableReasons.isEmpty {
            let name = ReportNumber.notApplicable
            notes.append("\(name): not applicable, the method declines the configuration, so there are no metrics; "
                         + "a cell with some such runs averages the others (n counts them) and gives the number of "
                         + "\(name) runs. Reasons: " + notApplicableReasons.lines.joined(separator: "; ") + ".")
        }
        return notes
    }
}

extension ResultTable.Cell {
    /// The cell as printed: "mean ± std", just the mean when there is one run, `n/a`
    /// when every run is not applicable, `dash` when there is none; `strong` applied to
    /// the best; then "(n=2 of 3, 1 n/a, paper 0.5210)" with whichever of the three
    /// applies (n only for a cell with some but not all runs; the n/a count only for a
    /// cell that also has runs with metrics).
    func text(plusMinus: String, dash: String, strong: (String) -> String) -> String {
        var core = summary.count == 0 && notApplicableCount > 0 ? ReportNumber.notApplicable : dash
        if let mean = summary.mean {
            core = ReportNumber.text(mean)
            if let deviation = summary.standardDeviation { core += " \(plusMinus) " + ReportNumber.text(deviation) }
        }
        if isBest { core = strong(core) }
        var remarks: [String] = []
        if summary.count > 0 && summary.count < expectedCount { remarks.append("n=\(summary.count) of \(expectedCount)") }
        if summary.count > 0 && notApplicableCount > 0 {
            remarks.append("\(notApplicableCount) \(ReportNumber.notApplicable)")
        }
        if let paper { remarks.append("paper " + ReportNumber.text(paper)) }
        return remarks.isEmpty ? core : core + " (" + remarks.joined(separator: ", ") + ")"
    }
}
