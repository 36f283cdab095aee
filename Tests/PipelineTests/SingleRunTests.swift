import Datasets
import Foundation
import HashCore
import Linalg
import Methods
import Pipeline
import Testing
import TestSupport

/// `SingleRun` glues dataset, protocol, method and evaluation; checked against the
/// same steps done by hand with the brute-force reference ranking.
@Suite struct SingleRunTests {
    @Test func lshRunMatchesHandComputation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("clusters.h5")
        try ClusterDataset.write(to: path)
        let zeroShot = ZeroShotProtocol(unseen: .classes(["c", "d"]), queries: 10)
        let run = try SingleRun(dataset: path, retrievalProtocol: .zeroShot(zeroShot), method: "lsh", parameters: [:],
                                bits: 16, modality: nil, seed: 4, cutoffs: [20])
        let result = try run.execute(catalog: DatasetCatalog(root: directory.url.path)) { _ in }
        #expect(result.configuration.modality == "x")
        #expect(result.splitSizes == ["training": 60, "queries": 10, "database": 110])
        #expect(result.unseenClasses == ["c", "d"])

        // By hand: same split, same method stream, brute-force AP.
        let dataset = try Dataset(path: path)
        let split = try zeroShot.split(dataset, seed: 4)
        var generator = SeededGenerator(seed: 4, component: "method/lsh")
        let training = try dataset.features("x", rows: split.training)
        let hasher = try LSH(parameters: ResolvedParameters(method: "lsh", specs: [], given: [:]))
            .train(TrainingSet(features: training, labels: Matrix(rows: 60, columns: 4, repeating: 0)), bits: 16,
                   generator: &generator)
        let queries = try hasher.encode(try dataset.features("x", rows: split.queries), modality: "x")
        let database = try hasher.encode(try dataset.features("x", rows: split.database), modality: "x")
        let queryLabels = try dataset.labelSets(items: split.queries)
        let databaseLabels = try dataset.labelSets(items: split.database)
        var indexOrder = 0.0, tieAware = 0.0
        for query in 0..<10 {
            let ranking = BruteForceRanking(query: query, queries: queries, queryLabels: queryLabels,
                                            database: database, databaseLabels: databaseLabels)
            indexOrder += ranking.averagePrecision() / 10
            tieAware += ranking.expectedAveragePrecision() / 10
        }
        #expect(abs(result.metrics!.map.indexOrder - indexOrder) < 1e-9)
        #expect(abs(result.metrics!.map.tieAware - tieAware) < 1e-9)
        #expect(result.metrics!.map.tieAware > 0.5, "unseen clusters are well separated: \(tieAware)")

        let again = try run.execute(catalog: DatasetCatalog(root: directory.url.path)) { _ in }
        #expect(again.metrics == result.metrics)
        let json = try JSONSerialization.jsonObject(with: result.json()) as? [String: Any]
        let configuration = json?["configuration"] as? [String: Any]
        #expect((configuration?["protocol"] as? [String: Any])?["kind"] as? String == "zero-shot")
    }

    @Test func badConfigurationsAreErrorsBeforeAnythingRuns() throws {
        #expect(throws: ParameterError.self) {
            try SingleRun(dataset: "x", retrievalProtocol: .crossModal(CrossModalProtocol()), method: "lhs",
                          parameters: [:], bits: 16, modality: nil, seed: 0)
        }
        #expect(throws: ParameterError.self) {
            try SingleRun(dataset: "x", retrievalProtocol: .crossModal(CrossModalProtocol()), method: "lsh",
                          parameters: ["lambda": "1"], bits: 16, modality: nil, seed: 0)
        }
        #expect(throws: SingleRunError.invalidBits(0)) {
            try SingleRun(dataset: "x", retrievalProtocol: .crossModal(CrossModalProtocol()), method: "lsh",
                          parameters: [:], bits: 0, modality: nil, seed: 0)
        }
    }
}
