extension ResultTable {
    /// The table as wide CSV: one line per row value (per section, whose values then
    /// lead, one column per section axis), and for every column value c the fields
    /// `<columns>=c mean`, `… std`, `… n` (runs with metrics), `… best` ("*" on the
    /// best mean of the column) and `… paper` (the paper's value, when it reports one).
    /// Empty fields stand for no value (no runs; std with a single run). A table with
    /// runs recorded not applicable has, after `… n`, the field `… n/a`, their number;
    /// and a cell whose runs are all not applicable has `n/a` as mean and std (tables
    /// without such runs keep their columns).
    var csv: String {
        let countsNotApplicable = !notApplicableReasons.isEmpty
        var header = sectionAxes
        header.append(rowsAxis)
        for columnValue in columnValues {
            let name = "\(columnsAxis)=\(columnValue)"
            header += ["\(name) mean", "\(name) std", "\(name) n"]
                + (countsNotApplicable ? ["\(name) \(ReportNumber.notApplicable)"] : [])
                + ["\(name) best", "\(name) paper"]
        }
        var rows = [header]
        for section in sections {
            for (rowValue, cells) in zip(rowValues, section.cells) {
                var row = section.values
                row.append(rowValue)
                for cell in cells {
                    let allNotApplicable = cell.summary.count == 0 && cell.notApplicableCount > 0
                    row += allNotApplicable ? [ReportNumber.notApplicable, ReportNumber.notApplicable]
                        : [ReportNumber.field(cell.summary.mean), ReportNumber.field(cell.summary.standardDeviation)]
                    row.append(String(cell.summary.count))
                    if countsNotApplicable { row.append(String(cell.notApplicableCount)) }
                    row += [cell.isBest ? "*" : "", ReportNumber.field(cell.paper)]
                }
                rows.append(row)
            }
        }
        return CSVText.encode(rows)
    }
}
