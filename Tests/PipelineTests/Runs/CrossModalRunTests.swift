import Datasets
import Foundation
import HashCore
import Linalg
import Methods
import Pipeline
import Testing
import TestSupport

/// A cross-modal run trains on both modalities and is evaluated both ways; checked
/// direction by direction against the same steps done by hand and the brute-force
/// reference ranking, with database codes encoded from the database modality or
/// learned (DLFH learns one code matrix per modality: the database of A→B is B's).
@Suite struct CrossModalRunTests {
    static let crossModal = CrossModalProtocol(queries: 20, training: 100)

    @Test(arguments: ["lemon", "dlfh", "cca-itq", "scm"], [DatabaseCodes.encoded, .learned])
    func bothDirectionsMatchTheHandComputation(method name: String, codes: DatabaseCodes) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("pairs.h5")
        try PairedClusterDataset.write(to: path)
        let run = try SingleRun(dataset: path, retrievalProtocol: .crossModal(Self.crossModal), method: name,
                                parameters: [:], bits: 4, modalities: ["a", "b"], databaseCodes: codes, seed: 5,
                                cutoffs: [20])
        let result = try run.execute(catalog: DatasetCatalog(root: directory.url.path)) { _ in }
        #expect(result.metrics == nil && result.rounds == nil)
        let directions = try #require(result.directions)
        #expect(directions.keys.sorted() == ["a→b", "b→a"])
        #expect(result.splitSizes["database"] == (codes == .learned ? 100 : 140))

        let dataset = try Dataset(path: path)
        let split = try Self.crossModal.split(dataset, seed: 5)
        let database = codes == .learned ? split.training : split.database
        var labels = Matrix<Float>(rows: split.training.count, columns: 4, repeating: 0)
        for (row, item) in split.training.enumerated() { labels[row, item % 4] = 1 }
        let (method, _) = try MethodRegistry.make(name, parameters: [:])
        var generator = SeededGenerator(seed: 5, component: "method/\(name)")
        let hasher = try method.train(
            TrainingSet(modalities: ["a", "b"], features: ["a": try dataset.features("a", rows: split.training),
                                                           "b": try dataset.features("b", rows: split.training)],
                        labels: labels),
            bits: 4, generator: &generator)
        let queryLabels = try dataset.labelSets(items: split.queries)
        let databaseLabels = try dataset.labelSets(items: database)
        for (query, target) in [("a", "b"), ("b", "a")] {
            let queryCodes = try hasher.encode(try dataset.features(query, rows: split.queries), modality: query)
            let databaseCodes = codes == .learned ? try #require(try hasher.trainingCodes(for: target))
                : try hasher.encode(try dataset.features(target, rows: database), modality: target)
            let expected = (0..<queryCodes.count).map { row in
                BruteForceRanking(query: row, queries: queryCodes, queryLabels: queryLabels, database: databaseCodes,
                                  databaseLabels: databaseLabels).expectedAveragePrecision()
            }.reduce(0, +) / Double(queryCodes.count)
            let map = try #require(directions["\(query)→\(target)"]?.map.tieAware)
            #expect(abs(map - expected) < 1e-9, "\(name) \(codes) \(query)→\(target): \(map) vs \(expected)")
            #expect(map > 0.5, "the views share their classes: \(map)")
        }
    }

    @Test func dlfhLearnsOneCodeMatrixPerModality() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("pairs.h5")
        try PairedClusterDataset.write(to: path)
        let dataset = try Dataset(path: path)
        var labels = Matrix<Float>(rows: 60, columns: 4, repeating: 0)
        for row in 0..<60 { labels[row, row % 4] = 1 }
        var generator = SeededGenerator(seed: 1)
        let (method, _) = try MethodRegistry.make("dlfh", parameters: [:])
        let hasher = try method.train(
            TrainingSet(modalities: ["a", "b"], features: ["a": try dataset.features("a", rows: Array(0..<60)),
                                                           "b": try dataset.features("b", rows: Array(0..<60))],
                        labels: labels),
            bits: 8, generator: &generator)
        #expect(try hasher.trainingCodes(for: "a") != hasher.trainingCodes(for: "b"))
        #expect(try hasher.trainingCodes(for: "b") == hasher.trainingCodes)
    }
}
