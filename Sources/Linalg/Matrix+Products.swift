/// Products are computed in tiles fixed by the shapes alone: the output in blocks of
/// ``Matrix/tileRows`` × ``Matrix/tileColumns``, each block's sum over the inner
/// dimension in blocks of ``Matrix/innerBlock`` terms (one single-threaded BLAS call
/// per block, each added to the last). Tiles run in parallel on
/// ``BLASLibrary/threads`` threads; every element is summed in the same order whatever
/// the thread count, so products are bit-identical under any thread count. They can
/// differ in the last bits between BLAS kernel families (OpenBLAS core types), whose
/// kernels order and fuse the operations within a block differently.
extension Matrix where Scalar: BLASScalar {
    /// Output rows per tile.
    public static var tileRows: Int { 256 }
    /// Output columns per tile.
    public static var tileColumns: Int { 512 }
    /// Inner-dimension terms per BLAS call (at most OpenBLAS's own inner block on
    /// x86-64, so OpenBLAS does not cut it again).
    public static var innerBlock: Int { 256 }

    /// `alpha · op(A) · op(B)`, where `op(X)` is `Xᵀ` when the matching `transpose` flag is
    /// set and `X` otherwise, by `?gemm` on tiles (see above).
    ///
    /// `op(A)` must be `m × k` and `op(B)` `k × n`; the result is `m × n`. With `k = 0`
    /// the result is the zero matrix.
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
        let rowTiles = (m + tileRows - 1) / tileRows
        let columnTiles = (n + tileColumns - 1) / tileColumns
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                result.elements.withUnsafeMutableBufferPointer { cBuffer in
                    nonisolated(unsafe) let (aBase, bBase, cBase) = (aBuffer.baseAddress!, bBuffer.baseAddress!,
                                                                     cBuffer.baseAddress!)
                    ParallelTiles.forEach(rowTiles * columnTiles) { tile in
                        let (rowTile, columnTile) = tile.quotientAndRemainder(dividingBy: columnTiles)
                        let rows = (rowTile * tileRows)..<Swift.min(m, (rowTile + 1) * tileRows)
                        let columns = (columnTile * tileColumns)..<Swift.min(n, (columnTile + 1) * tileColumns)
                        accumulate(
                            rows: rows.count, columns: columns.count, inner: k, alpha: alpha,
                            a: { transposeA ? aBase + $0 * a.columns + rows.lowerBound
                                            : aBase + rows.lowerBound * a.columns + $0 },
                            transposeA: transposeA, lda: a.columns,
                            b: { transposeB ? bBase + columns.lowerBound * b.columns + $0
                                            : bBase + $0 * b.columns + columns.lowerBound },
                            transposeB: transposeB, ldb: b.columns,
                            c: cBase + rows.lowerBound * n + columns.lowerBound, ldc: n)
                    }
                }
            }
        }
        return result
    }

    /// The Gram matrix `AᵀA` (`columns × columns`): its upper triangle in tiles (`?syrk`
    /// on the diagonal tiles, `?gemm` above them), then mirrored, so the result is
    /// exactly symmetric; costs about half of the equivalent product.
    public func transposedProduct() -> Matrix {
        symmetricRankUpdate(transpose: true)
    }

    /// The Gram matrix `AAᵀ` (`rows × rows`), as ``transposedProduct()``.
    public func productWithTranspose() -> Matrix {
        symmetricRankUpdate(transpose: false)
    }

    /// `op(A)·op(A)ᵀ` with `op(A) = Aᵀ` when `transpose`, mirrored into a full matrix.
    private func symmetricRankUpdate(transpose: Bool) -> Matrix {
        let n = transpose ? columns : rows
        let k = transpose ? rows : columns
        var result = Matrix.zeros(rows: n, columns: n)
        guard n > 0, k > 0 else { return result }
        let size = Matrix.tileRows
        let blocks = (n + size - 1) / size
        // The tiles (row block, column block) on and above the diagonal.
        let upper = (0..<blocks).flatMap { row in (row..<blocks).map { (row, $0) } }
        let lda = columns
        elements.withUnsafeBufferPointer { aBuffer in
            result.elements.withUnsafeMutableBufferPointer { cBuffer in
                nonisolated(unsafe) let (aBase, cBase) = (aBuffer.baseAddress!, cBuffer.baseAddress!)
                // Row `index` of op(A) at inner term `term`.
                func start(_ index: Int, _ term: Int) -> UnsafePointer<Scalar> {
                    transpose ? aBase + term * lda + index : aBase + index * lda + term
                }
                ParallelTiles.forEach(upper.count) { tile in
                    let (rowBlock, columnBlock) = upper[tile]
                    let rows = (rowBlock * size)..<Swift.min(n, (rowBlock + 1) * size)
                    let columns = (columnBlock * size)..<Swift.min(n, (columnBlock + 1) * size)
                    let c = cBase + rows.lowerBound * n + columns.lowerBound
                    if rowBlock == columnBlock {
                        BLASLibrary.prepare()
                        for first in stride(from: 0, to: k, by: Matrix.innerBlock) {
                            Scalar._syrk(transpose: transpose, n: rows.count, k: Swift.min(Matrix.innerBlock, k - first),
                                         alpha: 1, a: start(rows.lowerBound, first), lda: lda,
                                         beta: first == 0 ? 0 : 1, c: c, ldc: n)
                        }
                    } else {
                        Matrix.accumulate(rows: rows.count, columns: columns.count, inner: k, alpha: 1,
                                          a: { start(rows.lowerBound, $0) }, transposeA: transpose, lda: lda,
                                          b: { start(columns.lowerBound, $0) }, transposeB: !transpose, ldb: lda,
                                          c: c, ldc: n)
                    }
                }
                for row in 1..<n {
                    for column in 0..<row {
                        cBase[row * n + column] = cBase[column * n + row]
                    }
                }
            }
        }
        return result
    }

    /// `C ← alpha·op(A)·op(B)` for one tile, summed over the inner dimension in blocks
    /// of ``innerBlock`` terms; `a(term)` and `b(term)` locate the operands' first
    /// element at inner term `term`.
    private static func accumulate(
        rows: Int, columns: Int, inner: Int, alpha: Scalar,
        a: (Int) -> UnsafePointer<Scalar>, transposeA: Bool, lda: Int,
        b: (Int) -> UnsafePointer<Scalar>, transposeB: Bool, ldb: Int,
        c: UnsafeMutablePointer<Scalar>, ldc: Int
    ) {
        BLASLibrary.prepare()
        for first in stride(from: 0, to: inner, by: innerBlock) {
            Scalar._gemm(transposeA: transposeA, transposeB: transposeB, m: rows, n: columns,
                         k: Swift.min(innerBlock, inner - first), alpha: alpha, a: a(first), lda: lda,
                         b: b(first), ldb: ldb, beta: first == 0 ? 0 : 1, c: c, ldc: ldc)
        }
    }
}
