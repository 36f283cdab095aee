import Linalg

/// ITQ's rotation step (Gong and Lazebnik, CVPR 2011, §2.3): for projected, centred data
/// V (N × K), the alternation on
///
///     min_{B, R} ‖B − V·R‖²_F,  RᵀR = I,  B ∈ {±1}^{N×K}
///
/// B = sgn(V·R) (sign(0) = +1); then R from the orthogonal Procrustes problem: with the
/// SVD BᵀV = U·Σ·Ŭᵀ (K × K), R = Ŭ·Uᵀ. Each step minimises the objective exactly, so
/// the quantization loss ‖B − V·R‖²_F is non-increasing; it is recorded per iteration
/// with the number of entries of B that changed. R starts as a Haar-random orthogonal
/// matrix drawn from the generator. ITQ runs it on PCA projections, CCA-ITQ on the
/// stacked CCA projections of two modalities; both in Double, because B is a sign of V·R.
struct IterativeQuantization {
    /// R (K × K, orthogonal).
    let rotation: Matrix<Double>
    /// B = sgn(V·R) for the final R.
    let codes: Matrix<Double>
    /// Per iteration: ‖B − V·R‖²_F after the iteration, and the entries of B that changed.
    let iterations: [TrainingDiagnostics.Iteration]

    /// Runs `iterations` alternations on `projected` (V).
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` naming `method` when an
    ///   SVD fails (NaN or infinite input).
    init(_ projected: Matrix<Double>, iterations count: Int, method: String,
         generator: inout SeededGenerator) throws {
        var rotation = generator.orthonormalMatrix(rows: projected.columns, columns: projected.columns, as: Double.self)
        var codes = SignMatrix.signs(Matrix.product(projected, rotation))
        var iterations: [TrainingDiagnostics.Iteration] = []
        for _ in 0..<count {
            let (u, _, vt): (Matrix<Double>, [Double], Matrix<Double>)
            do {
                (u, _, vt) = try Matrix.product(codes, projected, transposeA: true).singularValueDecomposition()
            } catch {
                throw TrainingError.numerical(method: method, step: "decomposition", reason: "\(error)")
            }
            rotation = Matrix.product(vt, u, transposeA: true, transposeB: true)
            let rotated = Matrix.product(projected, rotation)
            let next = SignMatrix.signs(rotated)
            iterations.append(.init(objective: SignMatrix.squaredDistance(next, rotated),
                                    bitsChanged: SignMatrix.changes(next, codes)))
            codes = next
        }
        self.rotation = rotation
        self.codes = codes
        self.iterations = iterations
    }
}
