import Foundation

extension ResultTable {
    /// The table as a LaTeX `table` environment using booktabs rules (`\usepackage{booktabs}`):
    /// best cells in \textbf, sections as \midrule-separated blocks headed by a
    /// \multicolumn row naming their axes' values, the notes in the caption.
    var latex: String {
        let width = columnValues.count + 1
        var lines = [
            "\\begin{table}[t]",
            "\\centering",
            "\\caption{" + Self.escaped(notes.joined(separator: " ")) + "}",
            "\\begin{tabular}{l" + String(repeating: "r", count: columnValues.count) + "}",
            "\\toprule",
            ([rowsAxis] + columnValues).map(Self.escaped).joined(separator: " & ") + " \\\\",
        ]
        for section in sections {
            lines.append("\\midrule")
            if !sectionAxes.isEmpty {
                let heading = AxisCombinations.heading(axes: sectionAxes, values: section.values)
                lines.append("\\multicolumn{\(width)}{l}{\\emph{" + Self.escaped(heading) + "}} \\\\")
            }
            for (rowValue, cells) in zip(rowValues, section.cells) {
                let texts = cells.map { cell in
                    cell.text(plusMinus: "$\\pm$", dash: "---", strong: { "\\textbf{\($0)}" })
                }
                lines.append(([Self.escaped(rowValue)] + texts).joined(separator: " & ") + " \\\\")
            }
        }
        lines += ["\\bottomrule", "\\end{tabular}", "\\end{table}", ""]
        return lines.joined(separator: "\n")
    }

    /// `text` with LaTeX's special characters escaped and Unicode signs spelled out.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": escaped += "\\\(character)"
            case "~": escaped += "\\textasciitilde{}"
            case "^": escaped += "\\textasciicircum{}"
            case "±": escaped += "$\\pm$"
            case "×": escaped += "$\\times$"
            case "→": escaped += "$\\rightarrow$"
            case "−": escaped += "$-$"
            case "—": escaped += "---"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
