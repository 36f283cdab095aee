import HashCore
import Linalg

/// ITQ (iterative quantization; Gong and Lazebnik, CVPR 2011). Objective (Eq. 2):
///
///     min_{B, R} ‖B − V·R‖²_F,  V = (X − 1μᵀ)·W_pca (N × K),  RᵀR = I,  B ∈ {±1}^{N×K}
///
/// with W_pca the top-K principal directions of the training features. Alternation
/// (§2.3, ``IterativeQuantization``): B = sgn(V·R); then R from the orthogonal Procrustes
/// problem: with the SVD BᵀV = U·Σ·Ŭᵀ (K × K), R = Ŭ·Uᵀ. Each step minimises the
/// objective exactly, so the quantization loss is non-increasing; it is recorded per
/// iteration with the number of bits that changed. R starts as a random orthogonal
/// matrix. Codes of new items: sgn((x − μ)·W_pca·R). Defaults: 50 iterations (the
/// paper's). Needs K ≤ D.
///
/// Training runs in Double (features, covariance, projections, rotation). The codes
/// are signs of V·R, and the alternation does not always settle within its iterations
/// (on mfeat's raw `fac` view 58 bits still flipped at iteration 50): in Float, the
/// last-bit differences between BLAS kernel families changed which items sat on which
/// side of zero and moved mAP by up to 0.0035; in Double they stay ~10⁻¹⁶.
public struct ITQ: HashingMethod {
    public static let name = "itq"
    public static let summary = "PCA then iterative quantization by orthogonal Procrustes (Gong & Lazebnik 2011)"
    /// 2: trains in Double (codes no longer depend on the BLAS kernels).
    public static let revision = 2
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("iterations", .integer(0...10_000), default: .integer(50), "Procrustes iterations"),
    ]

    public let iterations: Int

    public init(parameters: ResolvedParameters) throws {
        iterations = parameters.integer("iterations")
    }

    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        let features = data.primary.map(Double.init)
        guard bits <= features.columns else {
            throw TrainingError.bitsExceedDimension(method: Self.name, bits: bits, dimension: features.columns)
        }
        let mean = features.columnMeans()
        let centred = features.centred(by: mean)
        let principal = try Self.principalDirections(of: centred, count: bits)
        let projected = Matrix.product(centred, principal)
        let quantization = try IterativeQuantization(projected, iterations: iterations, method: Self.name,
                                                     generator: &generator)
        return LinearHasher(mean: mean.map(Float.init),
                            projection: Matrix.product(principal, quantization.rotation).map(Float.init),
                            trainingCodes: try BinaryCodes(signsOf: quantization.codes),
                            diagnostics: TrainingDiagnostics(iterations: quantization.iterations))
    }

    /// The `count` leading eigenvectors of the covariance of centred features (D × count),
    /// largest eigenvalue first.
    static func principalDirections<Scalar: BLASScalar>(of centred: Matrix<Scalar>, count: Int) throws
        -> Matrix<Scalar> {
        let (_, vectors) = try checked { try centred.transposedProduct().symmetricEigendecomposition() }
        let dimension = vectors.rows
        var leading = Matrix<Scalar>.zeros(rows: dimension, columns: count)
        for column in 0..<count {
            for row in 0..<dimension { leading[row, column] = vectors[row, dimension - 1 - column] }
        }
        return leading
    }

    private static func checked<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch {
            throw TrainingError.numerical(method: name, step: "decomposition", reason: "\(error)")
        }
    }
}
