import Foundation

/// Compares CSV tables written by ``ReportWriter`` — two files, or two directories of
/// them — cell by cell.
///
/// - Rows are matched by their key: the fewest leading columns whose values tell every
///   row apart in both tables (the row axis of a wide table, the section and row axes of
///   a sectioned one, the axes of an ablation or comparison); rows on one side only are
///   reported whole. Tables whose rows no prefix tells apart are matched by line number.
/// - Columns are matched by name. A cell moved when both values are numbers that differ
///   by more than ``tolerance``, or otherwise when the texts differ (a `best` mark that
///   moved, a value that appeared or vanished). `n/a`, a cell whose runs are all not
///   applicable, is text: `n/a` against `n/a` did not move, `n/a` against a number did.
/// - Directories are searched recursively for `.csv` files; files of the same relative
///   path are compared and files on one side only are listed.
public struct TableDiff: Sendable {
    /// The largest absolute difference between two numbers that does not count as a move.
    public var tolerance: Double

    public init(tolerance: Double = 0.005) {
        self.tolerance = tolerance
    }

    /// Compares two CSV files, or two directories of CSV files.
    ///
    /// - Throws: ``TableDiffError`` when a path cannot be read, a file is not CSV, or one
    ///   path is a directory and the other is not.
    public func compare(old: String, new: String) throws -> Report {
        let oldIsDirectory = try Self.isDirectory(old)
        let newIsDirectory = try Self.isDirectory(new)
        guard oldIsDirectory == newIsDirectory else { throw TableDiffError.mixedKinds(old: old, new: new) }
        guard oldIsDirectory else {
            return Report(changes: try changes(table: (new as NSString).lastPathComponent,
                                               old: Self.read(old), new: Self.read(new)))
        }
        let oldTables = Self.tables(in: old)
        let newTables = Self.tables(in: new)
        var changes: [Change] = []
        for table in oldTables.intersection(newTables).sorted() {
            let oldText = try Self.read((old as NSString).appendingPathComponent(table))
            let newText = try Self.read((new as NSString).appendingPathComponent(table))
            changes += try self.changes(table: table, old: oldText, new: newText)
        }
        return Report(changes: changes, onlyInOld: oldTables.subtracting(newTables).sorted(),
                      onlyInNew: newTables.subtracting(oldTables).sorted())
    }

    /// The changes between two CSV texts of the table named `table`.
    ///
    /// - Throws: ``TableDiffError/malformedCSV(file:reason:)`` when a text is not CSV or
    ///   has no header line.
    public func changes(table: String, old: String, new: String) throws -> [Change] {
        let oldRows = try Self.parse(old, table: table)
        let newRows = try Self.parse(new, table: table)
        let columns = oldRows.header + newRows.header.filter { !oldRows.header.contains($0) }
        let keyCount = (1...oldRows.header.count).first { count in
            let key = Array(oldRows.header.prefix(count))
            return oldRows.hasUniqueKeys(key) && newRows.hasUniqueKeys(key)
        }
        let keyColumns = keyCount.map { Array(oldRows.header.prefix($0)) } ?? []
        func rowName(_ row: [String: String], line: Int) -> String {
            keyColumns.isEmpty ? "line \(line + 2)"
                : keyColumns.map { "\($0)=\(row[$0] ?? "")" }.joined(separator: ", ")
        }
        func wholeRow(_ row: [String: String], in rows: Rows) -> String {
            rows.header.map { row[$0] ?? "" }.joined(separator: ",")
        }
        let newByName = Dictionary(newRows.rows.enumerated().map { (rowName($0.element, line: $0.offset), $0.element) },
                                   uniquingKeysWith: { first, _ in first })
        var changes: [Change] = []
        var matched = Set<String>()
        for (line, oldRow) in oldRows.rows.enumerated() {
            let name = rowName(oldRow, line: line)
            guard let newRow = newByName[name] else {
                changes.append(Change(table: table, row: name, column: nil, old: wholeRow(oldRow, in: oldRows), new: nil))
                continue
            }
            matched.insert(name)
            for column in columns where !keyColumns.contains(column) && moved(oldRow[column], newRow[column]) {
                changes.append(Change(table: table, row: name, column: column, old: oldRow[column], new: newRow[column]))
            }
        }
        for (line, newRow) in newRows.rows.enumerated() where !matched.contains(rowName(newRow, line: line)) {
            changes.append(Change(table: table, row: rowName(newRow, line: line), column: nil,
                                  old: nil, new: wholeRow(newRow, in: newRows)))
        }
        return changes
    }

    /// Whether a cell moved: numbers by more than the tolerance, anything else when the
    /// texts differ (an absent column reads as an empty field; `n/a` is not a number).
    private func moved(_ old: String?, _ new: String?) -> Bool {
        let old = old ?? ""
        let new = new ?? ""
        if let oldNumber = Double(old), let newNumber = Double(new) {
            return !(abs(newNumber - oldNumber) <= tolerance)
        }
        return old != new
    }

    /// A CSV table: its header and its rows as column name → field.
    private struct Rows {
        var header: [String]
        var rows: [[String: String]]

        func hasUniqueKeys(_ columns: [String]) -> Bool {
            let keys = rows.map { row in columns.map { row[$0] ?? "" } }
            return Set(keys).count == keys.count
        }
    }

    private static func parse(_ text: String, table: String) throws -> Rows {
        let lines: [[String]]
        do {
            lines = try CSVText.decode(text)
        } catch TableDiffError.malformedCSV(_, let reason) {
            throw TableDiffError.malformedCSV(file: table, reason: reason)
        }
        guard let header = lines.first, !header.isEmpty else {
            throw TableDiffError.malformedCSV(file: table, reason: "no header line")
        }
        let rows = lines.dropFirst().map { fields in
            Dictionary(zip(header, fields).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
        return Rows(header: header, rows: rows)
    }

    private static func isDirectory(_ path: String) throws -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TableDiffError.unreadable(path: path)
        }
        return isDirectory.boolValue
    }

    private static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw TableDiffError.unreadable(path: path) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The relative paths of the `.csv` files under `directory`.
    private static func tables(in directory: String) -> Set<String> {
        let paths = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        return Set(paths.filter { $0.hasSuffix(".csv") })
    }
}
