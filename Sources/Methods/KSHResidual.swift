import HashCore
import Linalg

/// KSH's residual R_k = K·S₀ − Σ_{j≤k} b_j·b_jᵀ (l × l) as an operator: applied through
/// the labels (``LabelSimilarity``) and the bits learned so far, at O(l·(C + k)) per
/// column instead of the l² of the formed matrix, so that the refinement's many
/// products R·φ stay cheap.
struct KSHResidual {
    let similarity: LabelSimilarity
    /// K, the code length: R₀ = K·S₀.
    let scale: Double
    /// Bᵀ (k × l): the learned bits, one row each.
    private var transposedCodes: Matrix<Double>?
    /// ‖R_k‖²_F.
    private(set) var squaredNorm: Double

    /// R₀ = K·S₀ for `bits` = K. ‖S₀‖²_F comes from the C × C label products: with
    /// S₀ = r_d·11ᵀ + δ·YYᵀ (δ = r_s − r_d) over N items,
    /// ‖S₀‖² = r_d²N² + 2r_dδ‖Yᵀ1‖² + δ²‖YᵀY‖²_F.
    init(similarity: LabelSimilarity, bits: Int) {
        self.similarity = similarity
        scale = Double(bits)
        transposedCodes = nil
        let labels = similarity.labels.map(Double.init)
        let (different, delta) = (similarity.different, similarity.same - similarity.different)
        let count = Double(labels.rows)
        let perLabel = labels.columnSums().reduce(0.0) { $0 + $1 * $1 }
        let gram = SignMatrix.squaredNorm(labels.transposedProduct())
        squaredNorm = scale * scale
            * (different * different * count * count + 2 * different * delta * perLabel + delta * delta * gram)
    }

    /// R_k·X for an l × n matrix X.
    func apply(_ x: Matrix<Double>) -> Matrix<Double> {
        let similar = similarity.apply(x) * scale
        guard let transposedCodes else { return similar }
        return similar - Matrix.product(transposedCodes, Matrix.product(transposedCodes, x), transposeA: true)
    }

    /// bᵀ·R_k·b.
    func quadratic(_ b: Matrix<Double>) -> Double {
        zip(b.elements, apply(b).elements).reduce(0.0) { $0 + $1.0 * $1.1 }
    }

    /// R_{k+1} = R_k − b·bᵀ for a ±1 column b, with ‖R_{k+1}‖² = ‖R_k‖² − 2bᵀR_k b + l².
    mutating func subtract(_ b: Matrix<Double>) {
        squaredNorm += -2 * quadratic(b) + Double(b.rows * b.rows)
        let row = Matrix(rows: 1, columns: b.rows, elements: b.elements)
        if let codes = transposedCodes {
            transposedCodes = Matrix(rows: codes.rows + 1, columns: codes.columns, elements: codes.elements + row.elements)
        } else {
            transposedCodes = row
        }
    }
}
