import HashCore
import Linalg

/// SDH (supervised discrete hashing; Shen, Shen, Liu and Shen, CVPR 2015). Objective
/// (Eq. 5), with Φ the centred RBF kernel features on m anchors (N × m), labels Y
/// (N × C), codes B ∈ {±1}^{N×K}:
///
///     min ‖Y − B·W‖² + λ‖W‖² + ν‖B − Φ·P‖² + ν·δ‖P‖²
///
/// The hash-function fit has an intercept c (ΦP + 1cᵀ, ``RidgeRegression``): without
/// it, centred Φ forces every bit's prediction to mean zero.
///
/// Alternation, each step exact, so the objective is non-increasing:
/// - W-step (G-step, Eq. 6): W = (BᵀB + λI)⁻¹BᵀY;
/// - P-step (F-step, Eq. 7): P = (Φ̄ᵀΦ̄ + δI)⁻¹Φ̄ᵀB, c = b̄ − Pᵀφ̄ (Φ̄ centred);
/// - B-step (Eqs. 9–14, discrete cyclic coordinate descent): with Q = Y·Wᵀ + ν·(ΦP + 1cᵀ),
///   bit k is b_k = sgn(q_k − B_{¬k}·W_{¬k}·w_kᵀ), the exact minimiser over b_k with
///   the other bits fixed; `sweeps` passes over the bits per iteration.
/// B starts as random signs. New items: sgn((φ(x) − μ_Φ)·P + c). The per-iteration
/// objective (after the B-step) and changed bits are recorded.
///
/// Training and encoding run in Double (``KernelFeatures``, ``KernelHasher``): in Float
/// the ridge solve on the RBF Gram matrix and the bit decisions depended on the BLAS
/// kernels' rounding (mfeat `pix`, z-scored, 64 bits, seed 1: z-scoring's paired effect
/// on SDH's mAP was −0.0039 under the Haswell kernels and −0.0061 under Cooperlake's).
///
/// Defaults are the authors' code's: 1,000 anchors, σ = mean item–anchor distance,
/// 5 iterations of 10 B-sweeps, λ = 1, ν = 1e-5, δ = 0.01.
public struct SDH: HashingMethod {
    public static let name = "sdh"
    public static let summary = "supervised discrete hashing, kernel features and cyclic bit descent (Shen et al. 2015)"
    /// 2: the hash functions have their intercept (``RidgeRegression``); Double.
    public static let revision = 2
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("anchors", .integer(1...100_000), default: .integer(1000), "RBF anchors sampled from training items"),
        ParameterSpec("sigma", .optionalReal(1e-12...1e12), default: .automatic, "RBF width (auto: mean item–anchor distance)"),
        ParameterSpec("lambda", .real(1e-12...1e12), default: .real(1), "weight of ‖W‖² (classifier ridge)"),
        ParameterSpec("nu", .real(0...1e12), default: .real(1e-5), "weight of the hash-function fit ‖B − ΦP‖²"),
        ParameterSpec("ridge", .real(1e-12...1e12), default: .real(0.01), "δ, ridge of the P-step"),
        ParameterSpec("iterations", .integer(1...1000), default: .integer(5), "outer iterations"),
        ParameterSpec("sweeps", .integer(1...1000), default: .integer(10), "B-step passes over the bits per iteration"),
    ]

    public let anchors: Int
    public let sigma: Double?
    public let lambda: Double
    public let nu: Double
    public let ridge: Double
    public let iterations: Int
    public let sweeps: Int

    public init(parameters: ResolvedParameters) throws {
        anchors = parameters.integer("anchors")
        sigma = parameters.optionalReal("sigma")
        lambda = parameters.real("lambda")
        nu = parameters.real("nu")
        ridge = parameters.real("ridge")
        iterations = parameters.integer("iterations")
        sweeps = parameters.integer("sweeps")
    }

    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        let kernel = try KernelFeatures<Double>(data.primary, anchors: anchors, sigma: sigma, centred: true,
                                        method: Self.name, generator: &generator)
        let phi = kernel.values
        let labels = data.labels.map(Double.init)
        let regression = RidgeRegression(features: phi, ridge: ridge)
        var codes = SignMatrix.signs(generator.normalMatrix(rows: data.count, columns: bits, as: Float.self)
            .map(Double.init))
        var fit = AffineProjection<Double>(projection: .zeros(rows: phi.columns, columns: bits))
        var diagnostics = TrainingDiagnostics()
        for _ in 0..<iterations {
            let classifier = try Self.classifier(codes: codes, labels: labels, lambda: lambda)
            fit = try regression.solve(codes, method: Self.name)
            let fitted = fit.apply(phi)
            var target = Matrix.product(labels, classifier, transposeB: true)
            for index in target.elements.indices { target.elements[index] += nu * fitted.elements[index] }
            let previous = codes
            for _ in 0..<sweeps {
                Self.cyclicBitDescent(&codes, target: target, classifier: classifier)
            }
            let objective = SignMatrix.squaredDistance(labels, Matrix.product(codes, classifier))
                + lambda * SignMatrix.squaredNorm(classifier)
                + nu * (SignMatrix.squaredDistance(codes, fitted) + ridge * SignMatrix.squaredNorm(fit.projection))
            diagnostics.iterations.append(.init(objective: objective, bitsChanged: SignMatrix.changes(previous, codes)))
        }
        fit = try regression.solve(codes, method: Self.name)
        diagnostics.notes["sigma"] = "\(kernel.map.sigma)"
        return KernelHasher(kernel: kernel.map, mean: kernel.mean, map: fit,
                            trainingCodes: try BinaryCodes(signsOf: codes), diagnostics: diagnostics)
    }

    /// W = (BᵀB + λI)⁻¹BᵀY (K × C).
    static func classifier(codes: Matrix<Double>, labels: Matrix<Double>, lambda: Double) throws -> Matrix<Double> {
        var gram = codes.transposedProduct()
        for index in 0..<gram.rows { gram[index, index] += lambda }
        do {
            return try gram.solvingPositiveDefinite(Matrix.product(codes, labels, transposeA: true))
        } catch {
            throw TrainingError.numerical(method: name, step: "W-step", reason: "\(error)")
        }
    }

    /// One pass of b_k = sgn(q_k − B_{¬k}·(W_{¬k}·w_kᵀ)) over the bits k, in place.
    static func cyclicBitDescent(_ codes: inout Matrix<Double>, target: Matrix<Double>, classifier: Matrix<Double>) {
        let bits = codes.columns
        let coupling = classifier.productWithTranspose()          // W·Wᵀ, K × K
        let count = codes.rows
        codes.elements.withUnsafeMutableBufferPointer { b in
            target.elements.withUnsafeBufferPointer { q in
                coupling.elements.withUnsafeBufferPointer { v in
                    for bit in 0..<bits {
                        for item in 0..<count {
                            var interaction = 0.0
                            for other in 0..<bits where other != bit {
                                interaction += b[item * bits + other] * v[other * bits + bit]
                            }
                            b[item * bits + bit] = q[item * bits + bit] - interaction >= 0 ? 1 : -1
                        }
                    }
                }
            }
        }
    }
}
