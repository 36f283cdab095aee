import Linalg

/// SCM's generalized eigenproblem (Zhang and Li 2014): for a cross term
/// C = P·Qᵀ (d_x × d_y, given by its factors, ``SCMResidual``) and the regularised Gram
/// matrices C_xx = X̄ᵀX̄ + λI, C_yy = Ȳᵀ Ȳ + λI of the centred features,
///
///     max w_xᵀ·C·w_y   subject to   w_xᵀC_xx w_x = w_yᵀC_yy w_y = 1,
///
/// whose stationary points are the generalized eigenpairs of the symmetric pencil
///
///     [0 C; Cᵀ 0]·[w_x; w_y] = σ·[C_xx 0; 0 C_yy]·[w_x; w_y]
///
/// (the paper's C·C_yy⁻¹·Cᵀ·w_x = σ²·C_xx·w_x, w_y = C_yy⁻¹Cᵀw_x/σ), the maximum being the top
/// eigenvalue σ. Solved in Double without inverses: each Gram matrix once by a symmetric
/// eigendecomposition C_xx = E·Λ·Eᵀ (all eigenvalues at least λ), whose factor F = E·Λ^{1/2}
/// (C_xx = F·Fᵀ) whitens: with p = Fᵀw_x, q = F_yᵀw_y the problem is the top singular pair of
///
///     M = F_x⁻¹·C·F_y⁻ᵀ = Z_x·Z_yᵀ,   Z_x = Λ_x^{-1/2}E_xᵀ·P (d_x × m),  Z_y = Λ_y^{-1/2}E_yᵀ·Q,
///
/// and w_x = E_x·Λ_x^{-1/2}·p, w_y likewise. M is never formed (it would be d_x × d_y, and its
/// SVD O(d_x·d_y·min(d_x, d_y)) per bit): with the thin SVDs Z_x = U_x·S_x·V_xᵀ and Z_y = U_y·S_y·V_yᵀ
/// (O(d·m²)), M = U_x·(S_xV_xᵀV_yS_y)·U_yᵀ, and the SVD of that small core (at most m × m) gives
/// the singular triples of M as (U_x·a, σ, U_y·b). At most min(d_x, d_y, m) of them.
///
/// Each pair (w_x, w_y) is fixed only up to a common sign (which flips a bit in both
/// modalities and leaves every cross-modal distance as it was); it is turned so that the
/// entry of w_x of largest magnitude (the first such) is positive, so that the codes do not
/// depend on which signs LAPACK gave the singular vectors, nor the eigenvectors in E.
struct SCMEigenproblem {
    /// E_x·Λ_x^{-1/2} and E_y·Λ_y^{-1/2} (F⁻ᵀ for each modality; d × d).
    private let whitening: (x: Matrix<Double>, y: Matrix<Double>)

    /// The whitening of C_xx = `x`ᵀ`x` + λI and C_yy = `y`ᵀ`y` + λI, λ = `ridge`.
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` naming `method` when an
    ///   eigendecomposition fails or a regularised Gram matrix is not positive definite
    ///   (λ = 0 and rank-deficient features).
    init(x: Matrix<Double>, y: Matrix<Double>, ridge: Double, method: String) throws {
        whitening = (try Self.whitening(x.transposedProduct(), ridge: ridge, method: method),
                     try Self.whitening(y.transposedProduct(), ridge: ridge, method: method))
    }

    /// The leading `count` generalized eigenpairs of the cross term `left`·`right`ᵀ:
    /// W_x (d_x × count), W_y (d_y × count) and σ₁ ≥ … ≥ σ_count. `count` must not exceed
    /// min(d_x, d_y, m).
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` when an SVD fails (NaN or
    ///   infinite input).
    func leading(_ count: Int, left: Matrix<Double>, right: Matrix<Double>, method: String) throws
        -> (x: Matrix<Double>, y: Matrix<Double>, values: [Double]) {
        precondition(left.columns == right.columns,
                     "SCMEigenproblem: factors of \(left.columns) and \(right.columns) columns")
        do {
            let (ux, sx, vxt) = try Matrix.product(whitening.x, left, transposeA: true).singularValueDecomposition()
            let (uy, sy, vyt) = try Matrix.product(whitening.y, right, transposeA: true).singularValueDecomposition()
            let core = Matrix.product(Self.scalingRows(vxt, by: sx), Self.scalingRows(vyt, by: sy), transposeB: true)
            let (a, values, bt) = try core.singularValueDecomposition()
            precondition(count <= values.count, "SCMEigenproblem: \(count) pairs of a rank-\(values.count) core")
            var wx = Matrix.product(whitening.x, Matrix.product(ux, Self.leadingColumns(a, count)))
            var wy = Matrix.product(whitening.y, Matrix.product(uy, Self.leadingColumns(bt.transposed(), count)))
            for pair in 0..<count {
                var largest = 0
                for row in 1..<wx.rows where abs(wx[row, pair]) > abs(wx[largest, pair]) { largest = row }
                guard wx[largest, pair] < 0 else { continue }
                for row in 0..<wx.rows { wx[row, pair] = -wx[row, pair] }
                for row in 0..<wy.rows { wy[row, pair] = -wy[row, pair] }
            }
            return (wx, wy, Array(values.prefix(count)))
        } catch {
            throw TrainingError.numerical(method: method, step: "generalized eigenproblem", reason: "\(error)")
        }
    }

    /// E·Λ^{-1/2} for G + λI = E·Λ·Eᵀ.
    private static func whitening(_ gram: Matrix<Double>, ridge: Double, method: String) throws -> Matrix<Double> {
        var regularised = gram
        for index in 0..<regularised.rows { regularised[index, index] += ridge }
        return try EigenWhitening(regularised, method: method, step: "whitening", what: "a regularised Gram matrix")
            .transform
    }

    /// diag(`factors`)·A for the first `factors.count` rows of A.
    private static func scalingRows(_ matrix: Matrix<Double>, by factors: [Double]) -> Matrix<Double> {
        var result = Matrix<Double>.zeros(rows: factors.count, columns: matrix.columns)
        for row in 0..<factors.count {
            for column in 0..<matrix.columns { result[row, column] = factors[row] * matrix[row, column] }
        }
        return result
    }

    /// The first `count` columns of `matrix`.
    private static func leadingColumns(_ matrix: Matrix<Double>, _ count: Int) -> Matrix<Double> {
        var result = Matrix<Double>.zeros(rows: matrix.rows, columns: count)
        for row in 0..<matrix.rows {
            for column in 0..<count { result[row, column] = matrix[row, column] }
        }
        return result
    }
}
