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
///   and φ(K̄a)ᵀR φ(K̄a) is ascended along its gradient K̄ᵀ((Rφ) ⊙ (1 − φ²)) with a
///   backtracking step (the paper uses Nesterov's method; the optimum sought is the same).
/// - As in the authors' code, the refined a replaces a₀ only if its sign codes score
///   higher on the discrete objective b_kᵀR b_k.
/// Diagnostics record, per bit, ‖R_k‖²_F and how many of the l signs the refinement
/// changed. The ratio r_s/r_d applies to S₀.
///
/// Defaults (the paper's): 300 anchors, 2,000 labelled items, σ = mean item–anchor
/// distance; 100 refinement steps at most.
public struct KSH: HashingMethod {
    public static let name = "ksh"
    public static let summary = "supervised hashing with kernels, greedy bits by spectral init + gradient (Liu et al. 2012)"
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
        let kernel = try KernelFeatures(data.primary.selectingRows(chosen), anchors: anchors, sigma: sigma,
                                        centred: true, method: Self.name, generator: &generator)
        let features = kernel.values
        let count = features.rows
        let similarity = LabelSimilarity(labels: labels, ratio: ratio)
        var residual = similarity.apply(Matrix<Float>.identity(count)) * Float(bits)   // R₀ = K·S₀, l × l
        let whitening = try Self.inverseSquareRoot(of: features.transposedProduct())
        var projection = Matrix<Float>.zeros(rows: features.columns, columns: bits)
        var diagnostics = TrainingDiagnostics()
        var residualNorm = SignMatrix.squaredNorm(residual)
        for bit in 0..<bits {
            let spectral = try Self.spectralDirection(features: features, residual: residual, whitening: whitening)
            let spectralCodes = SignMatrix.signs(Matrix.product(features, spectral))
            let refined = Self.refine(spectral, features: features, residual: residual, steps: refinements)
            let refinedCodes = SignMatrix.signs(Matrix.product(features, refined))
            let spectralScore = Self.quadratic(spectralCodes, residual)
            let refinedScore = Self.quadratic(refinedCodes, residual)
            let (direction, codes, score) = refinedScore > spectralScore
                ? (refined, refinedCodes, refinedScore) : (spectral, spectralCodes, spectralScore)
            for row in 0..<features.columns { projection[row, bit] = direction.elements[row] }
            residual = residual - Matrix.product(codes, codes, transposeB: true)
            residualNorm += -2 * score + Double(count * count)
            diagnostics.iterations.append(.init(objective: residualNorm,
                                                bitsChanged: SignMatrix.changes(spectralCodes, codes)))
        }
        diagnostics.notes["sigma"] = "\(kernel.map.sigma)"
        diagnostics.notes["samples"] = "\(count)"
        return KernelHasher(kernel: kernel.map, mean: kernel.mean, map: AffineProjection(projection: projection),
                            trainingCodes: nil,
                            diagnostics: diagnostics)
    }

    /// bᵀ·R·b.
    static func quadratic(_ b: Matrix<Float>, _ r: Matrix<Float>) -> Double {
        let rb = Matrix.product(r, b)
        return zip(b.elements, rb.elements).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// (G + εI)^{−1/2} for the Gram matrix G = K̄ᵀK̄, with ε = 1e-6·trace(G)/m so the
    /// square root exists when anchors nearly coincide.
    static func inverseSquareRoot(of gram: Matrix<Float>) throws -> Matrix<Float> {
        let size = gram.rows
        var trace: Float = 0
        for index in 0..<size { trace += gram[index, index] }
        let epsilon = max(1e-6 * trace / Float(size), 1e-12)
        let (values, vectors): ([Float], Matrix<Float>)
        do {
            (values, vectors) = try gram.symmetricEigendecomposition()
        } catch {
            throw TrainingError.numerical(method: name, step: "Gram eigendecomposition", reason: "\(error)")
        }
        var scaled = vectors
        for column in 0..<size {
            let factor = 1 / (max(values[column], 0) + epsilon).squareRoot()
            for row in 0..<size { scaled[row, column] *= factor }
        }
        return Matrix.product(scaled, vectors, transposeB: true)
    }

    /// a₀ = √l · M^{−1/2}·v for the top eigenvector v of M^{−1/2}K̄ᵀR K̄ M^{−1/2}.
    static func spectralDirection(features: Matrix<Float>, residual: Matrix<Float>,
                                  whitening: Matrix<Float>) throws -> Matrix<Float> {
        let whitened = Matrix.product(features, whitening)                       // K̄·M^{−1/2}, l × m
        let problem = Matrix.product(whitened, Matrix.product(residual, whitened), transposeA: true)
        let (_, vectors): ([Float], Matrix<Float>)
        do {
            (_, vectors) = try problem.symmetricEigendecomposition()
        } catch {
            throw TrainingError.numerical(method: name, step: "spectral relaxation", reason: "\(error)")
        }
        let top = Matrix(rows: vectors.rows, columns: 1, elements: vectors.column(vectors.columns - 1))
        return Matrix.product(whitening, top) * Float(features.rows).squareRoot()
    }

    /// Gradient ascent on φ(K̄a)ᵀRφ(K̄a) from `start`, halving the step until it ascends.
    static func refine(_ start: Matrix<Float>, features: Matrix<Float>, residual: Matrix<Float>,
                       steps: Int) -> Matrix<Float> {
        func smoothed(_ a: Matrix<Float>) -> Matrix<Float> {
            Matrix.product(features, a).map { 2 / (1 + expf(-$0)) - 1 }
        }
        var direction = start
        var phi = smoothed(direction)
        var value = quadratic(phi, residual)
        var step: Float = 1
        for _ in 0..<steps {
            let rPhi = Matrix.product(residual, phi)
            var weights = rPhi
            for index in weights.elements.indices {
                weights.elements[index] *= 1 - phi.elements[index] * phi.elements[index]
            }
            let gradient = Matrix.product(features, weights, transposeA: true)
            let norm = SignMatrix.squaredNorm(gradient).squareRoot()
            guard norm > 0 else { break }
            var improved = false
            var trial = step
            while trial > 1e-8 {
                let candidate = direction + gradient * (trial / Float(norm)) * Float(SignMatrix.squaredNorm(direction).squareRoot())
                let candidatePhi = smoothed(candidate)
                let candidateValue = quadratic(candidatePhi, residual)
                if candidateValue > value {
                    direction = candidate
                    phi = candidatePhi
                    let gain = candidateValue - value
                    value = candidateValue
                    improved = gain > 1e-6 * abs(value)
                    step = min(trial * 2, 1)
                    break
                }
                trial /= 2
            }
            if !improved { break }
        }
        return direction
    }
}
