import Foundation

/// A Markdown pipe table: a header row, a rule aligning the first column left and the
/// others right, and the body rows. Pipes inside cells are escaped.
struct MarkdownTable {
    var header: [String]
    var rows: [[String]]

    /// The table's lines, without a trailing line break.
    var text: String {
        var lines = [Self.line(header)]
        lines.append("| --- |" + String(repeating: " ---: |", count: max(0, header.count - 1)))
        lines += rows.map(Self.line)
        return lines.joined(separator: "\n")
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}
