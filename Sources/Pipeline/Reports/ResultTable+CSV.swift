extension ResultTable {
    /// The table as wide CSV: one line per row value (per section value, which then
    /// leads as its own column), and for every column value c the fields
    /// `<columns>=c mean`, `… std`, `… n`, `… best` ("*" on the best mean of the column)
    /// and `… paper` (the paper's value, when it reports one). Empty fields stand for no
    /// value (no runs; std with a single run).
    var csv: String {
        var header = sectionAxis.map { [$0] } ?? []
        header.append(rowsAxis)
        for columnValue in columnValues {
            let name = "\(columnsAxis)=\(columnValue)"
            header += ["\(name) mean", "\(name) std", "\(name) n", "\(name) best", "\(name) paper"]
        }
        var rows = [header]
        for section in sections {
            for (rowValue, cells) in zip(rowValues, section.cells) {
                var row = section.value.map { [$0] } ?? []
                row.append(rowValue)
                for cell in cells {
                    row += [ReportNumber.field(cell.summary.mean), ReportNumber.field(cell.summary.standardDeviation),
                            String(cell.summary.count), cell.isBest ? "*" : "", ReportNumber.field(cell.paper)]
                }
                rows.append(row)
            }
        }
        return CSVText.encode(rows)
    }
}
