import Linalg

/// SCM-Seq's residual after k bits (Zhang and Li 2014),
///
///     R_k = c·S̃ − Σ_{j<k} b_x,j·b_y,jᵀ   (N × N),   S̃ = (r_s − r_d)·ŨŨᵀ + r_d·11ᵀ,
///
/// with c the code length, Ũ the unit label vectors (``UnitLabelVectors``) and b_x,j =
/// sgn(X̄w_x,j), b_y,j = sgn(Ȳw_y,j) the codes of the bits learned so far, kept as what the
/// bits need of it and never formed:
///
/// - its cross term in feature space, as two factors of m = C + 1 + k columns,
///
///       X̄ᵀR_kȲ = P_k·Q_kᵀ,   P_k = [c(r_s − r_d)·X̄ᵀŨ,  c·r_d·X̄ᵀ1,  −X̄ᵀb_x,0, …, −X̄ᵀb_x,k−1]   (d_x × m)
///                             Q_k = [ȲᵀŨ,  Ȳᵀ1,  Ȳᵀb_y,0, …, Ȳᵀb_y,k−1]                  (d_y × m)
///
///   (the authors' update X̄ᵀR_kȲ = X̄ᵀR_{k−1}Ȳ − (X̄ᵀb_x)(Ȳᵀb_y)ᵀ, kept factored): O(N·d·(C + 1))
///   once and O(N·d) per bit, where forming X̄ᵀS̃Ȳ through S̃ would cost O(N²·d). With the
///   training means removed X̄ᵀ1 = Ȳᵀ1 = 0 up to rounding, so r_d does not act on the bits;
/// - ‖R_k‖²_F, the paper's objective ‖c·S̃ − B_xB_yᵀ‖²_F for the first k bits,
///   from C × C and k × k products: with δ = r_s − r_d,
///
///       ‖S̃‖²_F = δ²‖ŨᵀŨ‖²_F + 2δ·r_d‖Ũᵀ1‖² + r_d²N²,
///       ‖R_{k+1}‖²_F = ‖R_k‖²_F − 2·b_xᵀR_kb_y + N²,
///       b_xᵀR_kb_y = c·(δ·(Ũᵀb_x)ᵀ(Ũᵀb_y) + r_d·(1ᵀb_x)(1ᵀb_y)) − Σ_{j<k} (b_x,jᵀb_x)(b_y,jᵀb_y).
struct SCMResidual {
    /// c, the code length: R₀ = c·S̃.
    let scale: Double
    /// r_s and r_d.
    let same, different: Double
    /// P_k (d_x × m).
    private(set) var left: Matrix<Double>
    /// Q_k (d_y × m).
    private(set) var right: Matrix<Double>
    /// ‖R_k‖²_F.
    private(set) var squaredNorm: Double
    /// B_xᵀ and B_yᵀ (k × N): the codes of the bits learned so far, one row each.
    private(set) var codes: (x: Matrix<Double>, y: Matrix<Double>)
    /// X̄ and Ȳ (N × d_x, N × d_y).
    private let features: (x: Matrix<Double>, y: Matrix<Double>)
    /// Ũ (N × C).
    private let embedding: Matrix<Double>

    /// R₀ = `bits`·S̃ for features `x`, `y` (row-aligned; SCM passes them centred, the
    /// factors hold for any) and unit label vectors `embedding`, with S̃'s values (r_s, r_d) =
    /// (`same`, `different`).
    init(x: Matrix<Double>, y: Matrix<Double>, embedding: Matrix<Double>, same: Double, different: Double, bits: Int) {
        precondition(x.rows == y.rows && x.rows == embedding.rows,
                     "SCMResidual: \(x.rows), \(y.rows) and \(embedding.rows) rows")
        scale = Double(bits)
        self.same = same
        self.different = different
        features = (x, y)
        self.embedding = embedding
        let delta = same - different
        let ones = Matrix<Double>(rows: x.rows, columns: 1, repeating: 1)
        let labelled = [embedding, ones]
        left = Self.joined(zip(labelled, [scale * delta, scale * different]).map { part, weight in
            Matrix.product(x, part, transposeA: true, alpha: weight)
        })
        right = Self.joined(labelled.map { Matrix.product(y, $0, transposeA: true) })
        codes = (.zeros(rows: 0, columns: x.rows), .zeros(rows: 0, columns: x.rows))
        let count = Double(x.rows)
        let perLabel = embedding.columnSums().reduce(0.0) { $0 + $1 * $1 }
        let gram = SignMatrix.squaredNorm(embedding.transposedProduct())
        squaredNorm = scale * scale
            * (delta * delta * gram + 2 * delta * different * perLabel + different * different * count * count)
    }

    /// b_xᵀR_kb_y for ±1 columns `bx`, `by` (N × 1).
    func bilinear(_ bx: Matrix<Double>, _ by: Matrix<Double>) -> Double {
        let labels = zip(Matrix.product(embedding, bx, transposeA: true).elements,
                         Matrix.product(embedding, by, transposeA: true).elements).reduce(0.0) { $0 + $1.0 * $1.1 }
        let sums = bx.elements.reduce(0, +) * by.elements.reduce(0, +)
        let learned = zip(Matrix.product(codes.x, bx).elements, Matrix.product(codes.y, by).elements)
            .reduce(0.0) { $0 + $1.0 * $1.1 }
        return scale * ((same - different) * labels + different * sums) - learned
    }

    /// R_{k+1} = R_k − b_x·b_yᵀ for the codes `bx`, `by` (N × 1, ±1) of bit k.
    mutating func subtract(_ bx: Matrix<Double>, _ by: Matrix<Double>) {
        squaredNorm += -2 * bilinear(bx, by) + Double(bx.rows * bx.rows)
        left = Self.joined([left, Matrix.product(features.x, bx, transposeA: true, alpha: -1)])
        right = Self.joined([right, Matrix.product(features.y, by, transposeA: true)])
        codes = (codes.x.appendingRows(bx.transposed()), codes.y.appendingRows(by.transposed()))
    }

    /// The columns of `parts` side by side (all with the same rows).
    private static func joined(_ parts: [Matrix<Double>]) -> Matrix<Double> {
        let rows = parts[0].rows
        let columns = parts.reduce(0) { $0 + $1.columns }
        var result = Matrix<Double>.zeros(rows: rows, columns: columns)
        var offset = 0
        for part in parts {
            for row in 0..<rows {
                for column in 0..<part.columns { result[row, offset + column] = part[row, column] }
            }
            offset += part.columns
        }
        return result
    }
}
