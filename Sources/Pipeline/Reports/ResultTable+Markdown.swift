extension ResultTable {
    /// The table as Markdown (after the report header): the notes, then per section a
    /// heading naming its axes' values ("## direction = fou→kar, bits = 32") and a pipe
    /// table whose best cells are **bold**.
    var markdown: String {
        var lines = notes.flatMap { [$0, ""] }
        for section in sections {
            if !sectionAxes.isEmpty {
                lines += ["## " + AxisCombinations.heading(axes: sectionAxes, values: section.values), ""]
            }
            let rows = zip(rowValues, section.cells).map { rowValue, cells in
                [rowValue] + cells.map { $0.text(plusMinus: "±", dash: "—", strong: { "**\($0)**" }) }
            }
            lines += [MarkdownTable(header: [rowsAxis] + columnValues, rows: rows).text, ""]
        }
        return lines.joined(separator: "\n")
    }
}
