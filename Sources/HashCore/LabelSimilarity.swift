import Linalg

/// The label-similarity operator of the pairwise methods: S = r_d·11ᵀ + (r_s − r_d)·YYᵀ
/// for labels Y (N × C, 0/1), applied to matrices without forming the N × N matrix:
///
///     S·M = (r_s − r_d)·Y(YᵀM) + r_d·1(1ᵀM)
///
/// at O(N·C·k) for an N × k matrix M. For single-label data S_ij is r_s when items i
/// and j share their class and r_d otherwise. For multi-label data (YYᵀ)_ij counts the
/// shared labels, so pairs sharing m labels get r_d + m·(r_s − r_d): the operator the
/// methods' objectives are written with, a graded version of the indicator.
public struct LabelSimilarity: Sendable {
    /// The labels as Float (N × C).
    public let labels: Matrix<Float>
    /// r_s, for pairs that share a label.
    public let same: Double
    /// r_d, for pairs that share none.
    public let different: Double

    /// The operator for `labels` (0/1, N × C) and `ratio`; `.zeroMean` is resolved on
    /// these labels (``similarPairFraction(_:)``).
    public init(labels: Matrix<Float>, ratio: SimilarityRatio) {
        self.labels = labels
        (same, different) = ratio.resolved(similarPairFraction: Self.similarPairFraction(labels))
    }

    /// The fraction of ordered pairs (self-pairs included) that share a label, exactly:
    /// Σ_c n_c² / N² for single-label data, otherwise by testing all N² pairs of packed
    /// label words (about 0.1 s for 10,000 items).
    public static func similarPairFraction(_ labels: Matrix<Float>) -> Double {
        let count = labels.rows
        guard count > 0 else { return 0 }
        let singleLabel = (0..<count).allSatisfy { item in
            labels.row(item).reduce(0, +) == 1
        }
        if singleLabel {
            var perClass = [Double](repeating: 0, count: labels.columns)
            for item in 0..<count {
                for column in 0..<labels.columns where labels[item, column] != 0 { perClass[column] += 1 }
            }
            return perClass.reduce(0) { $0 + $1 * $1 } / Double(count * count)
        }
        let words = (labels.columns + 63) / 64
        var packed = [UInt64](repeating: 0, count: count * words)
        for item in 0..<count {
            for column in 0..<labels.columns where labels[item, column] != 0 {
                packed[item * words + column / 64] |= 1 << UInt64(column % 64)
            }
        }
        var shared = 0
        packed.withUnsafeBufferPointer { packed in
            for i in 0..<count {
                for j in 0..<count {
                    var overlap: UInt64 = 0
                    for word in 0..<words { overlap |= packed[i * words + word] & packed[j * words + word] }
                    shared += overlap != 0 ? 1 : 0
                }
            }
        }
        return Double(shared) / Double(count * count)
    }

    /// S·M for an N × k matrix M, in M's precision.
    public func apply<Scalar: BLASScalar>(_ m: Matrix<Scalar>) -> Matrix<Scalar> {
        precondition(m.rows == labels.rows, "LabelSimilarity.apply: M has \(m.rows) rows, labels \(labels.rows)")
        let y = labels.map { Scalar($0) }
        let projected = Matrix.product(y, m, transposeA: true)                    // YᵀM, C × k
        var result = Matrix.product(y, projected, alpha: Scalar(same - different)) // (r_s − r_d)·Y(YᵀM)
        let columnSums = m.columnSums()
        let rd = Scalar(different)
        result.elements.withUnsafeMutableBufferPointer { buffer in
            for row in 0..<m.rows {
                for column in 0..<m.columns { buffer[row * m.columns + column] += rd * columnSums[column] }
            }
        }
        return result
    }
}
