import Datasets
import Foundation
import HashCore
import Linalg
import Methods
import Pipeline
import Testing
import TestSupport

/// An online run streams its training items in chunks and evaluates after each
/// round; an offline method is trained afresh on every item so far. Checked round by
/// round against the same steps done by hand, ranked by the brute-force reference.
@Suite struct OnlineRunTests {
    static let online = OnlineProtocol(base: CrossModalProtocol(queries: 20, training: nil), chunkSize: 40)

    /// The tie-aware mAP of `queries` against `database`, by brute force.
    static func bruteForceMAP(queries: BinaryCodes, queryLabels: LabelSets, database: BinaryCodes,
                              databaseLabels: LabelSets) -> Double {
        (0..<queries.count).map { query in
            BruteForceRanking(query: query, queries: queries, queryLabels: queryLabels, database: database,
                              databaseLabels: databaseLabels).expectedAveragePrecision()
        }.reduce(0, +) / Double(queries.count)
    }

    @Test(arguments: [DatabaseCodes.learned, .encoded])
    func offlineMethodIsRetrainedOnEverythingSoFar(codes: DatabaseCodes) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("pairs.h5")
        try PairedClusterDataset.write(to: path)
        let run = try SingleRun(dataset: path, retrievalProtocol: .online(Self.online), method: "itq", parameters: [:],
                                bits: 8, modalities: ["b"], databaseCodes: codes, seed: 3, cutoffs: [20])
        let result = try run.execute(catalog: DatasetCatalog(root: directory.url.path)) { _ in }
        let rounds = try #require(result.rounds)
        #expect(rounds.map(\.round) == [1, 2, 3])
        #expect(rounds.map(\.items) == [40, 80, 140], "140 streamed items: chunks of 40, 40 and 60")
        #expect(rounds.allSatisfy { $0.trainSeconds > 0 && $0.directions == nil })
        #expect(result.metrics == rounds.last?.metrics)

        let dataset = try Dataset(path: path)
        let split = try Self.online.split(dataset, seed: 3)
        #expect(split.database == split.training && split.chunks.count == 3)
        let queryFeatures = try dataset.features("b", rows: split.queries)
        let queryLabels = try dataset.labelSets(items: split.queries)
        for round in rounds {
            let items = split.chunks.prefix(round.round).flatMap { $0 }
            var labels = Matrix<Float>(rows: items.count, columns: 4, repeating: 0)
            for (row, item) in items.enumerated() { labels[row, item % 4] = 1 }
            var generator = SeededGenerator(seed: 3, component: "method/itq")
            let features = try dataset.features("b", rows: items)
            let hasher = try ITQ(parameters: ResolvedParameters(method: "itq", specs: ITQ.parameters, given: [:]))
                .train(TrainingSet(features: features, labels: labels), bits: 8, generator: &generator)
            let database = codes == .learned ? try #require(hasher.trainingCodes)
                : try hasher.encode(features, modality: "b")
            let expected = Self.bruteForceMAP(queries: try hasher.encode(queryFeatures, modality: "b"),
                                              queryLabels: queryLabels, database: database,
                                              databaseLabels: try dataset.labelSets(items: items))
            let map = try #require(round.metrics?.map.tieAware)
            #expect(abs(map - expected) < 1e-9, "round \(round.round): \(map) vs \(expected)")
        }
    }

    @Test func methodsWithoutLearnedCodesNeedEncodedDatabases() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("pairs.h5")
        try PairedClusterDataset.write(to: path)
        let run = try SingleRun(dataset: path, retrievalProtocol: .online(Self.online), method: "lsh", parameters: [:],
                                bits: 8, modalities: ["a"], databaseCodes: .learned, seed: 3)
        #expect(throws: SingleRunError.noLearnedCodes(method: "lsh", found: nil, expected: 40)) {
            try run.execute(catalog: DatasetCatalog(root: directory.url.path)) { _ in }
        }
    }

    @Test func runsNameWhatTheirMethodHashes() throws {
        #expect(throws: SingleRunError.modalities(method: "lsh", needs: .one, given: ["a", "b"])) {
            try SingleRun(dataset: "pairs", retrievalProtocol: .online(Self.online), method: "lsh", parameters: [:],
                          bits: 8, modalities: ["a", "b"], seed: 0)
        }
    }
}
