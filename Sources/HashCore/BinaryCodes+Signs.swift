import Linalg

extension BinaryCodes {
    /// Codes from the signs of a real N × K matrix: bit set where the value is ≥ 0
    /// (sign(0) = +1). Throws on NaN or infinite values, whose sign means nothing.
    public init<Scalar: BinaryFloatingPoint>(signsOf matrix: Matrix<Scalar>) throws {
        let words = try PackedRows.pack(rows: matrix.rows, bits: matrix.columns,
                                        wordsPerRow: (matrix.columns + 63) / 64) { row, column in
            let value = matrix[row, column]
            guard value.isFinite else { throw BinaryCodesError.notFinite(row: row, column: column) }
            return value >= 0
        }
        try self.init(count: matrix.rows, bitCount: matrix.columns, words: words)
    }

    /// Codes from an N × K matrix whose entries are exactly +1 or −1 (as stored by
    /// tools that write ±1 codes); any other value is an error naming its position.
    public init<Scalar: SignedNumeric & Comparable>(plusMinusOne matrix: Matrix<Scalar>) throws {
        let words = try PackedRows.pack(rows: matrix.rows, bits: matrix.columns,
                                        wordsPerRow: (matrix.columns + 63) / 64) { row, column in
            let value = matrix[row, column]
            guard value == 1 || value == -1 else {
                throw BinaryCodesError.notPlusMinusOne(row: row, column: column, value: "\(value)")
            }
            return value == 1
        }
        try self.init(count: matrix.rows, bitCount: matrix.columns, words: words)
    }

    /// The codes as an N × K matrix of +1 and −1.
    public func signs<Scalar: BinaryFloatingPoint>(as: Scalar.Type = Float.self) -> Matrix<Scalar> {
        var elements = [Scalar](repeating: -1, count: count * bitCount)
        for item in 0..<count {
            for bitIndex in 0..<bitCount where bit(bitIndex, ofCode: item) {
                elements[item * bitCount + bitIndex] = 1
            }
        }
        return Matrix(rows: count, columns: bitCount, elements: elements)
    }
}
