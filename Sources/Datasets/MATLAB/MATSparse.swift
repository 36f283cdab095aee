/// Expansion of MATLAB's compressed-sparse-column arrays: non-zero `values`, their
/// 0-based `rowIndices`, and `columnStarts` (column c's entries are
/// `columnStarts[c]..<columnStarts[c + 1]`).
enum MATSparse {
    /// Writes the non-zeros into the column-major `dense` array of `rows` rows.
    static func expand<T>(values: [T], rowIndices: [Int], columnStarts: [Int], rows: Int, into dense: inout [T],
                          error: () -> Error) throws {
        let columns = max(0, columnStarts.count - 1)
        for column in 0..<columns {
            let start = columnStarts[column], end = columnStarts[column + 1]
            guard start >= 0, start <= end, end <= min(values.count, rowIndices.count) else { throw error() }
            for entry in start..<end {
                let row = rowIndices[entry]
                guard row >= 0, row < rows, column * rows + row < dense.count else { throw error() }
                dense[column * rows + row] = values[entry]
            }
        }
    }
}
