import HashCore
import Linalg

/// DLFH (discrete latent factor model based cross-modal hashing; Jiang and Li, IEEE TIP
/// 2019, arXiv 1707.08322). Two paired modalities (``ModalityNeeds/paired``); modality 0's
/// items get codes U, modality 1's codes V, both in {±1}^{N×c}. The cross-modal similarity
/// S_ij is 1 when items i and j share a label and 0 otherwise (for multi-label data too: it
/// is a Bernoulli outcome, so it takes no r_s/r_d ratio), modelled through latent factors:
///
///     p(S_ij = 1 | U, V) = σ(Θ_ij),   Θ_ij = (λ/c)·u_iᵀv_j,   σ(x) = 1/(1 + e^{−x})
///
/// Objective: the log-likelihood, maximised directly over the discrete codes,
///
///     max_{U,V ∈ {±1}^{N×c}}  L = Σ_{i,j} [S_ij·Θ_ij − log(1 + e^{Θ_ij})]
///
/// Updates (``DLFHAscent``), alternating U-step and V-step, each column (bit) k in turn:
/// from the gradient g_{·k} = (λ/c)·Σ_j (S_{·j} − σ(Θ_{·j}))·v_jk and the bound −m·λ²/(4c²) on
/// the second derivative (σ' ≤ 1/4), the lower bound of L tight at the current codes is
/// maximised by U_{·k} = sgn(g_{·k} + m·λ²/(4c²)·U_{·k}); the V-step is the same with U and V
/// swapped. Every bit update therefore never lowers the likelihood it is taken on.
///
/// Columns of S: the full algorithm sums over all N columns (m = N), at O(N²·c) per
/// iteration; the stochastic strategy of the paper, and the authors' released code
/// (`DLFH.m`, `sampleColumn = num_samples = bit`), samples m columns Ω per iteration and
/// does the U-step on S_{·Ω} (against V_Ω) and the V-step on S_{Ω·} (against the updated
/// U_Ω), at O(N·m·c). `columns` is m: auto is the code length c, as the authors' code; any
/// m ≥ N is the full S, the same every iteration. S is never stored: a row's m entries
/// come from the packed label sets when the row is updated, so memory is O(N·c + m) per
/// thread whatever m is — the full S at N = 20,000 costs time (O(N²·c) per iteration),
/// not the 3.2 GB of a formed N × N matrix. The recorded objective is −L over the block
/// of the V-step (S_{Ω·}); with the full S that is −L itself, which never rises, and an
/// iteration that changes no bit is a fixed point (the next would do the same), where
/// training stops. With the sampled S the codes keep moving with the samples.
///
/// Hash functions: the authors' released code (`DLFH_algo.m`) learns linear regressions
/// from each modality's features onto its own codes, W_x = (XᵀX + γI)⁻¹XᵀU and likewise
/// W_y onto V, with γ = 1e-6 (the kernel logistic regression of the paper is their KDLFH
/// variant). Here the regression keeps its intercept (``RidgeRegression``, centred
/// features, which the raw-feature fit of the authors' code lacks); new items are encoded
/// as sgn((x − x̄)·W + ū) with ū the mean of the codes, in Double (``CrossModalHasher``).
///
/// Database codes: the authors evaluate image→text queries sgn(x·W_x) against the learned
/// V, and text→image queries against the learned U — the learned codes of the database's
/// modality. ``CrossModalHasher/trainingCodes(for:)`` gives U for modality 0 and V for
/// modality 1; ``TrainedHasher/trainingCodes`` is V, the database of the run's first
/// direction (modality 0 queries, modality 1 database).
///
/// Defaults are the authors' code's: λ = 8, 30 iterations, m = c sampled columns, γ = 1e-6.
/// U and V start as random signs.
public struct DLFH: HashingMethod {
    public static let name = "dlfh"
    public static let summary = "discrete latent factor cross-modal hashing, bit-wise likelihood ascent (Jiang & Li 2019)"
    public static var modalityNeeds: ModalityNeeds { .paired }
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("lambda", .real(1e-12...1e12), default: .real(8), "λ, scale of Θ = (λ/c)·uᵀv"),
        ParameterSpec("iterations", .integer(1...10_000), default: .integer(30), "alternating U- and V-steps"),
        ParameterSpec("columns", .optionalInteger(1...1_000_000_000), default: .automatic,
                      "columns of S sampled per iteration (auto: the code length; ≥ the items: all of S)"),
        ParameterSpec("ridge", .real(1e-12...1e12), default: .real(1e-6), "γ, ridge of the linear hash functions"),
    ]

    public let lambda: Double
    public let iterations: Int
    public let columns: Int?
    public let ridge: Double

    public init(parameters: ResolvedParameters) throws {
        lambda = parameters.real("lambda")
        iterations = parameters.integer("iterations")
        columns = parameters.optionalInteger("columns")
        ridge = parameters.real("ridge")
    }

    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        precondition(data.modalities.count == 2, "dlfh trains on two paired modalities, got \(data.modalities)")
        let count = data.count
        guard count >= 2 else { throw TrainingError.tooFewItems(method: Self.name, found: count, needed: 2) }
        var diagnostics = TrainingDiagnostics()
        var times = PhaseTimes()
        let labels = try LabelSets(multiHot: data.labels.map { $0 != 0 ? UInt8(1) : UInt8(0) })
        let sampledCount = min(columns ?? bits, count)
        var u = SignMatrix.signs(generator.normalMatrix(rows: count, columns: bits, as: Double.self))
        var v = SignMatrix.signs(generator.normalMatrix(rows: count, columns: bits, as: Double.self))
        let ascent = DLFHAscent(lambda: lambda, bits: bits, labels: labels)
        for _ in 0..<iterations {
            let sampled = sampledCount == count ? Array(0..<count) : generator.sample(sampledCount, from: count)
            let uStep = ascent.ascend(&u, partners: v.selectingRows(sampled), sampled: sampled, bits: 0..<bits)
            let vStep = ascent.ascend(&v, partners: u.selectingRows(sampled), sampled: sampled, bits: 0..<bits)
            diagnostics.iterations.append(.init(objective: -vStep.logLikelihood, bitsChanged: uStep.changed + vStep.changed))
            if sampledCount == count && uStep.changed + vStep.changed == 0 { break }
        }
        times.lap("codes")
        var means: [[Double]] = []
        var maps: [AffineProjection<Double>] = []
        for (modality, codes) in zip(data.modalities, [u, v]) {
            let regression = RidgeRegression(features: try data.features(of: modality).map(Double.init), ridge: ridge)
            let fit = try regression.solve(codes, method: Self.name)
            means.append(regression.featureMeans)
            maps.append(AffineProjection(projection: fit.projection, offset: codes.columnMeans()))
        }
        times.lap("hash functions")
        diagnostics.phaseSeconds = times.seconds
        diagnostics.notes["columns"] = "\(sampledCount)"
        let learned = [try BinaryCodes(signsOf: u), try BinaryCodes(signsOf: v)]
        return CrossModalHasher(modalities: data.modalities, means: means, maps: maps, trainingCodes: learned[1],
                                modalityCodes: learned, diagnostics: diagnostics)
    }
}
