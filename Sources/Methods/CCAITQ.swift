import Foundation
import HashCore
import Linalg

/// CCA-ITQ (Gong, Lazebnik, Gordo and Perronnin, IEEE TPAMI 2013, "Iterative
/// quantization: a Procrustean approach to learning binary codes for large-scale image
/// retrieval"), as the unsupervised cross-modal baseline: CCA between the two paired
/// modalities in place of ITQ's PCA, then one ITQ rotation for both. No labels are used.
///
/// 1. CCA (``CanonicalCorrelation``): with X̄, Ȳ the features centred by their training
///    means μ_x, μ_y and Σ_xx = X̄ᵀX̄/(N − 1) + εI, Σ_yy likewise, Σ_xy = X̄ᵀȲ/(N − 1), the
///    top-K canonical pairs maximise w_xᵀΣ_xy w_y subject to w_xᵀΣ_xx w_x = w_yᵀΣ_yy w_y = 1
///    (solved by whitening and an SVD, in Double). There are at most min(d_x, d_y) pairs,
///    so K > min(d_x, d_y) is not applicable (``TrainingError/bitsExceedDimension(method:bits:dimension:)``).
/// 2. Scaling: column k of W_x and W_y is multiplied by ρ_k^p (ρ_k the k-th canonical
///    correlation), p = `power`; the authors' `cca.m` is used as `W·diag(r)` with r = ρ,
///    i.e. p = 1 (p = 0: no scaling).
/// 3. ITQ (``IterativeQuantization``, the paper's Eq. 2 alternation B = sgn(V·R), R by
///    orthogonal Procrustes): one rotation R for both modalities, learned on their stacked
///    projections V = [X̄W_x; ȲW_y] (2N × K), so that the two modalities share one binary
///    space; the quantization loss ‖B − V·R‖²_F is non-increasing and recorded.
///
/// Codes of new items of modality m: sgn((x − μ_m)·W_m·R) (``CrossModalHasher``). The
/// training items' unified codes (``TrainedHasher/trainingCodes``, for both modalities) are
/// sgn(½(X̄W_x + ȲW_y)·R), the rotated average of the two projections.
///
/// Defaults: ε = 1e-4 (Gong's `cca.m`), p = 1, 50 iterations (ITQ's).
public struct CCAITQ: HashingMethod {
    public static let name = "cca-itq"
    public static let summary = "CCA between two modalities, then one ITQ rotation for both (Gong et al. 2013)"
    public static var modalityNeeds: ModalityNeeds { .paired }
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("regularisation", .real(0...1e12), default: .real(1e-4), "ε added to each covariance"),
        ParameterSpec("power", .real(0...100), default: .real(1), "p: directions scaled by correlation^p"),
        ParameterSpec("iterations", .integer(0...10_000), default: .integer(50), "Procrustes iterations"),
    ]

    public let regularisation: Double
    public let power: Double
    public let iterations: Int

    public init(parameters: ResolvedParameters) throws {
        regularisation = parameters.real("regularisation")
        power = parameters.real("power")
        iterations = parameters.integer("iterations")
    }

    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        precondition(data.modalities.count == 2, "cca-itq trains on two paired modalities, got \(data.modalities)")
        let features = try data.modalities.map { try data.features(of: $0).map(Double.init) }
        let dimension = features.map(\.columns).min()!
        guard bits <= dimension else {
            throw TrainingError.bitsExceedDimension(method: Self.name, bits: bits, dimension: dimension)
        }
        guard data.count >= 2 else { throw TrainingError.tooFewItems(method: Self.name, found: data.count, needed: 2) }
        let means = features.map { $0.columnMeans() }
        let centred = zip(features, means).map { $0.centred(by: $1) }
        let cca = try CanonicalCorrelation(x: centred[0], y: centred[1], regularisation: regularisation, count: bits,
                                           method: Self.name)
        let weights = cca.correlations.map { pow($0, power) }
        let directions = [cca.x, cca.y].map { directions in
            var scaled = directions
            for row in 0..<scaled.rows {
                for column in 0..<bits { scaled[row, column] *= weights[column] }
            }
            return scaled
        }
        let projected = zip(centred, directions).map { Matrix.product($0, $1) }
        let stacked = Matrix(rows: 2 * data.count, columns: bits,
                             elements: projected[0].elements + projected[1].elements)
        let quantization = try IterativeQuantization(stacked, iterations: iterations, method: Self.name,
                                                     generator: &generator)
        let average = (projected[0] + projected[1]).scaled(by: 0.5)
        var diagnostics = TrainingDiagnostics(iterations: quantization.iterations)
        diagnostics.notes["correlations"] = cca.correlations.map { String(format: "%.4f", $0) }.joined(separator: " ")
        return CrossModalHasher(
            modalities: data.modalities, means: means,
            maps: directions.map { AffineProjection(projection: Matrix.product($0, quantization.rotation)) },
            trainingCodes: try BinaryCodes(signsOf: Matrix.product(average, quantization.rotation)),
            diagnostics: diagnostics)
    }
}
