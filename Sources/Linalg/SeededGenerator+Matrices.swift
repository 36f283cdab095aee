extension SeededGenerator {
    /// A `rows × columns` matrix of independent standard normal entries, filled in
    /// row-major order by `normal()` and rounded to `T`.
    public mutating func normalMatrix<T: BLASScalar>(
        rows: Int, columns: Int, as type: T.Type = T.self
    ) -> Matrix<T> {
        var elements: [T] = []
        elements.reserveCapacity(rows * columns)
        for _ in 0..<(rows * columns) {
            elements.append(T(normal()))
        }
        return Matrix(rows: rows, columns: columns, elements: elements)
    }

    /// A `rows × columns` matrix of independent entries uniform in `[0, 1)`, filled in
    /// row-major order, one `next()` per entry.
    ///
    /// Each entry takes the top `p` bits of `next()` times `2⁻ᵖ`, where `p` is `T`'s
    /// significand precision (24 for `Float`, 53 for `Double`), so the entries are exactly
    /// `uniformFloat()` and `uniform()` respectively and never round up to 1.
    public mutating func uniformMatrix<T: BLASScalar>(
        rows: Int, columns: Int, as type: T.Type = T.self
    ) -> Matrix<T> {
        let precision = T.significandBitCount + 1
        let scale = T(sign: .plus, exponent: T.Exponent(-precision), significand: 1)
        var elements: [T] = []
        elements.reserveCapacity(rows * columns)
        for _ in 0..<(rows * columns) {
            elements.append(T(next() >> UInt64(64 - precision)) * scale)
        }
        return Matrix(rows: rows, columns: columns, elements: elements)
    }

    /// A `rows × columns` matrix with orthonormal columns, distributed uniformly (Haar) on
    /// the Stiefel manifold: the sign-fixed thin `Q` of a Gaussian `normalMatrix`
    /// (Mezzadri 2007, "How to generate random matrices from the classical compact
    /// groups"). Needs `rows ≥ columns`. For `rows == columns` this is a Haar-random
    /// orthogonal matrix.
    public mutating func orthonormalMatrix<T: BLASScalar>(
        rows: Int, columns: Int, as type: T.Type = T.self
    ) -> Matrix<T> {
        precondition(rows >= columns,
                     "orthonormalMatrix needs rows ≥ columns, got \(rows) × \(columns)")
        let gaussian = normalMatrix(rows: rows, columns: columns, as: type)
        do {
            return try gaussian.orthonormalizedColumns()
        } catch {
            preconditionFailure("QR of a finite Gaussian matrix failed: \(error)")
        }
    }
}
