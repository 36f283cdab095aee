import HashCore
import Linalg

/// The data and weights of one ASZH training problem, with the closed-form P- and
/// W-steps and the objective (see ``ASZH`` for the formulation). N items, m kernel
/// features, C classes, K bits.
struct ASZHProblem {
    /// Φ(X), centred kernel features (N × m).
    let phi: Matrix<Float>
    /// Y (N × C, 0/1).
    let labels: Matrix<Float>
    /// S = r_d·11ᵀ + (r_s − r_d)·YYᵀ as an operator.
    let similarity: LabelSimilarity
    let bits: Int
    let lambda: Double
    let alpha: Double
    let beta: Double
    let gamma: Double
    let mu: Double
    /// ‖S‖²_F, in closed form.
    let similarityNorm: Double
    private let regression: RidgeRegression<Float>

    init(phi: Matrix<Float>, labels: Matrix<Float>, ratio: SimilarityRatio, bits: Int,
         lambda: Double, alpha: Double, beta: Double, gamma: Double, mu: Double) {
        self.phi = phi
        self.labels = labels
        similarity = LabelSimilarity(labels: labels, ratio: ratio)
        self.bits = bits
        self.lambda = lambda
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.mu = mu
        regression = RidgeRegression(features: phi, ridge: beta / lambda)
        similarityNorm = Self.squaredNorm(of: similarity)
    }

    var count: Int { phi.rows }

    /// ‖S‖²_F = r_d²N² + 2r_d(r_s − r_d)‖Yᵀ1‖² + (r_s − r_d)²‖YᵀY‖²_F, without the N × N matrix.
    static func squaredNorm(of similarity: LabelSimilarity) -> Double {
        let labels = similarity.labels
        let (rs, rd) = (similarity.same, similarity.different)
        let count = Double(labels.rows)
        let perClass = labels.columnSums().reduce(0.0) { $0 + Double($1) * Double($1) }
        let gram = labels.transposedProduct().elements.reduce(0.0) { $0 + Double($1) * Double($1) }
        return rd * rd * count * count + 2 * rd * (rs - rd) * perClass + (rs - rd) * (rs - rd) * gram
    }

    /// P = (λΦ̄ᵀΦ̄ + βI)⁻¹λΦ̄ᵀB with its intercept c = b̄ − Pᵀφ̄ (``RidgeRegression``).
    func projection(for codes: Matrix<Float>) throws -> AffineProjection<Float> {
        try regression.solve(codes, method: ASZH.name)
    }

    /// W = (γYᵀY + μI)⁻¹γYᵀB (zero when γ = 0).
    func classifier(for codes: Matrix<Float>) throws -> Matrix<Float> {
        guard gamma > 0 else { return .zeros(rows: labels.columns, columns: codes.columns) }
        var gram = labels.transposedProduct()
        for index in 0..<gram.rows { gram[index, index] += Float(mu / gamma) }
        do {
            return try gram.solvingPositiveDefinite(Matrix.product(labels, codes, transposeA: true))
        } catch {
            throw TrainingError.numerical(method: ASZH.name, step: "W-step", reason: "\(error)")
        }
    }

    /// λ‖ΦP + 1cᵀ − B‖² + β‖P‖² + γ‖YW − B‖² + μ‖W‖²: the terms shared by every formulation.
    func regressionTerms(codes: Matrix<Float>, projection: AffineProjection<Float>, classifier: Matrix<Float>) -> Double {
        lambda * SignMatrix.squaredDistance(projection.apply(phi), codes)
            + beta * SignMatrix.squaredNorm(projection.projection)
            + gamma * SignMatrix.squaredDistance(Matrix.product(labels, classifier), codes)
            + mu * SignMatrix.squaredNorm(classifier)
    }

    /// ‖K·S − B·Zᵀ‖²_F = K²‖S‖² − 2K⟨B, S·Z⟩ + ⟨BᵀB, ZᵀZ⟩ (Z = B for the discrete solver),
    /// with ⟨B, S·Z⟩ = (r_s − r_d)·⟨YᵀB, YᵀZ⟩ + r_d·(Bᵀ1)ᵀ(Zᵀ1), all in Double.
    ///
    /// The three terms are of order K²N² and cancel to a value many times smaller, so
    /// Float products (relative error ~1e-7) made the recorded objective rise and fall
    /// by tens at 2·10⁹ between iterations that changed nothing. In Double the error is
    /// ~1e-16·K²N², far below any real step.
    func similarityTerm(codes: Matrix<Float>, relaxed: Matrix<Float>) -> Double {
        let k = Double(bits)
        let b = codes.map(Double.init)
        let z = relaxed.map(Double.init)
        let y = labels.map(Double.init)
        let (rs, rd) = (similarity.same, similarity.different)
        let cross = (rs - rd) * Self.inner(Matrix.product(y, b, transposeA: true), Matrix.product(y, z, transposeA: true))
            + rd * zip(b.columnSums(), z.columnSums()).reduce(0.0) { $0 + $1.0 * $1.1 }
        return k * k * similarityNorm - 2 * k * cross + Self.inner(b.transposedProduct(), z.transposedProduct())
    }

    /// ⟨A, B⟩ = Σ a_ij·b_ij, accumulated in Double.
    static func inner<Scalar: BinaryFloatingPoint>(_ a: Matrix<Scalar>, _ b: Matrix<Scalar>) -> Double {
        zip(a.elements, b.elements).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// ‖Mᵀ1‖², the squared column sums (the bit imbalance of codes).
    static func squaredColumnSums<Scalar: BLASScalar>(_ m: Matrix<Scalar>) -> Double {
        m.columnSums().reduce(0.0) { $0 + Double($1) * Double($1) }
    }
}
