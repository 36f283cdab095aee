extension ResultTable {
    /// The table as Markdown (after the report header): the notes, then per section a
    /// "## axis = value" heading and a pipe table whose best cells are **bold**.
    var markdown: String {
        var lines = notes.flatMap { [$0, ""] }
        for section in sections {
            if let axis = sectionAxis, let value = section.value {
                lines += ["## \(axis) = \(value)", ""]
            }
            let rows = zip(rowValues, section.cells).map { rowValue, cells in
                [rowValue] + cells.map { $0.text(plusMinus: "±", dash: "—", strong: { "**\($0)**" }) }
            }
            lines += [MarkdownTable(header: [rowsAxis] + columnValues, rows: rows).text, ""]
        }
        return lines.joined(separator: "\n")
    }
}
