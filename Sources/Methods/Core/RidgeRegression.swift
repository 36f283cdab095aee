import Linalg

/// Ridge regression, the hash-function step of the kernel methods: the P minimising
/// ‖X·P − T‖² + δ‖P‖², i.e. P = (XᵀX + δI)⁻¹XᵀT, by a Cholesky solve. The Gram
/// matrix XᵀX is computed once (``init(features:ridge:)``) and reused for every target.
public struct RidgeRegression: Sendable {
    /// The features X (N × m).
    public let features: Matrix<Float>
    /// XᵀX + δI (m × m).
    public let regularisedGram: Matrix<Float>

    public init(features: Matrix<Float>, ridge: Double) {
        self.features = features
        var gram = features.transposedProduct()
        for index in 0..<gram.rows { gram[index, index] += Float(ridge) }
        regularisedGram = gram
    }

    /// P = (XᵀX + δI)⁻¹XᵀT for targets T (N × K).
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` when XᵀX + δI is not
    ///   positive definite (δ = 0 and rank-deficient features).
    public func solve(_ targets: Matrix<Float>, method: String) throws -> Matrix<Float> {
        do {
            return try regularisedGram.solvingPositiveDefinite(Matrix.product(features, targets, transposeA: true))
        } catch {
            throw TrainingError.numerical(method: method, step: "ridge regression", reason: "\(error)")
        }
    }
}
