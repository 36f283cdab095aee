import Linalg

/// Canonical correlation analysis (Hotelling 1936) of two row-aligned, centred views
/// X (N × d_x) and Y (N × d_y), with ridge ε on each view's covariance:
///
///     Σ_xx = XᵀX/(N − 1) + εI,   Σ_yy = YᵀY/(N − 1) + εI,   Σ_xy = XᵀY/(N − 1)
///     max w_xᵀΣ_xy w_y  subject to  w_xᵀΣ_xx w_x = w_yᵀΣ_yy w_y = 1
///
/// (the normalisation by N − 1 and the ε on the covariances are Gong et al.'s `cca.m`).
/// Solved without the generalized eigenproblem Σ_xy Σ_yy⁻¹ Σ_yx w = ρ² Σ_xx w, whose
/// explicit inverses square the conditioning: each covariance is whitened by its inverse
/// square root from a symmetric eigendecomposition, Σ^{-1/2} = E·Λ^{-1/2}·Eᵀ (all
/// eigenvalues are at least ε), and the whitened cross-covariance
///
///     M = Σ_xx^{-1/2}·Σ_xy·Σ_yy^{-1/2} = P·diag(ρ)·Qᵀ   (thin SVD)
///
/// gives W_x = Σ_xx^{-1/2}·P and W_y = Σ_yy^{-1/2}·Q. Then W_xᵀΣ_xxW_x = W_yᵀΣ_yyW_y = I
/// and W_xᵀΣ_xyW_y = diag(ρ), ρ₁ ≥ ρ₂ ≥ … ≥ 0 the canonical correlations (at most
/// min(d_x, d_y) of them). Everything is in Double.
///
/// The SVD fixes each pair (p_k, q_k) only up to a common sign; the pair is turned so
/// that the entry of p_k of largest magnitude (the first such) is positive, so the
/// directions do not depend on which signs LAPACK happened to produce.
struct CanonicalCorrelation {
    /// W_x (d_x × count).
    let x: Matrix<Double>
    /// W_y (d_y × count).
    let y: Matrix<Double>
    /// ρ₁ ≥ … ≥ ρ_count.
    let correlations: [Double]

    /// The leading `count` (≤ min(d_x, d_y)) canonical pairs of `x` and `y` (centred).
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` naming `method` when a
    ///   decomposition fails or a regularised covariance is not positive definite
    ///   (ε = 0 and rank-deficient features).
    init(x: Matrix<Double>, y: Matrix<Double>, regularisation: Double, count: Int, method: String) throws {
        precondition(x.rows == y.rows, "CanonicalCorrelation: \(x.rows) and \(y.rows) rows")
        precondition(count <= min(x.columns, y.columns),
                     "CanonicalCorrelation: \(count) pairs of \(x.columns)- and \(y.columns)-d views")
        let scale = 1 / Double(max(1, x.rows - 1))
        let whitenX = try Self.inverseSquareRoot(Self.regularised(x.transposedProduct(), scale, regularisation),
                                                 method: method)
        let whitenY = try Self.inverseSquareRoot(Self.regularised(y.transposedProduct(), scale, regularisation),
                                                 method: method)
        let cross = Matrix.product(x, y, transposeA: true, alpha: scale)
        let whitened = Matrix.product(Matrix.product(whitenX, cross), whitenY)
        let (p, singularValues, qt): (Matrix<Double>, [Double], Matrix<Double>)
        do {
            (p, singularValues, qt) = try whitened.singularValueDecomposition()
        } catch {
            throw TrainingError.numerical(method: method, step: "CCA", reason: "\(error)")
        }
        var left = Matrix<Double>.zeros(rows: p.rows, columns: count)
        var right = Matrix<Double>.zeros(rows: qt.columns, columns: count)
        for pair in 0..<count {
            var largest = 0
            for row in 1..<p.rows where abs(p[row, pair]) > abs(p[largest, pair]) { largest = row }
            let sign: Double = p[largest, pair] < 0 ? -1 : 1
            for row in 0..<p.rows { left[row, pair] = sign * p[row, pair] }
            for row in 0..<qt.columns { right[row, pair] = sign * qt[pair, row] }
        }
        self.x = Matrix.product(whitenX, left)
        self.y = Matrix.product(whitenY, right)
        correlations = Array(singularValues.prefix(count))
    }

    /// scale·G + εI.
    private static func regularised(_ gram: Matrix<Double>, _ scale: Double, _ ridge: Double) -> Matrix<Double> {
        var result = gram.scaled(by: scale)
        for index in 0..<result.rows { result[index, index] += ridge }
        return result
    }

    /// A^{-1/2} for a regularised covariance A.
    private static func inverseSquareRoot(_ matrix: Matrix<Double>, method: String) throws -> Matrix<Double> {
        try EigenWhitening(matrix, method: method, step: "CCA", what: "a regularised covariance").inverseSquareRoot
    }
}
