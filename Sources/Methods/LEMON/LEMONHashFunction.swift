import HashCore
import Linalg

/// LEMON's hash function of one modality (Eqs. 24–28) and the sums it is solved from:
/// the W_m minimising ‖B − W_mX_m‖² + ξ‖W_m‖² over every absorbed item,
/// W_m = H_m(F_m + ξI)⁻¹ with H_m = ΣBX_mᵀ and F_m = ΣX_mX_mᵀ, kept here as their
/// transposes for items as rows: W_mᵀ = (F_m + ξI)⁻¹H_mᵀ (d × r). A query's code is
/// sgn(x·W_mᵀ). Features are uncentred and there is no intercept, as in the paper.
///
/// Everything is in Double: the sums of Float features' products, the Cholesky solve and
/// the values whose signs are the codes, so query codes do not depend on the BLAS
/// kernels' rounding. A chunk of n items costs O(n·d² + d³): its Gram XᵀX, added to
/// the sums in place, and one Cholesky solve.
struct LEMONHashFunction: Sendable {
    /// H_mᵀ = Σ X_mᵀB (d × r).
    let featureCodeSums: Matrix<Double>
    /// F_m + ξI (d × d), the Gram regularised once, so a round adds its chunk and solves.
    let regularisedGram: Matrix<Double>
    /// W_mᵀ (d × r).
    let projection: Matrix<Double>

    /// The hash function after `features` (n × d) with their learned `codes` (n × r),
    /// added to the sums of `previous` (the items before them; nil for none).
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` when F_m + ξI is not
    ///   positive definite (ξ = 0 and fewer independent items than dimensions).
    init(_ features: Matrix<Float>, codes: Matrix<Double>, after previous: LEMONHashFunction?, ridge: Double,
         modality: String) throws {
        precondition(previous.map { features.columns == $0.regularisedGram.rows } ?? true,
                     "LEMON: \(modality) has \(features.columns) dimensions, in the first chunk "
                         + "\(previous?.regularisedGram.rows ?? 0)")
        let values = features.map(Double.init)
        let codeSums = Matrix.product(values, codes, transposeA: true)
        featureCodeSums = previous.map { $0.featureCodeSums + codeSums } ?? codeSums
        var gram = values.transposedProduct()
        if let previous {
            gram.elements.withUnsafeMutableBufferPointer { sum in
                previous.regularisedGram.elements.withUnsafeBufferPointer { earlier in
                    for index in sum.indices { sum[index] += earlier[index] }
                }
            }
        } else {
            for index in 0..<gram.rows { gram[index, index] += ridge }
        }
        regularisedGram = gram
        do {
            projection = try gram.solvingPositiveDefinite(featureCodeSums)
        } catch {
            throw TrainingError.numerical(method: LEMON.name, step: "hash function of \(modality)", reason: "\(error)")
        }
    }

    /// sgn(x·W_mᵀ) for the rows x of `features`.
    func encode(_ features: Matrix<Float>, modality: String) throws -> BinaryCodes {
        precondition(features.columns == projection.rows,
                     "LEMON: \(modality) features have \(features.columns) dimensions, trained on \(projection.rows)")
        return try BinaryCodes(signsOf: Matrix.product(features.map(Double.init), projection))
    }
}
