import Linalg

/// ASZH's discrete solver (no Z): minimises, over B ∈ {±1}^{N×K},
///
///     ‖K·S − B·Bᵀ‖² + λ‖ΦP − B‖² + γ‖YW − B‖²
///
/// one bit at a time (discrete cyclic coordinate descent). With the other bits fixed,
/// bit b = b_k enters as the binary quadratic f(b) = bᵀA·b − 2bᵀq with
/// A = −2K·S + 2·B_{¬k}B_{¬k}ᵀ and q = λ(ΦP)_k + γ(YW)_k. Since
/// bᵀS·b = r_d(1ᵀb)² + (r_s − r_d)‖Yᵀb‖², a negative r_d makes −2K·r_d·(1ᵀb)² a balance
/// penalty of weight 2K|r_d| — the ratio acts here even though nothing is centred.
///
/// Flipping b_i changes f by Δ_i = −4b_i((Ab)_i − q_i) + 4A_ii, with
/// (Ab)_i = −2K(r_d·1ᵀb + (r_s − r_d)·y_iᵀYᵀb) + 2·B_{¬k,i}·(B_{¬k}ᵀb) evaluated from
/// the running sums 1ᵀb, Yᵀb and B_{¬k}ᵀb in O(C + K). A flip is made only when
/// Δ_i < 0, so the objective never increases; passes over the items repeat until no
/// flip improves (at most `passes`).
enum DiscreteBitDescent {
    /// Updates `codes` in place; returns the number of flips.
    static func descend(_ codes: inout Matrix<Float>, linear q: Matrix<Float>, labels: Matrix<Float>,
                        same: Double, different: Double, passes: Int) -> Int {
        let count = codes.rows
        let bits = codes.columns
        let classes = labels.columns
        let k = Double(bits)
        let shared = same - different
        var flips = 0
        codes.elements.withUnsafeMutableBufferPointer { b in
            labels.elements.withUnsafeBufferPointer { y in
                q.elements.withUnsafeBufferPointer { q in
                    let labelNorms = (0..<count).map { item in
                        (0..<classes).reduce(0.0) { $0 + Double(y[item * classes + $1] * y[item * classes + $1]) }
                    }
                    for bit in 0..<bits {
                        var sum = 0.0
                        var projected = [Double](repeating: 0, count: classes)
                        var overlaps = [Double](repeating: 0, count: bits)
                        for item in 0..<count {
                            let value = Double(b[item * bits + bit])
                            sum += value
                            for label in 0..<classes { projected[label] += value * Double(y[item * classes + label]) }
                            for other in 0..<bits { overlaps[other] += value * Double(b[item * bits + other]) }
                        }
                        for _ in 0..<passes {
                            var changed = 0
                            for item in 0..<count {
                                let value = Double(b[item * bits + bit])
                                var labelOverlap = 0.0
                                for label in 0..<classes { labelOverlap += Double(y[item * classes + label]) * projected[label] }
                                var codeOverlap = 0.0
                                for other in 0..<bits where other != bit {
                                    codeOverlap += Double(b[item * bits + other]) * overlaps[other]
                                }
                                let applied = -2 * k * (different * sum + shared * labelOverlap) + 2 * codeOverlap
                                let diagonal = -2 * k * (different + shared * labelNorms[item]) + 2 * (k - 1)
                                let delta = -4 * value * (applied - Double(q[item * bits + bit])) + 4 * diagonal
                                guard delta < -1e-9 * max(1, abs(applied)) else { continue }
                                let step = -2 * value
                                b[item * bits + bit] = Float(-value)
                                sum += step
                                for label in 0..<classes { projected[label] += step * Double(y[item * classes + label]) }
                                for other in 0..<bits where other != bit {
                                    overlaps[other] += step * Double(b[item * bits + other])
                                }
                                changed += 1
                            }
                            flips += changed
                            if changed == 0 { break }
                        }
                    }
                }
            }
        }
        return flips
    }
}
