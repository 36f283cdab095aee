import Linalg

/// The whitening of a symmetric positive definite matrix A = E·Λ·Eᵀ (in Double):
/// `transform` = E·Λ^{-1/2}, so that transformᵀ·A·transform = I, and the eigenvectors E,
/// so that A^{-1/2} = E·Λ^{-1/2}·Eᵀ (``inverseSquareRoot``). CCA-ITQ and SCM whiten their
/// regularised covariances with it.
struct EigenWhitening {
    let transform: Matrix<Double>
    let eigenvectors: Matrix<Double>

    /// Whitens `matrix`; `method`, `step` and `what` (e.g. "a regularised covariance")
    /// name it in errors.
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` when the
    ///   eigendecomposition fails or an eigenvalue is not positive.
    init(_ matrix: Matrix<Double>, method: String, step: String, what: String) throws {
        let (values, vectors): ([Double], Matrix<Double>)
        do {
            (values, vectors) = try matrix.symmetricEigendecomposition()
        } catch {
            throw TrainingError.numerical(method: method, step: step, reason: "\(error)")
        }
        guard let smallest = values.first, smallest > 0 else {
            throw TrainingError.numerical(method: method, step: step,
                                          reason: "\(what) is not positive definite "
                                              + "(smallest eigenvalue \(values.first ?? 0))")
        }
        var scaled = vectors
        for row in 0..<scaled.rows {
            for column in 0..<scaled.columns { scaled[row, column] /= values[column].squareRoot() }
        }
        transform = scaled
        eigenvectors = vectors
    }

    /// A^{-1/2} = E·Λ^{-1/2}·Eᵀ.
    var inverseSquareRoot: Matrix<Double> { Matrix.product(transform, eigenvectors, transposeB: true) }
}
