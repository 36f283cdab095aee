import HashCore
import Linalg
@testable import Methods

/// A seeded two-modality labelled dataset for the cross-modal methods: every item has a
/// latent point z = (its class mean, scaled by `separation`) + N(0, I) in `latent`
/// dimensions, seen by modality `image` as z·A + noise and by modality `text` as z·B +
/// noise (A, B fixed Gaussian maps, unit isotropic noise), so the two modalities share
/// the class structure and the item-level variation of z and nothing else. Items are
/// split into training items (the database of the retrieval tests) and queries, with
/// features of both modalities each.
struct PairedFixture {
    static let modalities = ["image", "text"]

    let training: TrainingSet
    let queries: [String: Matrix<Float>]
    let queryLabels: LabelSets
    let trainingLabels: LabelSets

    init(seed: UInt64 = 11, classes: Int = 6, latent: Int = 6, dimensions: (image: Int, text: Int) = (32, 24),
         training trainingCount: Int = 360, queries queryCount: Int = 120, separation: Float = 1.6,
         multiLabel: Bool = false) {
        var generator = SeededGenerator(seed: seed, component: "paired-fixture")
        let means = generator.normalMatrix(rows: classes, columns: latent, as: Float.self) * separation
        let maps = [generator.normalMatrix(rows: latent, columns: dimensions.image, as: Float.self),
                    generator.normalMatrix(rows: latent, columns: dimensions.text, as: Float.self)]
        func draw(_ count: Int) -> (features: [String: Matrix<Float>], labels: Matrix<Float>) {
            var points = generator.normalMatrix(rows: count, columns: latent, as: Float.self)
            let (labels, itemClasses) = FixtureLabels.draw(count, classes: classes, multiLabel: multiLabel,
                                                          generator: &generator)
            for (item, ofItem) in itemClasses.enumerated() {
                for column in 0..<latent {
                    points[item, column] += ofItem.reduce(0) { $0 + means[$1, column] }
                }
            }
            var features: [String: Matrix<Float>] = [:]
            for (modality, map) in zip(Self.modalities, maps) {
                features[modality] = Matrix.product(points, map)
                    + generator.normalMatrix(rows: count, columns: map.columns, as: Float.self)
            }
            return (features, labels)
        }
        let trainingDraw = draw(trainingCount)
        let queryDraw = draw(queryCount)
        training = TrainingSet(modalities: Self.modalities, features: trainingDraw.features, labels: trainingDraw.labels)
        queries = queryDraw.features
        queryLabels = try! LabelSets(multiHot: queryDraw.labels.map { UInt8($0) })
        trainingLabels = try! LabelSets(multiHot: trainingDraw.labels.map { UInt8($0) })
    }

    /// The training items in `count` consecutive chunks of equal size (the last takes
    /// the remainder), as an online method would receive them.
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

    /// Tie-aware mAP of queries of modality `query` against the training items as a
    /// database of modality `database`, encoded by `hasher`, or, when `learned`, as the
    /// codes it learned for them (``CrossModalHasher/trainingCodes(for:)``).
    func meanAveragePrecision(_ hasher: any TrainedHasher, query: String, database: String,
                              learned: Bool = false) throws -> Double {
        let databaseCodes = learned
            ? try (hasher as! CrossModalHasher).trainingCodes(for: database)!
            : try hasher.encode(training.features[database]!, modality: database)
        return try Self.meanAveragePrecision(queries: hasher.encode(queries[query]!, modality: query),
                                             database: databaseCodes, fixture: self)
    }

    /// Tie-aware mAP of `queries` (codes of the query items) against `database` (codes of
    /// the training items).
    static func meanAveragePrecision(queries: BinaryCodes, database: BinaryCodes, fixture: PairedFixture) throws
        -> Double {
        try RetrievalEvaluation().evaluate(queries: queries, queryLabels: fixture.queryLabels,
                                           database: database, databaseLabels: fixture.trainingLabels)
            .meanAveragePrecision.tieAware
    }

    /// The mean tie-aware mAP of random codes (independent fair bits for queries and
    /// database) over `draws` draws: the floor a learned method must clear.
    func randomCodesMAP(bits: Int, draws: Int = 5) throws -> Double {
        var generator = SeededGenerator(seed: 99, component: "random-codes")
        var total = 0.0
        for _ in 0..<draws {
            let queries = try BinaryCodes(signsOf: generator.normalMatrix(rows: queryLabels.count, columns: bits,
                                                                          as: Float.self))
            let database = try BinaryCodes(signsOf: generator.normalMatrix(rows: training.count, columns: bits,
                                                                           as: Float.self))
            total += try Self.meanAveragePrecision(queries: queries, database: database, fixture: self)
        }
        return total / Double(draws)
    }
}
