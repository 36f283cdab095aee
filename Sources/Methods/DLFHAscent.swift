import Foundation
import HashCore
import Linalg

/// DLFH's code step: a discrete, bit-wise ascent on the log-likelihood of the cross-modal
/// similarity (see ``DLFH``) in one factor, U with V fixed or V with U fixed. Written for
/// U against the columns Ω (|Ω| = m) of S:
///
///     L_Ω(U) = Σ_i Σ_{j∈Ω} [S_ij·Θ_ij − log(1 + e^{Θ_ij})],   Θ_ij = (λ/c)·u_iᵀv_j
///
/// For bit k, with the other bits fixed, ∂L_Ω/∂u_ik = (λ/c)·Σ_{j∈Ω} (S_ij − σ(Θ_ij))·v_jk = g_ik
/// and ∂²L_Ω/∂u_ik² = −(λ/c)²·Σ_{j∈Ω} σ(Θ_ij)(1 − σ(Θ_ij)) ≥ −H, H = m·λ²/(4c²) (as σ(1 − σ) ≤ 1/4
/// and v_jk² = 1). So L_Ω ≥ L_Ω(u⁰) + g·(u − u⁰) − (H/2)·(u − u⁰)², a lower bound that is tight
/// at u⁰; with u, u⁰ ∈ {±1}, (u − u⁰)² = 2 − 2u·u⁰ and the bound is maximised by
///
///     u_ik = sgn(g_ik + H·u⁰_ik)     (sign(0) = +1)
///
/// which therefore never lowers L_Ω. Rows of U do not interact when V is fixed, so the
/// column-by-column update of the paper (bit 1 for every row, then bit 2, …) equals this
/// one done row by row, all bits of a row in turn — which needs Θ for one row at a time
/// and never the N × m matrix, however large m is. The V-step is the same with the roles
/// of U and V swapped (S is symmetric: sharing a label is).
///
/// Exactness: u_iᵀv_j is an integer in −c…c, computed by a GEMM of ±1 matrices (exact in
/// Double whatever the summation order) and then updated by ±2 per flipped bit, so every
/// σ(Θ_ij) and log(1 + e^{Θ_ij}) is one of 2c + 1 tabulated values; g_ik is summed in Double
/// over j in order, each row on one thread. The codes are therefore the same under any
/// thread count and any BLAS kernel family.
struct DLFHAscent: Sendable {
    /// What one step did: entries of the factor that changed sign, and L_Ω after it.
    struct Step: Equatable {
        var changed: Int
        var logLikelihood: Double
    }

    let lambda: Double
    let bits: Int
    let labels: LabelSets
    /// About how many entries of Θ one GEMM computes (rows × m, whole blocks of
    /// ``ParallelRows/blockSize`` rows): this bounds the memory of a step.
    let productEntries: Int
    /// σ((λ/c)·t) at index t + c, t = −c…c.
    private let sigmoid: [Double]
    /// log(1 + e^{(λ/c)·t}) at index t + c.
    private let softplus: [Double]

    init(lambda: Double, bits: Int, labels: LabelSets, productEntries: Int = 1 << 21) {
        self.lambda = lambda
        self.bits = bits
        self.labels = labels
        self.productEntries = productEntries
        let scale = lambda / Double(bits)
        sigmoid = (-bits...bits).map { 1 / (1 + exp(-scale * Double($0))) }
        softplus = (-bits...bits).map { t in
            let theta = scale * Double(t)
            return max(theta, 0) + log1p(exp(-abs(theta)))
        }
    }

    /// Rows of Θ computed per GEMM for m = `columns`: fixed by m and ``productEntries``.
    func blockRows(columns: Int) -> Int {
        let blockSize = ParallelRows.blockSize
        return max(blockSize, productEntries / max(1, columns) / blockSize * blockSize)
    }

    /// Updates bits `bitRange` of every row of `codes` (N × c, ±1) against `partners`, the
    /// other factor's codes of the items `sampled` (m × c, row r for item `sampled[r]`).
    func ascend(_ codes: inout Matrix<Double>, partners: Matrix<Double>, sampled: [Int],
                bits bitRange: Range<Int>) -> Step {
        precondition(codes.columns == bits && partners.columns == bits && partners.rows == sampled.count,
                     "DLFHAscent: codes \(codes.rows) × \(codes.columns), partners \(partners.rows) × \(partners.columns)")
        let (count, m, c) = (codes.rows, sampled.count, bits)
        let partnerColumns = partners.transposed()
        let scale = lambda / Double(c)
        let curvature = Double(m) * lambda * lambda / Double(4 * c * c)
        let blockRows = blockRows(columns: m)
        var total = Step(changed: 0, logLikelihood: 0)
        for start in stride(from: 0, to: count, by: blockRows) {
            let rows = start..<min(count, start + blockRows)
            let products = Matrix.product(codes.selectingRows(rows), partners, transposeB: true)
            var partial = [Step](repeating: Step(changed: 0, logLikelihood: 0), count: ParallelRows.blockCount(rows.count))
            codes.elements.withUnsafeMutableBufferPointer { codeBuffer in
                partial.withUnsafeMutableBufferPointer { partialBuffer in
                    nonisolated(unsafe) let (u, results) = (codeBuffer, partialBuffer)
                    ParallelRows.forEachBlock(rows.count) { block, local in
                        results[block] = ascendRows(local, offset: start, codes: u, products: products,
                                                    partnerColumns: partnerColumns, sampled: sampled,
                                                    bits: bitRange, scale: scale, curvature: curvature)
                    }
                }
            }
            for step in partial {
                total.changed += step.changed
                total.logLikelihood += step.logLikelihood
            }
        }
        return total
    }

    /// The update of rows `offset + local` (rows `local` of `products`, their u_iᵀv_j).
    private func ascendRows(_ local: Range<Int>, offset: Int, codes u: UnsafeMutableBufferPointer<Double>,
                            products: Matrix<Double>, partnerColumns: Matrix<Double>, sampled: [Int],
                            bits bitRange: Range<Int>, scale: Double, curvature: Double) -> Step {
        let (m, c) = (sampled.count, bits)
        var thetaStorage = [Int](repeating: 0, count: m)
        var similarStorage = [Double](repeating: 0, count: m)
        var step = Step(changed: 0, logLikelihood: 0)
        thetaStorage.withUnsafeMutableBufferPointer { theta in
            similarStorage.withUnsafeMutableBufferPointer { similar in
                sigmoid.withUnsafeBufferPointer { sigmoid in
                    softplus.withUnsafeBufferPointer { softplus in
                        partnerColumns.elements.withUnsafeBufferPointer { columns in
                            products.elements.withUnsafeBufferPointer { products in
                                for row in local {
                                    let item = offset + row
                                    for j in 0..<m {
                                        theta[j] = Int(products[row * m + j]) + c
                                        similar[j] = labels.sharesLabel(item, with: labels, sampled[j]) ? 1 : 0
                                    }
                                    for bit in bitRange {
                                        let v = columns.baseAddress! + bit * m
                                        var gradient = 0.0
                                        for j in 0..<m { gradient += (similar[j] - sigmoid[theta[j]]) * v[j] }
                                        let current = u[item * c + bit]
                                        let next: Double = scale * gradient + curvature * current >= 0 ? 1 : -1
                                        guard next != current else { continue }
                                        u[item * c + bit] = next
                                        step.changed += 1
                                        let shift = next > 0 ? 2 : -2
                                        for j in 0..<m { theta[j] += v[j] > 0 ? shift : -shift }
                                    }
                                    var likelihood = 0.0
                                    for j in 0..<m {
                                        likelihood += similar[j] * scale * Double(theta[j] - c) - softplus[theta[j]]
                                    }
                                    step.logLikelihood += likelihood
                                }
                            }
                        }
                    }
                }
            }
        }
        return step
    }
}
