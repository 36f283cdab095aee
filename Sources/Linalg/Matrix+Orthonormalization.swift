extension Matrix where Scalar: BLASScalar {
    /// The thin `Q` of the QR factorization `A = Q·R`, with signs fixed so that `R` has a
    /// non-negative diagonal; by `?geqrf` (Householder) and `?orgqr`.
    ///
    /// For an `m × n` matrix with `m ≥ n` the result is `m × n` with orthonormal columns
    /// (`QᵀQ = I`) spanning the column space of `A`. Column `j` of LAPACK's `Q` is
    /// multiplied by `sign(R[j, j])` (with `sign(0) = +1`), which makes the result
    /// unique when `A` has full column rank; for rank-deficient `A` the columns beyond
    /// the rank are orthonormal but arbitrary.
    ///
    /// Applied to a matrix of independent standard normal entries, the result is
    /// distributed uniformly (Haar) on the Stiefel manifold (Mezzadri 2007).
    public func orthonormalizedColumns() throws -> Matrix {
        precondition(rows >= columns,
                     "orthonormalizedColumns needs rows ≥ columns, got \(rows) × \(columns)")
        let m = rows
        let n = columns
        guard n > 0 else { return self }
        var q = self
        var tau = [Scalar](repeating: 0, count: n)
        BLASLibrary.prepare()
        let factorInfo = q.elements.withUnsafeMutableBufferPointer { aBuffer in
            tau.withUnsafeMutableBufferPointer { tauBuffer in
                Scalar._geqrf(m: m, n: n, a: aBuffer.baseAddress!, lda: n,
                              tau: tauBuffer.baseAddress!)
            }
        }
        if let error = LinalgError.checking(factorInfo, routine: "?geqrf") { throw error }
        let negated = (0..<n).map { q[$0, $0] < 0 }
        let formInfo = q.elements.withUnsafeMutableBufferPointer { aBuffer in
            tau.withUnsafeBufferPointer { tauBuffer in
                Scalar._orgqr(m: m, n: n, k: n, a: aBuffer.baseAddress!, lda: n,
                              tau: tauBuffer.baseAddress!)
            }
        }
        if let error = LinalgError.checking(formInfo, routine: "?orgqr") { throw error }
        for row in 0..<m {
            for column in 0..<n where negated[column] {
                q[row, column] = -q[row, column]
            }
        }
        return q
    }
}
