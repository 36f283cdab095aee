import HashCore
import Linalg
import TestSupport
import Testing

/// The ranking kernel (`hashlab_ranking.h`, through `RetrievalEvaluation`) on the shapes
/// its bit-sliced path cuts the database into: databases smaller than, equal to and just
/// over one 512-item chunk and several chunks with a ragged end, code lengths from 1 to 64
/// bits and past one word, distances at both ends (0 and K), single labels both sparse
/// and dense, several labels per query and none. Every variant against a full sort (on a
/// CPU with AVX-512 VPOPCNTDQ and VBMI2, as here and in CI, that includes the bit-sliced one).
@Suite struct RankingKernelTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        let items: Int
        let bits: Int
        let classes: Int
        let density: Double?
        var testDescription: String {
            "N=\(items) K=\(bits) C=\(classes) " + (density.map { "multi-hot \($0)" } ?? "single-label")
        }
    }

    static let shapes: [Shape] = [
        Shape(items: 1, bits: 64, classes: 2, density: nil),
        Shape(items: 511, bits: 64, classes: 40, density: nil),
        Shape(items: 512, bits: 13, classes: 3, density: nil),
        Shape(items: 513, bits: 64, classes: 2, density: nil),
        Shape(items: 1_500, bits: 1, classes: 5, density: nil),
        Shape(items: 1_500, bits: 32, classes: 6, density: 0.3),
        Shape(items: 2_077, bits: 33, classes: 50, density: nil),
        Shape(items: 4_200, bits: 63, classes: 7, density: 0.2),
        Shape(items: 700, bits: 100, classes: 4, density: 0.4),
    ]

    /// Random codes plus, for the first queries, exact copies and complements of database
    /// items (distances 0 and K); random labels, with every fifth query unlabelled.
    func fixture(_ shape: Shape, seed: UInt64) throws -> (BinaryCodes, LabelSets, BinaryCodes, LabelSets) {
        var generator = SeededGenerator(seed: seed, component: "ranking-kernel")
        let database = RandomFixtures.codes(count: shape.items, bits: shape.bits, generator: &generator)
        let random = RandomFixtures.codes(count: 24, bits: shape.bits, generator: &generator)
        var words = random.words
        let perCode = database.wordsPerCode
        for query in 0..<8 {
            let item = generator.integer(below: shape.items)
            for word in 0..<perCode {
                let value = database.words[item * perCode + word]
                let used = min(64, shape.bits - word * 64)
                let mask = used == 64 ? UInt64.max : (UInt64(1) << UInt64(used)) - 1
                words[query * perCode + word] = query % 2 == 0 ? value : ~value & mask
            }
        }
        let queries = try BinaryCodes(count: 24, bitCount: shape.bits, words: words)
        let databaseLabels = RandomFixtures.labels(count: shape.items, classes: shape.classes,
                                                   density: shape.density, generator: &generator)
        var queryMatrix = RandomFixtures.labelMatrix(count: 24, classes: shape.classes, density: shape.density,
                                                     generator: &generator)
        for query in stride(from: 4, to: 24, by: 5) {
            for label in 0..<shape.classes { queryMatrix[query, label] = 0 }
        }
        return (queries, try LabelSets(multiHot: queryMatrix), database, databaseLabels)
    }

    @Test(arguments: shapes)
    func everyVariantMatchesAFullSort(shape: Shape) throws {
        let (queries, queryLabels, database, databaseLabels) = try fixture(shape, seed: UInt64(shape.items + shape.bits))
        let cutoffs = [1, 3, 100, shape.items]
        var byVariant: [[QueryMetrics]] = []
        for variant in HammingKernel.Variant.allCases where variant.isSupported {
            let evaluation = RetrievalEvaluation(cutoffs: cutoffs, chunkSize: 5, kernelVariant: variant)
            byVariant.append(try evaluation.perQuery(queries: queries, queryLabels: queryLabels,
                                                     database: database, databaseLabels: databaseLabels))
        }
        for other in byVariant.dropFirst() {
            let differing = (0..<queries.count).filter { other[$0] != byVariant[0][$0] }
            #expect(differing.isEmpty, "variants differ on queries \(differing)")
        }
        let perQuery = byVariant[0]
        var distancesSeen = Set<Int>()
        for query in 0..<queries.count {
            let reference = BruteForceRanking(query: query, queries: queries, queryLabels: queryLabels,
                                              database: database, databaseLabels: databaseLabels)
            distancesSeen.formUnion(reference.distances)
            let metrics = perQuery[query]
            #expect(metrics.relevantCount == reference.relevantCount)
            #expect(abs(metrics.averagePrecision.indexOrder - reference.averagePrecision()) < 1e-12)
            #expect(abs(metrics.averagePrecision.tieAware - reference.expectedAveragePrecision()) < 1e-9)
            for (index, cutoff) in cutoffs.enumerated() {
                let clamped = min(cutoff, database.count)
                #expect(abs(metrics.averagePrecisionAtCutoffs[index].indexOrder
                    - reference.averagePrecision(cutoff: clamped)) < 1e-12)
                #expect(abs(metrics.precisionAtCutoffs[index].indexOrder
                    - Double(reference.hits(cutoff: clamped)) / Double(clamped)) < 1e-12)
            }
            for radius in 0...shape.bits {
                let within = (0..<database.count).filter { reference.distances[$0] <= radius }
                #expect(metrics.retrievedWithinRadius[radius] == within.count)
                #expect(metrics.relevantWithinRadius[radius] == within.filter { reference.relevant[$0] }.count)
            }
        }
        #expect(distancesSeen.contains(0) && distancesSeen.contains(shape.bits),
                "the fixture should reach distances 0 and K")
    }

    /// Without the index-order values every variant counts the histograms alone
    /// (`hashlab_ranking_histograms`): the tie-aware values, counts and radius curves must
    /// be the very bits of the full ranking, and every index-order value NaN.
    @Test(arguments: shapes)
    func tieAwareAloneMatchesTheFullRanking(shape: Shape) throws {
        let (queries, queryLabels, database, databaseLabels) = try fixture(shape, seed: UInt64(shape.items * 3))
        let cutoffs = [1, 3, 100, shape.items]
        for variant in HammingKernel.Variant.allCases where variant.isSupported {
            let full = RetrievalEvaluation(cutoffs: cutoffs, chunkSize: 5, kernelVariant: variant)
            var alone = full
            alone.indexOrder = false
            let fullQueries = try full.perQuery(queries: queries, queryLabels: queryLabels,
                                                database: database, databaseLabels: databaseLabels)
            let aloneQueries = try alone.perQuery(queries: queries, queryLabels: queryLabels,
                                                  database: database, databaseLabels: databaseLabels)
            for (a, b) in zip(aloneQueries, fullQueries) {
                #expect(a.relevantCount == b.relevantCount)
                #expect(a.retrievedWithinRadius == b.retrievedWithinRadius)
                #expect(a.relevantWithinRadius == b.relevantWithinRadius)
                let pairs = [(a.averagePrecision, b.averagePrecision)]
                    + Array(zip(a.averagePrecisionAtCutoffs, b.averagePrecisionAtCutoffs))
                    + Array(zip(a.precisionAtCutoffs, b.precisionAtCutoffs))
                    + Array(zip(a.recallAtCutoffs, b.recallAtCutoffs))
                for (value, reference) in pairs {
                    #expect(value.tieAware == reference.tieAware && value.indexOrder.isNaN)
                }
            }
            let fullMeans = try full.evaluate(queries: queries, queryLabels: queryLabels,
                                              database: database, databaseLabels: databaseLabels)
            let aloneMeans = try alone.evaluate(queries: queries, queryLabels: queryLabels,
                                                database: database, databaseLabels: databaseLabels)
            #expect(aloneMeans.meanAveragePrecision.tieAware == fullMeans.meanAveragePrecision.tieAware)
            #expect(aloneMeans.meanAveragePrecision.indexOrder.isNaN)
            #expect(aloneMeans.precisionRecallByRadius == fullMeans.precisionRecallByRadius)
            #expect(aloneMeans.averagePrecisions.map(\.tieAware) == fullMeans.averagePrecisions.map(\.tieAware))
        }
    }

    /// A relevant item's rank counts every item before it at its distance, across the
    /// segment boundaries of the bit-sliced layout: one relevant item at the end of a
    /// database where every item ties with it.
    @Test(arguments: [1, 511, 512, 513, 4_097])
    func tiesAcrossTheWholeDatabaseRankByIndex(items: Int) throws {
        let database = try BinaryCodes(count: items, bitCount: 64, words: [UInt64](repeating: 0xF0F0, count: items))
        var classes = [Int](repeating: 0, count: items)
        classes[items - 1] = 1
        let databaseLabels = try LabelSets(classIndices: classes, classCount: 2)
        let queries = try BinaryCodes(count: 1, bitCount: 64, words: [0x0F0F])
        let queryLabels = try LabelSets(classIndices: [1], classCount: 2)
        for variant in HammingKernel.Variant.allCases where variant.isSupported {
            let metrics = try RetrievalEvaluation(cutoffs: [items], kernelVariant: variant).perQuery(
                queries: queries, queryLabels: queryLabels, database: database, databaseLabels: databaseLabels)[0]
            #expect(abs(metrics.averagePrecision.indexOrder - 1 / Double(items)) < 1e-12)
            #expect(metrics.retrievedWithinRadius[15] == 0 && metrics.retrievedWithinRadius[16] == items)
        }
    }
}
