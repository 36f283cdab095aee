extension Matrix where Scalar: BLASScalar {
    /// Squared Euclidean distances between the rows of `a` and the rows of `b`:
    /// `D[i, j] = ‖aᵢ − bⱼ‖² = ‖aᵢ‖² + ‖bⱼ‖² − 2·aᵢ·bⱼ`.
    ///
    /// The inner products come from one `?gemm` (`−2·A·Bᵀ`), so the cost is that of one
    /// product; the norms are added in parallel row blocks. The expansion cancels catastrophically for nearby points: a distance that
    /// is small relative to the norms has an absolute error of order `ε·(‖aᵢ‖² + ‖bⱼ‖²)`,
    /// and results are clamped at 0 so rounding never yields a negative distance. A row's
    /// distance to itself is therefore small but not guaranteed to be exactly 0.
    @inlinable
    public static func pairwiseSquaredDistances(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.columns == b.columns,
                     "pairwiseSquaredDistances: rows of A have \(a.columns) entries, "
                         + "rows of B have \(b.columns)")
        var distances = Matrix.product(a, b, transposeB: true, alpha: -2)
        let aNorms = a.rowSquaredNorms()
        let bNorms = b.rowSquaredNorms()
        let columns = b.rows
        distances.elements.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            ParallelRows.forEachBlock(a.rows) { _, rows in
                for row in rows {
                    let start = row * columns
                    for column in 0..<columns {
                        let value = output[start + column] + aNorms[row] + bNorms[column]
                        output[start + column] = Swift.max(value, 0)
                    }
                }
            }
        }
        return distances
    }
}
