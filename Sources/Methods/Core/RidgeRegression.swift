import Linalg

/// Ridge regression with an unpenalised intercept, the hash-function step of the kernel
/// methods: the P and c minimising ‖X·P + 1cᵀ − T‖² + δ‖P‖².
///
/// Setting the gradient in c to zero gives c = t̄ − Pᵀx̄ (t̄, x̄ the column means of
/// T and X), and then P = (X̄ᵀX̄ + δI)⁻¹X̄ᵀT with X̄ = X − 1x̄ᵀ the centred features
/// (X̄ᵀ1 = 0, so centring T as well changes nothing). The fit's predictions on the
/// training items therefore have the column means of T: without c, centred features
/// force every predicted bit to mean zero whatever the targets' balance. The Gram
/// matrix X̄ᵀX̄ is computed once (``init(features:ridge:)``) and reused for every
/// target, by a Cholesky solve, in the features' precision.
public struct RidgeRegression<Scalar: BLASScalar>: Sendable {
    /// The centred features X̄ (N × m).
    public let centredFeatures: Matrix<Scalar>
    /// The column means x̄ of the features.
    public let featureMeans: [Scalar]
    /// X̄ᵀX̄ + δI (m × m).
    public let regularisedGram: Matrix<Scalar>

    public init(features: Matrix<Scalar>, ridge: Double) {
        featureMeans = features.columnMeans()
        centredFeatures = features.centred(by: featureMeans)
        var gram = centredFeatures.transposedProduct()
        for index in 0..<gram.rows { gram[index, index] += Scalar(ridge) }
        regularisedGram = gram
    }

    /// P = (X̄ᵀX̄ + δI)⁻¹X̄ᵀT and c = t̄ − Pᵀx̄ for targets T (N × K).
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` when X̄ᵀX̄ + δI is not
    ///   positive definite (δ = 0 and rank-deficient features).
    public func solve(_ targets: Matrix<Scalar>, method: String) throws -> AffineProjection<Scalar> {
        let projection: Matrix<Scalar>
        do {
            projection = try regularisedGram.solvingPositiveDefinite(
                Matrix.product(centredFeatures, targets, transposeA: true))
        } catch {
            throw TrainingError.numerical(method: method, step: "ridge regression", reason: "\(error)")
        }
        let shift = Matrix.product(Matrix(rows: 1, columns: featureMeans.count, elements: featureMeans), projection)
        let offset = zip(targets.columnMeans(), shift.elements).map { $0 - $1 }
        return AffineProjection(projection: projection, offset: offset)
    }
}
