import HashCore
import Linalg

/// LEMON: label embedding online hashing for cross-modal retrieval (Wang et al., ACM MM
/// 2020). Items arrive in chunks (rounds); codes are learned from the labels, then one
/// linear hash function per modality is fitted to them.
///
/// Notation (the paper's, columns = items): round t brings n_t items with features
/// X_m ∈ R^{d_m×n_t} per modality m, labels L ∈ {0,1}^{c×n_t} and unit label vectors
/// U (u_i = l_i/‖l_i‖; an item without labels has u_i = 0, so it is dissimilar to every
/// item, itself included, and contributes nothing to the label reconstruction). B ∈
/// {±1}^{r×n} are codes, V ∈ R^{r×n} relaxed codes; ~ marks the old items, → the chunk.
/// The label similarity (Eq. 2) S = 2UᵀU − 11ᵀ, generalised to the ratio r_s/r_d as
/// S = (r_s − r_d)·UᵀU + r_d·11ᵀ (items with the same label set: r_s; with none shared:
/// r_d), never formed. Objective of a round (Eq. 8), the old codes B̃ and Ṽ fixed:
///
///     min ‖B⃗ − RV⃗‖² + ‖B̃ − RṼ‖² + α‖V⃗ᵀB̃ − rS_co‖² + α‖ṼᵀB⃗ − rS_oc‖² + α‖V⃗ᵀB⃗ − rS_cc‖²
///         + β‖L⃗ − PV⃗‖² + β‖L̃ − PṼ‖² + βγ‖P‖²
///     s.t. B⃗ ∈ {±1}^{r×n_t},  V⃗V⃗ᵀ = n_t·I,  V⃗1 = 0,  RᵀR = I
///
/// The old items enter only through sums over every absorbed item, the chunk's terms
/// recomputed at the current B⃗, V⃗ (``LEMONSums``): C1 = ΣLVᵀ, C2 = ΣVVᵀ, C3 = ΣBUᵀ,
/// C4 = ΣB1, C5 = ΣBVᵀ, C6 = ΣVUᵀ, C7 = ΣV1. Each round starts from random signs B⃗ and
/// a Gaussian V⃗ (the authors' first-round code, train_LEMON0.m), R from a Haar-random
/// orthogonal matrix in the first round and from the previous round's R after; then
/// `iterations` passes of (``LEMONRound``):
///
/// - **P-step** (Eq. 9): P = C1(C2 + γI)⁻¹.
/// - **V-step** (Eqs. 13–17): V⃗ maximises tr(ZV⃗ᵀ) s.t. V⃗V⃗ᵀ = n_t·I, V⃗1 = 0, with
///   Z = RᵀB⃗ + αr·((r_s − r_d)·C3·U⃗ + r_d·C4·1ᵀ) + β·PᵀL⃗ (for 1/−1: 2αr·C3U⃗ − αr·C4·1ᵀ):
///   V⃗ = √n_t·[G Ḡ][Q Q̄]ᵀ from the SVD of ZJ (``BalancedOrthogonalStep``).
/// - **R-step** (Eqs. 18–20): C5 = AΣÂᵀ, R = AÂᵀ (orthogonal Procrustes).
/// - **B-step** (Eq. 22): B⃗ = sgn(RV⃗ + αr·((r_s − r_d)·C6·U⃗ + r_d·C7·1ᵀ)) (for 1/−1:
///   2αr·C6U⃗ − αr·C7·1ᵀ; Eq. 22 as transcribed has RᵀV⃗, but with R minimising
///   ‖B − RV‖² the minimiser has RV⃗, as in the authors' code).
///
/// Every step minimises Eq. 8 over its variable exactly (given VVᵀ = n·I for every
/// chunk the terms quadratic in V or B are constants), so the objective, recorded per
/// iteration with the bits of B⃗ that changed, does not rise after a round's first
/// iteration. Hash functions (Eqs. 24–27): W_m = H_m(F_m + ξI)⁻¹ with H_m = ΣBX_mᵀ and
/// F_m = ΣX_mX_mᵀ over every absorbed item (uncentred, no intercept, as the paper);
/// a query's code is sgn(W_m·x) (Eq. 28). The training codes are those of every absorbed
/// item in arrival order; old codes never change. A round costs
/// O(n_t·(r·d_m + d_m²) + d_m³) whatever was absorbed before.
///
/// Where the ratio acts: V⃗1 = 0 in every round makes C7 = Σ_k V_k·1 = 0 and removes
/// the column-constant C4·1ᵀ from ZJ, so r_d drops out of both steps and only r_s − r_d
/// acts, as a factor (r_s − r_d)/2 on α relative to the authors' S; `zero-mean` takes
/// r_d = −1 and r_s making S zero-mean over the first chunk's pairs (it is resolved
/// once, there).
///
/// Where this implementation deliberately differs from the authors' code: the V-step
/// takes the SVD of the centred Z in orthonormal coordinates of 1⊥ and keeps singular
/// values above 1e-12 of the largest, where the authors eigen-decompose ZJZᵀ with an
/// absolute 1e-6 threshold and complete with Q̄ = orth(randn), which at α = 1e4 gave
/// V⃗ far from V⃗V⃗ᵀ = n_t·I (see ``BalancedOrthogonalStep``); here Q̄ is orthogonal to Q
/// and to 1. The V-, R- and B-steps and the hash functions run in Double, so codes
/// do not depend on the BLAS kernels' rounding. Any number of modalities works (the
/// paper's l); the registry declares two, paired.
///
/// Defaults (the paper's §4.2 and the authors' demo): α = β = 1e4, γ = 0.1, ξ = 1,
/// 5 iterations per round, ratio 1/−1 (S = 2UᵀU − 11ᵀ).
public struct LEMON: OnlineHashingMethod {
    public static let name = "lemon"
    public static let summary = "label embedding online cross-modal hashing, chunk by chunk (Wang et al. 2020)"
    public static let modalityNeeds = ModalityNeeds.paired
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("ratio", .ratio, default: .ratio(.values(same: 1, different: -1)),
                      "similarity r_s/r_d on unit label vectors, or zero-mean (1/-1: S = 2UᵀU − 11ᵀ)"),
        ParameterSpec("alpha", .real(0...1e12), default: .real(1e4), "α, weight of the similarity terms ‖VᵀB − rS‖²"),
        ParameterSpec("beta", .real(0...1e12), default: .real(1e4), "β, weight of the label reconstruction ‖L − PV‖²"),
        ParameterSpec("gamma", .real(0...1e12), default: .real(0.1), "γ, ridge on P"),
        ParameterSpec("xi", .real(0...1e12), default: .real(1), "ξ, ridge of the hash functions W_m"),
        ParameterSpec("iterations", .integer(1...1000), default: .integer(5), "alternating iterations per round"),
    ]

    public let ratio: SimilarityRatio
    public let alpha: Double
    public let beta: Double
    public let gamma: Double
    public let xi: Double
    public let iterations: Int

    public init(parameters: ResolvedParameters) throws {
        ratio = parameters.ratio("ratio")
        alpha = parameters.real("alpha")
        beta = parameters.real("beta")
        gamma = parameters.real("gamma")
        xi = parameters.real("xi")
        iterations = parameters.integer("iterations")
    }

    public func begin(bits: Int) throws -> any OnlineHasher {
        LEMONHasher(method: self, bits: bits)
    }
}
