import Linalg

/// Unit label vectors: item i's 0/1 label row l_i scaled to ũ_i = l_i/‖l_i‖, so that
/// ũ_iᵀũ_j is the cosine of two items' label sets (1 for equal sets, 0 for disjoint
/// ones). The label similarity of LEMON (Wang et al. 2020, Eq. 2) and of SCM (Zhang and
/// Li 2014), S = 2ŨŨᵀ − 11ᵀ, and its ratio form S = (r_s − r_d)·ŨŨᵀ + r_d·11ᵀ are
/// written with them. An item without labels keeps ũ_i = 0: it is dissimilar (r_d) to
/// every item, itself included.
enum UnitLabelVectors {
    /// Ũ: the rows of `labels` scaled to unit length; a row without labels stays 0.
    static func of(_ labels: Matrix<Double>) -> Matrix<Double> {
        var unit = labels
        for row in 0..<labels.rows {
            let norm = labels.row(row).reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            for column in 0..<labels.columns { unit[row, column] /= norm }
        }
        return unit
    }

    /// The mean of ũ_iᵀũ_j over all ordered pairs (self-pairs included), ‖Ũᵀ1‖²/n²: the
    /// fraction that makes S = (r_s − r_d)·ŨŨᵀ + r_d·11ᵀ zero-mean for `zero-mean`
    /// (``SimilarityRatio/resolved(similarPairFraction:)``).
    static func meanInnerProduct(_ embedding: Matrix<Double>) -> Double {
        let sums = embedding.columnSums()
        let count = Double(embedding.rows)
        return sums.reduce(0.0) { $0 + $1 * $1 } / (count * count)
    }
}
