extension Matrix where Scalar: BLASScalar {
    /// The eigendecomposition `A = V·diag(λ)·Vᵀ` of a symmetric matrix, by `?syevd`
    /// (divide and conquer).
    ///
    /// - Returns: the eigenvalues `λ` in ascending order and the orthonormal eigenvectors
    ///   as the columns of `vectors` (column `j` belongs to `values[j]`).
    /// - Only the upper triangle is read; symmetry is assumed, not checked.
    /// - Each eigenvector's sign, and the basis of an eigenspace of a repeated eigenvalue,
    ///   are whatever LAPACK produces: deterministic for a given library and input, but
    ///   not canonical.
    /// - Throws: `LinalgError.didNotConverge` when `?syevd` fails to converge (typically
    ///   NaN or infinite input).
    public func symmetricEigendecomposition() throws -> (values: [Scalar], vectors: Matrix) {
        precondition(rows == columns,
                     "symmetricEigendecomposition needs a square matrix, got \(rows) × \(columns)")
        let n = rows
        guard n > 0 else { return ([], self) }
        var vectors = self
        var values = [Scalar](repeating: 0, count: n)
        BLASLibrary.prepare()
        let info = vectors.elements.withUnsafeMutableBufferPointer { aBuffer in
            values.withUnsafeMutableBufferPointer { valueBuffer in
                Scalar._syevd(n: n, a: aBuffer.baseAddress!, lda: n,
                              eigenvalues: valueBuffer.baseAddress!)
            }
        }
        if let error = LinalgError.checking(info, routine: "?syevd") { throw error }
        return (values, vectors)
    }
}
