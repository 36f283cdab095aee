import HashCore
import Linalg

/// BOLSH (batch-orthogonalized LSH; Ji et al., "Batch-Orthogonal Locality-Sensitive
/// Hashing", as used in the sign-random-projection literature): like ``LSH``, codes
/// are sign((x − μ)·W), but the columns of W come in batches that are orthonormal:
/// each batch of min(K remaining, D) columns is the Q factor of a D × b Gaussian
/// matrix (Haar-distributed on the Stiefel manifold). Orthogonal directions within a
/// batch make bits less redundant than independent hyperplanes. No parameters.
public struct BOLSH: HashingMethod {
    public static let name = "bolsh"
    public static let summary = "batch-orthogonalized random projections through the data mean"
    public static let parameters: [ParameterSpec] = []

    public init(parameters: ResolvedParameters) throws {}

    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        let features = data.primary
        let dimension = features.columns
        var projection = Matrix<Float>.zeros(rows: dimension, columns: bits)
        var start = 0
        while start < bits {
            let batch = min(bits - start, dimension)
            let block = generator.orthonormalMatrix(rows: dimension, columns: batch, as: Float.self)
            for row in 0..<dimension {
                for column in 0..<batch { projection[row, start + column] = block[row, column] }
            }
            start += batch
        }
        return LinearHasher(mean: features.columnMeans(), projection: projection)
    }
}
