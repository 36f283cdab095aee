import Linalg

/// ASZH's B-step under a soft balance penalty on B: for each bit k independently,
///
///     min_{b ∈ {±1}^N}  −2·bᵀq_k + ρ·(1ᵀb)²
///
/// solved exactly: for a fixed number p of +1 entries the best b puts them on the p
/// largest q_i, so sorting q once and scanning p = 0…N finds the optimum in
/// O(N log N). With ρ = 0 it is sgn(q) (up to ties at 0).
enum BalancedSignStep {
    static func solve(_ q: Matrix<Float>, rho: Double) -> Matrix<Float> {
        let count = q.rows
        var codes = Matrix<Float>(rows: count, columns: q.columns, repeating: -1)
        for bit in 0..<q.columns {
            let column = q.column(bit)
            let order = column.indices.sorted { column[$0] > column[$1] || (column[$0] == column[$1] && $0 < $1) }
            let total = column.reduce(0.0) { $0 + Double($1) }
            var prefix = 0.0
            var bestCount = 0
            var bestValue = 2 * total + rho * Double(count * count)
            for positives in 1...max(count, 1) where count > 0 {
                prefix += Double(column[order[positives - 1]])
                let balance = Double(2 * positives - count)
                let value = -2 * (2 * prefix - total) + rho * balance * balance
                if value < bestValue {
                    bestValue = value
                    bestCount = positives
                }
            }
            for index in order.prefix(bestCount) { codes[index, bit] = 1 }
        }
        return codes
    }
}
