import HashCore
import Linalg
@testable import Methods

/// A seeded labelled dataset for method tests: `classes` Gaussian clusters in
/// `dimension` dimensions whose means lie in a 4-d subspace (scaled by `separation`),
/// plus unit isotropic noise, so classes overlap and hashing them well takes learning.
/// Items are split into training (labelled), queries and a database, all of the same
/// classes (seen-class retrieval: where supervised methods should beat LSH).
struct ClusteredFixture {
    let training: TrainingSet
    let queries: Matrix<Float>
    let queryLabels: LabelSets
    let databaseLabels: LabelSets

    init(seed: UInt64 = 11, classes: Int = 6, dimension: Int = 24, training trainingCount: Int = 360,
         queries queryCount: Int = 120, separation: Float = 1.6, multiLabel: Bool = false) {
        var generator = SeededGenerator(seed: seed, component: "fixture")
        let basis = generator.orthonormalMatrix(rows: dimension, columns: 4, as: Float.self)
        let means = Matrix.product(generator.normalMatrix(rows: classes, columns: 4, as: Float.self), basis,
                                   transposeB: true) * separation
        func draw(_ count: Int) -> (Matrix<Float>, Matrix<Float>) {
            var features = generator.normalMatrix(rows: count, columns: dimension, as: Float.self)
            let (labels, itemClasses) = FixtureLabels.draw(count, classes: classes, multiLabel: multiLabel,
                                                          generator: &generator)
            for (item, ofItem) in itemClasses.enumerated() {
                for column in 0..<dimension {
                    features[item, column] += ofItem.reduce(0) { $0 + means[$1, column] }
                }
            }
            return (features, labels)
        }
        let (trainingFeatures, trainingLabels) = draw(trainingCount)
        let (queryFeatures, queryLabelMatrix) = draw(queryCount)
        training = TrainingSet(features: trainingFeatures, labels: trainingLabels)
        queries = queryFeatures
        queryLabels = try! LabelSets(multiHot: queryLabelMatrix.map { UInt8($0) })
        databaseLabels = try! LabelSets(multiHot: trainingLabels.map { UInt8($0) })
    }

    /// Tie-aware mAP of the queries against the training items as database, both
    /// encoded by `hasher`.
    func meanAveragePrecision(_ hasher: any TrainedHasher) throws -> Double {
        let database = try hasher.encode(training.primary, modality: training.primaryModality)
        let encoded = try hasher.encode(queries, modality: training.primaryModality)
        return try RetrievalEvaluation().evaluate(queries: encoded, queryLabels: queryLabels,
                                                  database: database, databaseLabels: databaseLabels)
            .meanAveragePrecision.tieAware
    }

    /// Trains `method` with `parameters` on the training set.
    func train(_ method: String, bits: Int, seed: UInt64 = 1, _ parameters: [String: String] = [:]) throws
        -> any TrainedHasher {
        let (instance, _) = try MethodRegistry.make(method, parameters: parameters)
        var generator = SeededGenerator(seed: seed, component: "method/\(method)")
        return try instance.train(training, bits: bits, generator: &generator)
    }
}
