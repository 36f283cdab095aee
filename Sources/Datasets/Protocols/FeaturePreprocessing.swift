/// How a run prepares its features before a method sees them: part of the protocol
/// (a spec's `protocol: {…, preprocess: zscore}`, `hashlab run-one --preprocess zscore`).
///
/// Statistics come from the training items only, and the one transform they define is
/// applied identically to training, query and database features (see
/// ``FittedPreprocessing``). With the n training rows x₁ … xₙ ∈ ℝᵈ, the column means
/// μⱼ = (1/n)·Σᵢ xᵢⱼ and the population standard deviations
/// σⱼ = √((1/n)·Σᵢ (xᵢⱼ − μⱼ)²), a feature row x becomes:
///
/// - `none`: x, the features as stored (the default);
/// - `center`: x − μ;
/// - `zscore`: (xⱼ − μⱼ)/σⱼ in each column j, except that a column with σⱼ = 0 (constant
///   on the training items) is left centred, xⱼ − μⱼ, divided by 1 instead of 0;
/// - `l2`: x/‖x‖₂, each item (row) scaled to unit Euclidean norm on its own, with no
///   statistics; a zero row stays zero.
///
/// `none` is the default because nothing hashlab builds on prescribes another: the
/// reading notes on ASZH, LEMON, DCMH, THN and CNNH/DNNH (shared/papers) and DESIGN.md
/// name no preprocessing, and the kernel methods (ASZH, SDH, KSH, CNNH) set their RBF
/// width from the data by default, so a global rescaling of the features does not
/// change them.
/// On mfeat z-scoring is a finding, not a fix: it helps some views and methods and
/// hurts others (results/tables/zero-shot-mfeat-compare-preprocess.md).
public enum FeaturePreprocessing: String, Codable, Hashable, Sendable, CaseIterable {
    case none, center, zscore, l2
}
