extension TableDiff {
    /// One cell that moved beyond the tolerance, or one row present on one side only.
    public struct Change: Hashable, Sendable, CustomStringConvertible {
        /// The table's file name (its path relative to the directories compared).
        public var table: String
        /// The row, named by its key columns: `method=aszh` or `ratio=1/-5, method=itq`.
        public var row: String
        /// The column; nil when the whole row is present on one side only.
        public var column: String?
        /// The old value (the whole row, comma-separated, for a row); nil when absent.
        public var old: String?
        /// The new value (the whole row, comma-separated, for a row); nil when absent.
        public var new: String?

        public init(table: String, row: String, column: String?, old: String?, new: String?) {
            self.table = table
            self.row = row
            self.column = column
            self.old = old
            self.new = new
        }

        /// One line: `tables/demo.csv: method=aszh, bits=32 mean: 0.6200 → 0.6500 (+0.0300)`;
        /// `… row method=lsh only in B` for a row on one side only.
        public var description: String {
            guard let column else {
                return "\(table): row \(row) only in \(old == nil ? "B" : "A")"
            }
            var line = "\(table): \(row), \(column): \(old ?? "(absent)") → \(new ?? "(absent)")"
            if let old = old.flatMap(Double.init), let new = new.flatMap(Double.init) {
                line += " (" + (new >= old ? "+" : "") + ReportNumber.text(new - old) + ")"
            }
            return line
        }
    }

    /// What differs between two tables or two directories of tables.
    public struct Report: Hashable, Sendable, CustomStringConvertible {
        /// Cells that moved beyond the tolerance and rows on one side only.
        public var changes: [Change]
        /// Tables found only in the old directory (A), by relative path.
        public var onlyInOld: [String]
        /// Tables found only in the new directory (B), by relative path.
        public var onlyInNew: [String]

        public init(changes: [Change], onlyInOld: [String] = [], onlyInNew: [String] = []) {
            self.changes = changes
            self.onlyInOld = onlyInOld
            self.onlyInNew = onlyInNew
        }

        /// Whether nothing moved and no table is on one side only.
        public var isEmpty: Bool {
            changes.isEmpty && onlyInOld.isEmpty && onlyInNew.isEmpty
        }

        /// One line per change and per table on one side only.
        public var description: String {
            (changes.map(\.description) + onlyInOld.map { "only in A: \($0)" } + onlyInNew.map { "only in B: \($0)" })
                .joined(separator: "\n")
        }
    }
}
