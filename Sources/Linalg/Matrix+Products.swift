extension Matrix where Scalar: BLASScalar {
    /// `alpha · op(A) · op(B)`, where `op(X)` is `Xᵀ` when the matching `transpose` flag is
    /// set and `X` otherwise, computed by one call to `?gemm`.
    ///
    /// `op(A)` must be `m × k` and `op(B)` `k × n`; the result is `m × n`. With `k = 0`
    /// the result is the zero matrix. Rounding follows the BLAS kernel (accumulation in
    /// `Scalar`, in an order the library chooses), so results can differ in the last bits
    /// between BLAS builds, core types and thread counts.
    public static func product(
        _ a: Matrix, _ b: Matrix,
        transposeA: Bool = false, transposeB: Bool = false, alpha: Scalar = 1
    ) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let bRows = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(
            k == bRows,
            "product: op(A) is \(m) × \(k) but op(B) is \(bRows) × \(n) "
                + "(A is \(a.rows) × \(a.columns)\(transposeA ? ", transposed" : ""); "
                + "B is \(b.rows) × \(b.columns)\(transposeB ? ", transposed" : ""))")
        var result = Matrix.zeros(rows: m, columns: n)
        guard m > 0, n > 0, k > 0 else { return result }
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                result.elements.withUnsafeMutableBufferPointer { cBuffer in
                    Scalar._gemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        alpha: alpha, a: aBuffer.baseAddress!, lda: a.columns,
                        b: bBuffer.baseAddress!, ldb: b.columns,
                        beta: 0, c: cBuffer.baseAddress!, ldc: n)
                }
            }
        }
        return result
    }

    /// The Gram matrix `AᵀA` (`columns × columns`), computed by `?syrk`.
    ///
    /// `?syrk` writes the upper triangle; the lower triangle is then copied from it, so
    /// the result is exactly symmetric. Costs about half of the equivalent `?gemm`.
    public func transposedProduct() -> Matrix {
        symmetricRankUpdate(transpose: true)
    }

    /// The Gram matrix `AAᵀ` (`rows × rows`), computed by `?syrk`.
    ///
    /// `?syrk` writes the upper triangle; the lower triangle is then copied from it, so
    /// the result is exactly symmetric.
    public func productWithTranspose() -> Matrix {
        symmetricRankUpdate(transpose: false)
    }

    /// `op(A)·op(A)ᵀ` with `op(A) = Aᵀ` when `transpose`, mirrored into a full matrix.
    private func symmetricRankUpdate(transpose: Bool) -> Matrix {
        let n = transpose ? columns : rows
        let k = transpose ? rows : columns
        var result = Matrix.zeros(rows: n, columns: n)
        guard n > 0, k > 0 else { return result }
        elements.withUnsafeBufferPointer { aBuffer in
            result.elements.withUnsafeMutableBufferPointer { cBuffer in
                Scalar._syrk(
                    transpose: transpose, n: n, k: k, alpha: 1,
                    a: aBuffer.baseAddress!, lda: columns,
                    beta: 0, c: cBuffer.baseAddress!, ldc: n)
                for row in 1..<n {
                    for column in 0..<row {
                        cBuffer[row * n + column] = cBuffer[column * n + row]
                    }
                }
            }
        }
        return result
    }
}
