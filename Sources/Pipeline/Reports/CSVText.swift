import Foundation

/// Comma-separated values as reports write and read them (RFC 4180): fields holding a
/// comma, a double quote or a line break are quoted, with quotes doubled; lines end in
/// "\n".
public enum CSVText {
    /// The text of `rows`, one line per row, ending in a line break.
    public static func encode(_ rows: [[String]]) -> String {
        rows.map { $0.map(quoted).joined(separator: ",") + "\n" }.joined()
    }

    /// The rows of `text`; "\r\n" is read as a line break, and a final line break adds no
    /// empty row.
    ///
    /// - Throws: ``TableDiffError/malformedCSV(file:reason:)`` (with an empty file name)
    ///   for a quote left open.
    public static func decode(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        guard !inQuotes else { throw TableDiffError.malformedCSV(file: "", reason: "a quoted field is never closed") }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
