import HashCore
import Linalg
@testable import Methods

/// A seeded two-modality labelled dataset for cross-modal method tests: multi-hot
/// labels over `classes` classes (each item has class `item % classes`, and another with
/// probability `secondLabel`), and in each modality m features L·M_m·separation + unit
/// Gaussian noise, with class prototypes M_m (classes × d_m, Gaussian) drawn per
/// modality: two noisy views of the same class structure. Items are split into a
/// training set and queries.
struct PairedFixture {
    static let modalities = ["image", "text"]
    let training: TrainingSet
    let queries: [String: Matrix<Float>]
    let queryLabels: LabelSets
    let trainingLabels: LabelSets

    init(seed: UInt64 = 21, classes: Int = 4, dimensions: [Int] = [20, 12], training trainingCount: Int = 300,
         queries queryCount: Int = 100, separation: Float = 1.2, secondLabel: Double = 0.4) {
        var generator = SeededGenerator(seed: seed, component: "paired fixture")
        let prototypes = dimensions.map {
            generator.normalMatrix(rows: classes, columns: $0, as: Float.self) * separation
        }
        func draw(_ count: Int) -> (features: [String: Matrix<Float>], labels: Matrix<Float>) {
            var labels = Matrix<Float>(rows: count, columns: classes, repeating: 0)
            for item in 0..<count {
                labels[item, item % classes] = 1
                if generator.uniform() < secondLabel {
                    labels[item, (item % classes + 1 + generator.integer(below: classes - 1)) % classes] = 1
                }
            }
            var features: [String: Matrix<Float>] = [:]
            for (modality, prototype) in zip(Self.modalities, prototypes) {
                features[modality] = Matrix.product(labels, prototype)
                    + generator.normalMatrix(rows: count, columns: prototype.columns, as: Float.self)
            }
            return (features, labels)
        }
        let trainingDraw = draw(trainingCount)
        let queryDraw = draw(queryCount)
        training = TrainingSet(modalities: Self.modalities, features: trainingDraw.features,
                               labels: trainingDraw.labels)
        queries = queryDraw.features
        queryLabels = try! LabelSets(multiHot: queryDraw.labels.map { UInt8($0) })
        trainingLabels = try! LabelSets(multiHot: trainingDraw.labels.map { UInt8($0) })
    }

    /// The training items in `count` consecutive chunks of equal size (the last takes
    /// the remainder).
    func chunks(_ count: Int) -> [TrainingSet] {
        let size = training.count / count
        return (0..<count).map { index in
            let rows = (index * size)..<(index == count - 1 ? training.count : (index + 1) * size)
            return TrainingSet(modalities: training.modalities,
                               features: training.features.mapValues { $0.selectingRows(rows) },
                               labels: training.labels.selectingRows(rows))
        }
    }

    /// Trains `method` with `parameters` on the training set.
    func train(_ method: String, bits: Int, seed: UInt64 = 1, _ parameters: [String: String] = [:]) throws
        -> any TrainedHasher {
        let (instance, _) = try MethodRegistry.make(method, parameters: parameters)
        var generator = SeededGenerator(seed: seed, component: "method/\(method)")
        return try instance.train(training, bits: bits, generator: &generator)
    }
}
