import HashCore
import Linalg

/// LSH (locality-sensitive hashing by random hyperplanes; Charikar, STOC 2002, the
/// sign-random-projection family): h_k(x) = sign((x − μ)·w_k), w_k ~ N(0, I), with μ
/// the training mean so the hyperplanes pass through the data's centre. No learning,
/// no parameters; the floor every learned method must beat.
public struct LSH: HashingMethod {
    public static let name = "lsh"
    public static let summary = "random Gaussian hyperplanes through the data mean (Charikar 2002)"
    public static let parameters: [ParameterSpec] = []

    public init(parameters: ResolvedParameters) throws {}

    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        let features = data.primary
        let projection = generator.normalMatrix(rows: features.columns, columns: bits, as: Float.self)
        return LinearHasher(mean: features.columnMeans(), projection: projection)
    }
}
