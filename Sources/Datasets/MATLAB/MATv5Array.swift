/// One decoded MAT v5 array (a `miMATRIX` element): class, dimensions, name and
/// the class's data subelements.
struct MATv5Array {
    /// MATLAB array classes (MAT-File Format, table 1-3).
    enum ArrayClass: UInt8 {
        case cell = 1, structure = 2, object = 3, char = 4, sparse = 5
        case double = 6, single = 7, int8 = 8, uint8 = 9, int16 = 10, uint16 = 11
        case int32 = 12, uint32 = 13, int64 = 14, uint64 = 15

        var name: String {
            switch self {
            case .cell: return "cell"
            case .structure: return "struct"
            case .object: return "object"
            case .char: return "char"
            case .sparse: return "sparse"
            default: return "\(self)"
            }
        }

        var isNumeric: Bool { rawValue >= 6 }
    }

    let arrayClass: ArrayClass
    let isLogical: Bool
    let dimensions: [Int]
    let name: String
    /// Numeric and char data (`pr`); for sparse arrays the non-zero values.
    let real: MATv5Data?
    /// Cell arrays: the cells in column-major order.
    let cells: [MATv5Array]
    /// Sparse arrays: row indices `ir` and column starts `jc` (0-based).
    let rowIndices: MATv5Data?
    let columnStarts: MATv5Data?

    /// The class as MATLAB names it, `logical` for logical arrays.
    var className: String { isLogical ? "logical" : arrayClass.name }
}
