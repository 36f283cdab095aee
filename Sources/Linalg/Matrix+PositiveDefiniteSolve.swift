extension Matrix where Scalar: BLASScalar {
    /// Solves `A·X = B` for a symmetric positive definite `A` (this matrix), by `?posv`
    /// (Cholesky factorization `A = UᵀU`, then two triangular solves).
    ///
    /// - Parameter rightHandSides: `B`, of shape `n × r`; each column is one system.
    /// - Returns: `X`, of shape `n × r`.
    /// - Only the upper triangle of `A` is read; symmetry is assumed, not checked.
    /// - No condition estimate is made: a nearly singular `A` yields an inaccurate `X`
    ///   without an error. Add a ridge term (`A + λI`) where that is a risk.
    /// - Throws: `LinalgError.notPositiveDefinite(leadingMinor:)` when the leading minor
    ///   of that order is not positive.
    public func solvingPositiveDefinite(_ rightHandSides: Matrix) throws -> Matrix {
        precondition(rows == columns,
                     "solvingPositiveDefinite needs a square matrix, got \(rows) × \(columns)")
        precondition(rightHandSides.rows == rows,
                     "solvingPositiveDefinite: A is \(rows) × \(columns) but B has "
                         + "\(rightHandSides.rows) rows")
        let n = rows
        let count = rightHandSides.columns
        var solution = rightHandSides
        guard n > 0, count > 0 else { return solution }
        var factor = elements
        BLASLibrary.prepare()
        let info = factor.withUnsafeMutableBufferPointer { aBuffer in
            solution.elements.withUnsafeMutableBufferPointer { bBuffer in
                Scalar._posv(n: n, nrhs: count, a: aBuffer.baseAddress!, lda: n,
                             b: bBuffer.baseAddress!, ldb: count)
            }
        }
        if info > 0 { throw LinalgError.notPositiveDefinite(leadingMinor: info) }
        if let error = LinalgError.checking(info, routine: "?posv") { throw error }
        return solution
    }
}
