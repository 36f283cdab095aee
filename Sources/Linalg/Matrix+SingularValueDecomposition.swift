extension Matrix where Scalar: BLASScalar {
    /// The thin singular value decomposition `A = U·diag(σ)·Vᵀ`, by `?gesdd`
    /// (divide and conquer, `jobz = 'S'`).
    ///
    /// For an `m × n` matrix with `k = min(m, n)`:
    /// - `u` is `m × k` with orthonormal columns (the left singular vectors);
    /// - `singularValues` holds the `k` values `σ₁ ≥ σ₂ ≥ … ≥ σₖ ≥ 0`;
    /// - `vt` is `k × n` with orthonormal rows (the right singular vectors, transposed).
    ///
    /// The signs of paired singular vectors (column `i` of `u` with row `i` of `vt`), and
    /// the bases for repeated singular values, are not canonical.
    /// - Throws: `LinalgError.didNotConverge` when the bidiagonal divide and conquer does
    ///   not converge (typically NaN or infinite input).
    public func singularValueDecomposition() throws
        -> (u: Matrix, singularValues: [Scalar], vt: Matrix)
    {
        let m = rows
        let n = columns
        let k = Swift.min(m, n)
        var u = Matrix.zeros(rows: m, columns: k)
        var vt = Matrix.zeros(rows: k, columns: n)
        var singularValues = [Scalar](repeating: 0, count: k)
        guard k > 0 else { return (u, singularValues, vt) }
        var work = elements
        BLASLibrary.prepare()
        let info = work.withUnsafeMutableBufferPointer { aBuffer in
            singularValues.withUnsafeMutableBufferPointer { sBuffer in
                u.elements.withUnsafeMutableBufferPointer { uBuffer in
                    vt.elements.withUnsafeMutableBufferPointer { vtBuffer in
                        Scalar._gesdd(
                            m: m, n: n, a: aBuffer.baseAddress!, lda: n,
                            singularValues: sBuffer.baseAddress!,
                            u: uBuffer.baseAddress!, ldu: k,
                            vt: vtBuffer.baseAddress!, ldvt: n)
                    }
                }
            }
        }
        if let error = LinalgError.checking(info, routine: "?gesdd") { throw error }
        return (u, singularValues, vt)
    }
}
