import Linalg

/// The sums over items that LEMON's code-learning steps read: the paper's accumulators
/// C1…C7 (§3.2.3) and four more that only the objective (Eq. 8) reads, for one set of
/// items (a chunk, or everything absorbed before it).
///
/// Items are rows here (B, V: n × r; L, U: n × c), columns in the paper, but a sum of
/// outer products over items is the same matrix in either layout, so each property is
/// the paper's matrix itself: C1 = Σ l vᵀ = LᵀV, and so on. The sums of two disjoint
/// sets of items add (``+(_:_:)``), which is how LEMON keeps its state: the sums of the
/// old items, never the items.
struct LEMONSums: Equatable {
    /// n, the number of items.
    var count: Int
    /// C1 = LᵀV (c × r).
    var c1: Matrix<Double>
    /// C2 = VᵀV (r × r).
    var c2: Matrix<Double>
    /// C3 = BᵀU (r × c).
    var c3: Matrix<Double>
    /// C4 = Bᵀ1 (r).
    var c4: [Double]
    /// C5 = BᵀV (r × r).
    var c5: Matrix<Double>
    /// C6 = VᵀU (r × c).
    var c6: Matrix<Double>
    /// C7 = Vᵀ1 (r).
    var c7: [Double]
    /// BᵀB (r × r).
    var codeGram: Matrix<Double>
    /// UᵀU (c × c).
    var embeddingGram: Matrix<Double>
    /// Uᵀ1 (c).
    var embeddingSums: [Double]
    /// ‖L‖²_F.
    var labelSquaredNorm: Double

    /// The sums over no items.
    init(bits: Int, classes: Int) {
        count = 0
        c1 = .zeros(rows: classes, columns: bits)
        c2 = .zeros(rows: bits, columns: bits)
        c3 = .zeros(rows: bits, columns: classes)
        c4 = [Double](repeating: 0, count: bits)
        c5 = .zeros(rows: bits, columns: bits)
        c6 = .zeros(rows: bits, columns: classes)
        c7 = [Double](repeating: 0, count: bits)
        codeGram = .zeros(rows: bits, columns: bits)
        embeddingGram = .zeros(rows: classes, columns: classes)
        embeddingSums = [Double](repeating: 0, count: classes)
        labelSquaredNorm = 0
    }

    /// The sums over the items of codes B, relaxed codes V, labels L and unit label
    /// vectors U (rows = items).
    init(codes: Matrix<Double>, relaxed: Matrix<Double>, labels: Matrix<Double>, embedding: Matrix<Double>) {
        count = codes.rows
        c1 = Matrix.product(labels, relaxed, transposeA: true)
        c2 = relaxed.transposedProduct()
        c3 = Matrix.product(codes, embedding, transposeA: true)
        c4 = codes.columnSums()
        c5 = Matrix.product(codes, relaxed, transposeA: true)
        c6 = Matrix.product(relaxed, embedding, transposeA: true)
        c7 = relaxed.columnSums()
        codeGram = codes.transposedProduct()
        embeddingGram = embedding.transposedProduct()
        embeddingSums = embedding.columnSums()
        labelSquaredNorm = SignMatrix.squaredNorm(labels)
    }

    /// The sums over the items of both (disjoint sets of items).
    static func + (lhs: LEMONSums, rhs: LEMONSums) -> LEMONSums {
        var sum = lhs
        sum.count += rhs.count
        sum.c1 = lhs.c1 + rhs.c1
        sum.c2 = lhs.c2 + rhs.c2
        sum.c3 = lhs.c3 + rhs.c3
        sum.c4 = zip(lhs.c4, rhs.c4).map { $0 + $1 }
        sum.c5 = lhs.c5 + rhs.c5
        sum.c6 = lhs.c6 + rhs.c6
        sum.c7 = zip(lhs.c7, rhs.c7).map { $0 + $1 }
        sum.codeGram = lhs.codeGram + rhs.codeGram
        sum.embeddingGram = lhs.embeddingGram + rhs.embeddingGram
        sum.embeddingSums = zip(lhs.embeddingSums, rhs.embeddingSums).map { $0 + $1 }
        sum.labelSquaredNorm += rhs.labelSquaredNorm
        return sum
    }
}
