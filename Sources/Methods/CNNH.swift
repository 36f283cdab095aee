import HashCore
import Linalg

/// CNNH (Xia, Pan, Lai, Liu and Yan, AAAI 2014), two stages.
///
/// Stage 1 (approximate codes, Eq. 2): on l training items (a seeded subset) with
/// pairwise similarity S (r_s for pairs sharing a label, r_d otherwise; the paper's
/// is 1/−1), find H ∈ [−1, 1]^{l×q} minimising
///
///     ‖S − H·Hᵀ/q‖²_F
///
/// by coordinate descent (§2.1): with T = q·S − H·Hᵀ, changing H_ij by d changes
/// ‖T‖² by the quartic d⁴ + 4u_i·d³ + 2(‖u‖² + u_i² − T_ii)·d² − 4(T_i·u)·d (u the
/// column j of H); the step taken is the quartic's minimiser on the interval that
/// keeps H_ij in [−1, 1] (a root of its cubic derivative, or an end point), so every
/// update is exact and ‖T‖ never increases. H starts uniform in [−1, 1]; `sweeps`
/// passes over all entries; each pass records ‖S − HHᵀ/q‖² and the signs that changed.
///
/// Stage 2 (hash functions): the paper trains a convolutional network on raw images
/// to predict H. hashlab works on pre-extracted features, so stage 2 here is kernel
/// ridge regression, with an intercept c (``RidgeRegression``), from centred RBF features
/// on m anchors to H: P = (ΦᵀΦ + δI)⁻¹ΦᵀH, c = h̄ (the column means of H), and codes
/// are sgn((φ(x) − μ_Φ)·P + c). The training codes are sgn(H) of the l items.
///
/// Defaults: 2,000 items (S is l × l), 300 anchors, 5 sweeps, δ = 0.01, ratio 1/−1.
public struct CNNH: HashingMethod {
    public static let name = "cnnh"
    public static let summary = "two-stage: factorise S ≈ HHᵀ/q, then kernel regression to H (Xia et al. 2014)"
    /// 2: the intercept of stage 2; stage 1 and the kernel features in Double; sgn(H) as
    /// training codes.
    public static let revision = 2
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("ratio", .ratio, default: .ratio(.values(same: 1, different: -1)), "similarity r_s/r_d of S"),
        ParameterSpec("samples", .integer(2...20_000), default: .integer(2000), "training items of stage 1 (S is l × l)"),
        ParameterSpec("anchors", .integer(1...100_000), default: .integer(300), "RBF anchors of stage 2"),
        ParameterSpec("sigma", .optionalReal(1e-12...1e12), default: .automatic, "RBF width (auto: mean item–anchor distance)"),
        ParameterSpec("sweeps", .integer(1...1000), default: .integer(5), "coordinate-descent passes over H"),
        ParameterSpec("ridge", .real(1e-12...1e12), default: .real(0.01), "δ, ridge of the stage-2 regression"),
    ]

    public let ratio: SimilarityRatio
    public let samples: Int
    public let anchors: Int
    public let sigma: Double?
    public let sweeps: Int
    public let ridge: Double

    public init(parameters: ResolvedParameters) throws {
        ratio = parameters.ratio("ratio")
        samples = parameters.integer("samples")
        anchors = parameters.integer("anchors")
        sigma = parameters.optionalReal("sigma")
        sweeps = parameters.integer("sweeps")
        ridge = parameters.real("ridge")
    }

    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        let chosen = generator.sample(min(samples, data.count), from: data.count).sorted()
        let similarity = LabelSimilarity(labels: data.labels.selectingRows(chosen), ratio: ratio)
        var factorisation = ApproximateCodes(similarity: similarity.apply(.identity(chosen.count)), bits: bits,
                                             generator: &generator)
        var diagnostics = TrainingDiagnostics()
        for _ in 0..<sweeps {
            let previous = factorisation.signs()
            factorisation.sweep()
            diagnostics.iterations.append(.init(objective: factorisation.objective(),
                                                bitsChanged: SignMatrix.changes(previous, factorisation.signs())))
        }
        let kernel = try KernelFeatures<Double>(data.primary.selectingRows(chosen), anchors: anchors, sigma: sigma,
                                        centred: true, method: Self.name, generator: &generator)
        let fit = try RidgeRegression(features: kernel.values, ridge: ridge)
            .solve(factorisation.codes(), method: Self.name)
        diagnostics.notes["sigma"] = "\(kernel.map.sigma)"
        diagnostics.notes["samples"] = "\(chosen.count)"
        return KernelHasher(kernel: kernel.map, mean: kernel.mean, map: fit,
                            trainingCodes: try BinaryCodes(signsOf: factorisation.signs()),
                            diagnostics: diagnostics)
    }
}

/// CNNH's stage 1: H ∈ [−1, 1]^{l×q} with T = q·S − H·Hᵀ kept up to date, updated one
/// entry at a time by the exact minimiser of ‖T‖² along that entry.
struct ApproximateCodes {
    let count: Int
    let bits: Int
    /// T = q·S − HHᵀ, l × l, row-major.
    private(set) var residual: [Double]
    /// Hᵀ, q × l, so that a column of H is contiguous.
    private(set) var transposedCodes: [Double]

    init(similarity: Matrix<Double>, bits: Int, generator: inout SeededGenerator) {
        count = similarity.rows
        self.bits = bits
        transposedCodes = (0..<(bits * count)).map { _ in Double(2 * generator.uniformFloat() - 1) }
        let codes = Matrix(rows: bits, columns: count, elements: transposedCodes)
        residual = (similarity * Double(bits) - Matrix.product(codes, codes, transposeA: true)).elements
    }

    /// H (l × q).
    func codes() -> Matrix<Double> {
        Matrix(rows: bits, columns: count, elements: transposedCodes).transposed()
    }

    /// sgn(H) (l × q).
    func signs() -> Matrix<Double> {
        SignMatrix.signs(codes())
    }

    /// ‖S − HHᵀ/q‖²_F.
    func objective() -> Double {
        residual.reduce(0.0) { $0 + $1 * $1 } / Double(bits * bits)
    }

    /// One pass over every entry, column by column.
    mutating func sweep() {
        let count = self.count
        residual.withUnsafeMutableBufferPointer { t in
            transposedCodes.withUnsafeMutableBufferPointer { h in
                for bit in 0..<bits {
                    let u = UnsafeMutableBufferPointer(rebasing: h[(bit * count)..<((bit + 1) * count)])
                    var norm = u.reduce(0.0) { $0 + $1 * $1 }
                    for item in 0..<count {
                        var projection = 0.0
                        for other in 0..<count { projection += t[item * count + other] * u[other] }
                        let ui = u[item]
                        let step = Self.bestStep(ui: ui, norm: norm, diagonal: t[item * count + item],
                                                 projection: projection)
                        guard step != 0 else { continue }
                        for other in 0..<count where other != item {
                            let change = step * u[other]
                            t[item * count + other] -= change
                            t[other * count + item] -= change
                        }
                        t[item * count + item] -= 2 * step * ui + step * step
                        u[item] = ui + step
                        norm += (ui + step) * (ui + step) - ui * ui
                    }
                }
            }
        }
    }

    /// The d in [−1 − u_i, 1 − u_i] minimising
    /// f(d) = d⁴ + 4u_i·d³ + 2(‖u‖² + u_i² − T_ii)·d² − 4(T_i·u)·d.
    static func bestStep(ui: Double, norm: Double, diagonal: Double, projection: Double) -> Double {
        let (a, b, c) = (3 * ui, norm + ui * ui - diagonal, -projection)
        let (low, high) = (-1 - ui, 1 - ui)
        func f(_ d: Double) -> Double {
            d * d * d * d + 4 * ui * d * d * d + 2 * b * d * d + 4 * c * d
        }
        var best = 0.0
        var bestValue = 0.0
        for candidate in [low, high] + CubicRoots.real(a: a, b: b, c: c) where candidate >= low && candidate <= high {
            let value = f(candidate)
            if value < bestValue {
                best = candidate
                bestValue = value
            }
        }
        return best
    }
}
