/// A MATLAB variable for the test MAT writers (``MATv5TestWriter``,
/// ``MATv73TestWriter``): its class, MATLAB dimensions and contents, with numbers and
/// char code units given in MATLAB's column-major order.
public struct MATTestVariable: Sendable {
    /// The MATLAB classes the writers produce.
    public enum Class: String, Sendable {
        case double, single, uint8, int32, logical, char, cell, sparse
        case structure = "struct"
    }

    /// The MAT v5 data types (`mi…`) numeric data can be stored as.
    public enum StorageType: UInt32, Sendable {
        case int8 = 1, uint8 = 2, int16 = 3, uint16 = 4, int32 = 5, uint32 = 6
        case single = 7, double = 9, utf8 = 16

        /// Bytes per value.
        var size: Int {
            switch self {
            case .int8, .uint8, .utf8: return 1
            case .int16, .uint16: return 2
            case .int32, .uint32, .single: return 4
            case .double: return 8
            }
        }
    }

    public let name: String
    public let matlabClass: Class
    public let dimensions: [Int]
    /// Numeric values or char code units, column-major; for sparse arrays the non-zeros.
    public let values: [Double]
    /// Cell arrays: the cells, column-major.
    public let cells: [MATTestVariable]
    /// Sparse arrays: the non-zeros' 0-based row indices and the column starts.
    public let rowIndices: [Int]
    public let columnStarts: [Int]
    /// MAT v5 only: the type the values are stored as when it is narrower than the
    /// class (MATLAB stores e.g. integral doubles as `miUINT8`); `nil` for the class's own.
    public let storage: StorageType?

    /// A numeric or logical array of `dimensions` holding `values` in column-major order.
    public static func numeric(_ name: String, _ matlabClass: Class, dimensions: [Int], columnMajor values: [Double],
                        storedAs storage: StorageType? = nil) -> MATTestVariable {
        MATTestVariable(name: name, matlabClass: matlabClass, dimensions: dimensions, values: values, cells: [],
                        rowIndices: [], columnStarts: [], storage: storage)
    }

    /// A 2-D numeric or logical array given row by row, as MATLAB displays it.
    public static func matrix(_ name: String, _ matlabClass: Class, rows: [[Double]],
                       storedAs storage: StorageType? = nil) -> MATTestVariable {
        let columns = rows.first?.count ?? 0
        let values = (0..<columns).flatMap { column in rows.map { $0[column] } }
        return numeric(name, matlabClass, dimensions: [rows.count, columns], columnMajor: values, storedAs: storage)
    }

    /// A char array with one row per string, padded with blanks to the longest, as
    /// `char(rows)` makes it.
    public static func char(_ name: String, rows: [String], storedAs storage: StorageType? = nil) -> MATTestVariable {
        let units = rows.map { Array($0.utf16) }
        let width = units.map(\.count).max() ?? 0
        let padded = units.map { $0 + [UInt16](repeating: 0x20, count: width - $0.count) }
        let values = (0..<width).flatMap { column in padded.map { Double($0[column]) } }
        return MATTestVariable(name: name, matlabClass: .char, dimensions: [rows.count, width], values: values,
                               cells: [], rowIndices: [], columnStarts: [], storage: storage)
    }

    /// A cell array of `dimensions` whose cells are 1-row char arrays of `strings`
    /// (column-major).
    public static func cellOfStrings(_ name: String, dimensions: [Int], _ strings: [String]) -> MATTestVariable {
        MATTestVariable(name: name, matlabClass: .cell, dimensions: dimensions, values: [],
                        cells: strings.map { char("", rows: [$0]) }, rowIndices: [], columnStarts: [],
                        storage: nil)
    }

    /// A `rows` × `columns` sparse double array with the non-zeros `entries`
    /// (0-based row, column, value), listed in column-major order.
    public static func sparse(_ name: String, rows: Int, columns: Int,
                       entries: [(row: Int, column: Int, value: Double)]) -> MATTestVariable {
        let columnStarts = (0...columns).map { column in entries.filter { $0.column < column }.count }
        return MATTestVariable(name: name, matlabClass: .sparse, dimensions: [rows, columns],
                               values: entries.map(\.value), cells: [], rowIndices: entries.map(\.row),
                               columnStarts: columnStarts, storage: nil)
    }

    /// A 1 × 1 struct without fields.
    public static func structure(_ name: String) -> MATTestVariable {
        MATTestVariable(name: name, matlabClass: .structure, dimensions: [1, 1], values: [], cells: [],
                        rowIndices: [], columnStarts: [], storage: nil)
    }
}
