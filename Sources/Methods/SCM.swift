import Foundation
import HashCore
import Linalg

/// SCM (semantic correlation maximization; Zhang and Li, AAAI 2014, "Large-scale
/// supervised multimodal hashing with semantic correlation maximization"), the supervised
/// cross-modal baseline: one linear hash function per modality, h_x(x) = sgn((x − μ_x)·W_x)
/// and h_y(y) = sgn((y − μ_y)·W_y), learned in closed form from the labels without forming
/// any N × N matrix.
///
/// With X̄, Ȳ the two modalities' training features centred by their training means μ_x,
/// μ_y, Ũ the unit label vectors (``UnitLabelVectors``) and the label similarity
///
///     S̃ = 2ŨŨᵀ − 11ᵀ   (cosine of the label sets, mapped to [−1, 1]),
///
/// generalised to the ratio r_s/r_d as S̃ = (r_s − r_d)·ŨŨᵀ + r_d·11ᵀ (1/−1 is the paper's),
/// the objective is that the codes' inner products reconstruct the scaled similarity,
///
///     min ‖sgn(X̄W_x)·sgn(ȲW_y)ᵀ − c·S̃‖²_F   (c = the code length).
///
/// Relaxing the sign, each direction maximises w_xᵀX̄ᵀ(target)Ȳw_y subject to w_xᵀC_xxw_x =
/// w_yᵀC_yyw_y = 1 with C_xx = X̄ᵀX̄ + λI, C_yy = ȲᵀȲ + λI: a generalized eigenproblem
/// (``SCMEigenproblem``, whitening by C_xx and C_yy, then the top singular pairs of the
/// whitened cross term, in Double). Two variants (`variant`):
///
/// - **seq** (SCM-Seq; what later papers compare against): bit by bit, bit k
///   solves the eigenproblem of X̄ᵀR_kȲ for the residual R_k = c·S̃ − Σ_{j<k} b_x,j·b_y,jᵀ,
///   b_x,j = sgn(X̄w_x,j), b_y,j = sgn(Ȳw_y,j) (``SCMResidual``: the cross term kept as two
///   factors through the labels and the codes learned so far, the authors' update
///   X̄ᵀR_kȲ = X̄ᵀR_{k−1}Ȳ − (X̄ᵀb_x)(Ȳᵀb_y)ᵀ). Any number of bits: the residual changes with
///   every bit, so nothing bounds them by the dimensions.
/// - **orth** (SCM-Orth): the top K eigenpairs of X̄ᵀ(c·S̃)Ȳ at once (W_xᵀC_xxW_x =
///   W_yᵀC_yyW_y = I). That cross term has rank at most C (the labels; with the features
///   centred, X̄ᵀ1 = 0 removes the 11ᵀ part), so K > min(C, d_x, d_y) is not applicable
///   (``TrainingError/bitsExceedRank(method:bits:rank:of:)``): the directions beyond the rank
///   have eigenvalue 0 and would be rounding noise.
///
/// With the features centred, X̄ᵀ1 = Ȳᵀ1 = 0, so r_d never acts on the bits: the ratio
/// weighs the label target, c·(r_s − r_d)·X̄ᵀŨŨᵀȲ, against the code products the residual
/// subtracts (a factor (r_s − r_d)/2 on the paper's c). It does act on the recorded
/// objective. `zero-mean` takes r_d = −1 and r_s making S̃ zero-mean over the training pairs.
///
/// What follows the authors' released code (`trainSCM_seq.m`, `trainSCM_orth.m`) and what
/// differs:
/// - as the code: labels binarised and scaled to unit length, c = the code length, the
///   features centred by the training means, λ = 1e-6 added to the unscaled Gram matrices
///   X̄ᵀX̄ and ȲᵀȲ (an absolute ridge, not one relative to the covariance);
/// - the code computes X̄ᵀS̃Ȳ = 2(X̄ᵀŨ)(ŨᵀȲ) − (X̄ᵀ1)(1ᵀȲ) as a d_x × d_y matrix and subtracts
///   each bit from it; here it stays factored, and each bit takes the top singular pair of
///   the whitened factors instead of MATLAB's dense `eig(C·C_yy⁻¹·Cᵀ, C_xx)`;
/// - the code stops SCM-Seq when a bit's eigenvalue exceeds the previous bit's ("rarely
///   happens in last bits") and takes the remaining bits from plain CCA (which needs
///   K ≤ min(d_x, d_y)); here every bit is the paper's sequential step, and the bits that
///   rose are recorded (`rises`). None rose when written: on synthetic-mirflickr (32 bits,
///   2,000 to 18,015 items), on a 24-label multi-label fixture at that shape (16, 32 and 64
///   bits) and on the test fixtures;
/// - the code leaves each pair's sign to LAPACK; here it is fixed (``SCMEigenproblem``).
///
/// Codes of new items of modality m: sgn((x − μ_m)·W_m) (``CrossModalHasher``), in Double.
/// Database codes: the authors evaluate a query modality against the database encoded by
/// the other modality's hash function; the learned codes of the training items as items of
/// modality m (``CrossModalHasher/trainingCodes(for:)``) are the same, sgn(X̄W_x) and
/// sgn(ȲW_y) — for SCM-Seq the codes the residual subtracted. SCM learns no unified code;
/// ``TrainedHasher/trainingCodes`` is sgn(X̄W_x + ȲW_y), the sign of the two projections'
/// sum (each has unit norm over the training items, up to λ, so they weigh alike).
///
/// Diagnostics: per bit (seq) ‖R_k‖²_F after it, the paper's objective over the first k
/// bits (with no bits changed: a bit, once learned, stays); the eigenvalues σ_k (`eigenvalues`)
/// and the bits whose σ_k exceeded σ_{k−1} (`rises`).
///
/// The equations are written here from the authors' released code and the paper's
/// description of both variants; the paper's equation numbers were not at hand.
///
/// Defaults: seq, ratio 1/−1 (S̃ = 2ŨŨᵀ − 11ᵀ), λ = 1e-6 (the authors' code).
public struct SCM: HashingMethod {
    /// The two algorithms of the paper.
    public enum Variant: String, CaseIterable, Sendable {
        /// SCM-Seq: bit by bit against the residual.
        case seq
        /// SCM-Orth: all bits from one eigenproblem.
        case orth
    }

    public static let name = "scm"
    public static let summary = "semantic correlation maximization, supervised cross-modal, closed form per bit (Zhang & Li 2014)"
    public static var modalityNeeds: ModalityNeeds { .paired }
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("ratio", .ratio, default: .ratio(.values(same: 1, different: -1)),
                      "similarity r_s/r_d on unit label vectors, or zero-mean (1/-1: S̃ = 2ŨŨᵀ − 11ᵀ)"),
        ParameterSpec("regularisation", .real(0...1e12), default: .real(1e-6), "λ added to X̄ᵀX̄ and ȲᵀȲ (absolute)"),
        ParameterSpec("variant", .choice(Variant.allCases.map(\.rawValue)), default: .choice(Variant.seq.rawValue),
                      "seq: bit by bit against the residual; orth: all bits from one eigenproblem"),
    ]

    public let ratio: SimilarityRatio
    public let regularisation: Double
    public let variant: Variant

    public init(parameters: ResolvedParameters) throws {
        ratio = parameters.ratio("ratio")
        regularisation = parameters.real("regularisation")
        variant = Variant(rawValue: parameters.choice("variant"))!
    }

    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        precondition(data.modalities.count == 2, "scm trains on two paired modalities, got \(data.modalities)")
        guard data.count >= 2 else { throw TrainingError.tooFewItems(method: Self.name, found: data.count, needed: 2) }
        var diagnostics = TrainingDiagnostics()
        var times = PhaseTimes()
        var centred = try data.modalities.map { try data.features(of: $0).map(Double.init) }
        let means = centred.map { $0.columnMeans() }
        for index in centred.indices { centred[index].centre(by: means[index]) }
        let embedding = UnitLabelVectors.of(data.labels.map(Double.init))
        if variant == .orth {
            let rank = min(embedding.columns, centred[0].columns, centred[1].columns)
            guard bits <= rank else {
                throw TrainingError.bitsExceedRank(method: Self.name, bits: bits, rank: rank,
                                                   of: "X̄ᵀS̃Ȳ (labels \(embedding.columns), dimensions "
                                                       + "\(centred[0].columns) and \(centred[1].columns))")
            }
        }
        let (same, different) = ratio.resolved(similarPairFraction: UnitLabelVectors.meanInnerProduct(embedding))
        var residual = SCMResidual(x: centred[0], y: centred[1], embedding: embedding, same: same,
                                   different: different, bits: bits)
        let problem = try SCMEigenproblem(x: centred[0], y: centred[1], ridge: regularisation, method: Self.name)
        times.lap("setup")
        let directions: (x: Matrix<Double>, y: Matrix<Double>, values: [Double])
        switch variant {
        case .orth:
            directions = try problem.leading(bits, left: residual.left, right: residual.right, method: Self.name)
        case .seq:
            directions = try Self.sequential(bits, residual: &residual, problem: problem, x: centred[0], y: centred[1],
                                             diagnostics: &diagnostics)
        }
        times.lap("directions")
        let projected = [Matrix.product(centred[0], directions.x), Matrix.product(centred[1], directions.y)]
        let learned = try projected.map { try BinaryCodes(signsOf: $0) }
        let unified = try BinaryCodes(signsOf: projected[0] + projected[1])
        times.lap("codes")
        diagnostics.phaseSeconds = times.seconds
        diagnostics.notes["eigenvalues"] = directions.values.map { String(format: "%.6g", $0) }.joined(separator: " ")
        diagnostics.notes["ratio"] = SimilarityRatio.values(same: same, different: different).description
        return CrossModalHasher(modalities: data.modalities, means: means,
                                maps: [AffineProjection(projection: directions.x), AffineProjection(projection: directions.y)],
                                trainingCodes: unified, modalityCodes: learned, diagnostics: diagnostics)
    }

    /// SCM-Seq's loop: for k = 0 … `bits` − 1, (w_x,k, w_y,k) is the top eigenpair of the
    /// residual's cross term X̄ᵀR_kȲ, then R_{k+1} = R_k − sgn(X̄w_x,k)·sgn(Ȳw_y,k)ᵀ. Records
    /// ‖R_{k+1}‖²_F per bit and, as `rises`, the bits k whose σ_k exceeded σ_{k−1}.
    static func sequential(_ bits: Int, residual: inout SCMResidual, problem: SCMEigenproblem,
                           x: Matrix<Double>, y: Matrix<Double>, diagnostics: inout TrainingDiagnostics) throws
        -> (x: Matrix<Double>, y: Matrix<Double>, values: [Double]) {
        var directions = (x: Matrix<Double>.zeros(rows: x.columns, columns: bits),
                          y: Matrix<Double>.zeros(rows: y.columns, columns: bits))
        var values: [Double] = []
        var rises: [Int] = []
        for bit in 0..<bits {
            let pair = try problem.leading(1, left: residual.left, right: residual.right, method: name)
            for row in 0..<x.columns { directions.x[row, bit] = pair.x[row, 0] }
            for row in 0..<y.columns { directions.y[row, bit] = pair.y[row, 0] }
            if let last = values.last, pair.values[0] > last { rises.append(bit) }
            values.append(pair.values[0])
            residual.subtract(SignMatrix.signs(Matrix.product(x, pair.x)), SignMatrix.signs(Matrix.product(y, pair.y)))
            diagnostics.iterations.append(.init(objective: residual.squaredNorm, bitsChanged: 0))
        }
        diagnostics.notes["rises"] = rises.map(String.init).joined(separator: " ")
        return (directions.x, directions.y, values)
    }
}
