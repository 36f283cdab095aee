import Foundation
import HashCore
import Linalg

/// KSH (supervised hashing with kernels; Liu, Wang, Ji, Jiang and Chang, CVPR 2012).
/// On l labelled items (a seeded subset of the training set) with centred kernel
/// features K̄ (l × m, m anchors) and pairwise similarity S₀ (r_s for pairs sharing a
/// label, r_d otherwise; the paper's is 1/−1), codes b_k = sgn(K̄·a_k) minimise
/// (Eq. 5)
///
///     ‖B·Bᵀ − K·S₀‖²_F   (K = the number of bits),
///
/// learned greedily (Eq. 8): with R₀ = K·S₀ and R_k = R_{k−1} − b_k·b_kᵀ, bit k
/// maximises b_kᵀ·R_{k−1}·b_k.
/// - Spectral initialization (Eq. 10): a₀ is the top generalized eigenvector of
///   K̄ᵀR K̄·a = η·(K̄ᵀK̄ + εI)·a, scaled so that a₀ᵀ(K̄ᵀK̄)a₀ = l.
/// - Gradient refinement (Eqs. 11–12): the sign is smoothed to φ(x) = 2/(1 + e^{−x}) − 1
///   and φ(K̄a)ᵀR φ(K̄a) is ascended by Nesterov's accelerated gradient as in the
///   authors' code (``refine(_:whitened:features:root:residual:steps:)``), with K̄a
///   computed in the whitened coordinates of the spectral step, where it is well
///   conditioned. (hashlab's earlier ascent took steps of length ∝ ‖a‖ from a directly:
///   from one spectral start it ended on other codes under the Haswell, SkylakeX and
///   Sandybridge BLAS kernels, mAP on mfeat `fac`, 16 bits, seed 1, 0.280, 0.389 and
///   0.277 even in Double; this one gives 0.3466 under all three.)
/// - As in the authors' code, the refined a replaces a₀ only if its sign codes score
///   higher on the discrete objective b_kᵀR b_k.
/// Diagnostics record, per bit, ‖R_k‖²_F and how many of the l signs the refinement
/// changed. The ratio r_s/r_d applies to S₀.
///
/// Training and encoding run in Double (``KernelFeatures``, ``KernelHasher``): with
/// a's large entries, sgn(K̄a) computed in Float lost the codes' meaning (spectral codes
/// only, `refinements=0`, on mfeat `fac`, 32 bits, seeds 1 and 2: mAP 0.299 and 0.292
/// encoded in Float, 0.398 and 0.359 in Double).
///
/// Defaults (the paper's): 300 anchors, 2,000 labelled items, σ = mean item–anchor
/// distance; 100 refinement steps at most (the authors' code allows 500; on mfeat its
/// stopping rule never fired within 500, which took 74 s for 64 bits against 15 s).
public struct KSH: HashingMethod {
    public static let name = "ksh"
    public static let summary = "supervised hashing with kernels, greedy bits by spectral init + gradient (Liu et al. 2012)"
    /// 2: Double throughout, the authors' Nesterov refinement in whitened coordinates.
    public static let revision = 2
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("ratio", .ratio, default: .ratio(.values(same: 1, different: -1)), "similarity r_s/r_d of S₀"),
        ParameterSpec("anchors", .integer(1...100_000), default: .integer(300), "RBF anchors sampled from the labelled items"),
        ParameterSpec("samples", .integer(2...100_000), default: .integer(2000), "labelled training items l (seeded subset)"),
        ParameterSpec("sigma", .optionalReal(1e-12...1e12), default: .automatic, "RBF width (auto: mean item–anchor distance)"),
        ParameterSpec("refinements", .integer(0...100_000), default: .integer(100), "gradient steps per bit at most"),
    ]

    public let ratio: SimilarityRatio
    public let anchors: Int
    public let samples: Int
    public let sigma: Double?
    public let refinements: Int

    public init(parameters: ResolvedParameters) throws {
        ratio = parameters.ratio("ratio")
        anchors = parameters.integer("anchors")
        samples = parameters.integer("samples")
        sigma = parameters.optionalReal("sigma")
        refinements = parameters.integer("refinements")
    }

    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        let chosen = generator.sample(min(samples, data.count), from: data.count).sorted()
        let labels = data.labels.selectingRows(chosen)
        let kernel = try KernelFeatures<Double>(data.primary.selectingRows(chosen), anchors: anchors, sigma: sigma,
                                        centred: true, method: Self.name, generator: &generator)
        let features = kernel.values
        let count = features.rows
        let similarity = LabelSimilarity(labels: labels, ratio: ratio)
        var residual = KSHResidual(similarity: similarity, bits: bits)   // R₀ = K·S₀
        let (whitening, root) = try Self.squareRoots(of: features.transposedProduct())
        let whitened = Matrix.product(features, whitening)                   // K̄·M^{−1/2}, l × m
        var projection = Matrix<Double>.zeros(rows: features.columns, columns: bits)
        var diagnostics = TrainingDiagnostics()
        for bit in 0..<bits {
            let spectral = try Self.spectralDirection(whitened: whitened, residual: residual)
            let spectralCodes = SignMatrix.signs(Matrix.product(whitened, spectral))
            let refined = Self.refine(spectral, whitened: whitened, features: features, root: root,
                                      residual: residual, steps: refinements)
            let refinedCodes = SignMatrix.signs(Matrix.product(whitened, refined))
            let (direction, codes) = residual.quadratic(refinedCodes) > residual.quadratic(spectralCodes)
                ? (refined, refinedCodes) : (spectral, spectralCodes)
            let coefficients = Matrix.product(whitening, direction)              // a = M^{−1/2}·w
            for row in 0..<features.columns { projection[row, bit] = coefficients.elements[row] }
            residual.subtract(codes)
            diagnostics.iterations.append(.init(objective: residual.squaredNorm,
                                                bitsChanged: SignMatrix.changes(spectralCodes, codes)))
        }
        diagnostics.notes["sigma"] = "\(kernel.map.sigma)"
        diagnostics.notes["samples"] = "\(count)"
        return KernelHasher(kernel: kernel.map, mean: kernel.mean, map: AffineProjection(projection: projection),
                            trainingCodes: nil,
                            diagnostics: diagnostics)
    }

    /// (M^{−1/2}, M^{1/2}) for M = G + εI, G = K̄ᵀK̄ the Gram matrix, with
    /// ε = 1e-6·trace(G)/m so that the inverse exists when anchors nearly coincide.
    static func squareRoots(of gram: Matrix<Double>) throws -> (inverse: Matrix<Double>, root: Matrix<Double>) {
        let size = gram.rows
        var trace = 0.0
        for index in 0..<size { trace += gram[index, index] }
        let epsilon = max(1e-6 * trace / Double(size), 1e-12)
        let (values, vectors): ([Double], Matrix<Double>)
        do {
            (values, vectors) = try gram.symmetricEigendecomposition()
        } catch {
            throw TrainingError.numerical(method: name, step: "Gram eigendecomposition", reason: "\(error)")
        }
        var inverse = vectors
        var root = vectors
        for column in 0..<size {
            let factor = (max(values[column], 0) + epsilon).squareRoot()
            for row in 0..<size {
                inverse[row, column] /= factor
                root[row, column] *= factor
            }
        }
        return (Matrix.product(inverse, vectors, transposeB: true), Matrix.product(root, vectors, transposeB: true))
    }

    /// w₀ = √l·v for the top eigenvector v of M^{−1/2}K̄ᵀR K̄ M^{−1/2} (a₀ = M^{−1/2}·w₀).
    static func spectralDirection(whitened: Matrix<Double>, residual: KSHResidual) throws -> Matrix<Double> {
        let problem = Matrix.product(whitened, residual.apply(whitened), transposeA: true)
        let (_, vectors): ([Double], Matrix<Double>)
        do {
            (_, vectors) = try problem.symmetricEigendecomposition()
        } catch {
            throw TrainingError.numerical(method: name, step: "spectral relaxation", reason: "\(error)")
        }
        let top = Matrix(rows: vectors.rows, columns: 1, elements: vectors.column(vectors.columns - 1))
        return top * Double(whitened.rows).squareRoot()
    }


    /// The authors' refinement (their `OptProjectionFast`): Nesterov's accelerated
    /// gradient on f(a) = φ(K̄a)ᵀRφ(K̄a) from a₀ = M^{−1/2}·`start`, with gradient
    /// ∇f = K̄ᵀ((Rφ) ⊙ (1 − φ²)). Each step goes from the extrapolated point v to
    /// z = v + ∇f(v)/L, L doubled (it never shrinks) until f(z) ≥ f(v) + ‖∇f(v)‖²/2L;
    /// it stops when no L up to 2⁵⁰ passes, after `steps` steps, or when f changes by at
    /// most 0.01 per labelled item.
    ///
    /// The path is that of a, but carried as w = M^{1/2}·a, with K̄a = (K̄M^{−1/2})·w and
    /// the step in w being M^{1/2}·∇f: a is large along the Gram matrix's weak directions,
    /// and K̄a formed from a is a small difference of large terms whose rounding differs
    /// between BLAS kernels. Returns w.
    static func refine(_ start: Matrix<Double>, whitened: Matrix<Double>, features: Matrix<Double>,
                       root: Matrix<Double>, residual: KSHResidual, steps: Int) -> Matrix<Double> {
        func smoothed(_ w: Matrix<Double>) -> Matrix<Double> {
            Matrix.product(whitened, w).map { 2 / (1 + exp(-$0)) - 1 }
        }
        let count = Double(whitened.rows)
        var (previous, current) = (start, start)
        var lastValue = residual.quadratic(smoothed(start))
        var (delta, nextDelta) = (0.0, 1.0)
        var lipschitz = 1.0
        for _ in 0..<steps {
            let point = current + (current - previous) * ((delta - 1) / nextDelta)
            let phi = smoothed(point)
            var weights = residual.apply(phi)
            let value = zip(phi.elements, weights.elements).reduce(0.0) { $0 + $1.0 * $1.1 }
            for index in weights.elements.indices {
                weights.elements[index] *= 1 - phi.elements[index] * phi.elements[index]
            }
            let gradient = Matrix.product(features, weights, transposeA: true)     // ∇f in a
            let squaredNorm = SignMatrix.squaredNorm(gradient)
            let move = Matrix.product(root, gradient)                               // the same step in w
            var accepted: (point: Matrix<Double>, value: Double)?
            for doubling in 0...50 {
                let bound = lipschitz * Double(1 << doubling)
                let candidate = point + move * (1 / bound)
                let candidateValue = residual.quadratic(smoothed(candidate))
                if candidateValue >= value + squaredNorm / (2 * bound) {
                    lipschitz = bound
                    accepted = (candidate, candidateValue)
                    break
                }
            }
            guard let accepted else { break }
            (previous, current) = (current, accepted.point)
            (delta, nextDelta) = (nextDelta, (1 + (1 + 4 * nextDelta * nextDelta).squareRoot()) / 2)
            if abs(accepted.value - lastValue) / count <= 1e-2 { break }
            lastValue = accepted.value
        }
        return current
    }
}
