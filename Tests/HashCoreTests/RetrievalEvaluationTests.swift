import HashCore
import Linalg
import TestSupport
import Testing

@Suite struct RetrievalEvaluationTests {
    /// Random short codes drawn from a small pool (many ties), multi-hot labels with
    /// some empty label sets (queries without relevant items).
    func fixture(seed: UInt64, queries: Int = 40, database: Int = 300, bits: Int = 8,
                 density: Double? = 0.15)
        -> (BinaryCodes, LabelSets, BinaryCodes, LabelSets)
    {
        var generator = SeededGenerator(seed: seed)
        let queryCodes = RandomFixtures.codes(count: queries, bits: bits, distinctCodes: 12,
                                              generator: &generator)
        let databaseCodes = RandomFixtures.codes(count: database, bits: bits, distinctCodes: 20,
                                                 generator: &generator)
        let queryLabels = RandomFixtures.labels(count: queries, classes: 6, density: density,
                                                generator: &generator)
        let databaseLabels = RandomFixtures.labels(count: database, classes: 6, density: density,
                                                   generator: &generator)
        return (queryCodes, queryLabels, databaseCodes, databaseLabels)
    }

    @Test(arguments: [(UInt64(1), 8), (2, 8), (3, 70), (4, 130)])
    func indexOrderMetricsMatchFullSort(seed: UInt64, bits: Int) throws {
        let (queries, queryLabels, database, databaseLabels) = fixture(seed: seed, bits: bits)
        let cutoffs = [1, 5, 50, 299, 1000]
        let evaluation = RetrievalEvaluation(cutoffs: cutoffs, chunkSize: 7)
        let perQuery = try evaluation.perQuery(queries: queries, queryLabels: queryLabels,
                                               database: database, databaseLabels: databaseLabels)
        var sawEmptyQuery = false
        for query in 0..<queries.count {
            let reference = BruteForceRanking(query: query, queries: queries, queryLabels: queryLabels,
                                              database: database, databaseLabels: databaseLabels)
            let metrics = perQuery[query]
            sawEmptyQuery = sawEmptyQuery || reference.relevantCount == 0
            #expect(metrics.relevantCount == reference.relevantCount)
            #expect(abs(metrics.averagePrecision.indexOrder - reference.averagePrecision()) < 1e-12)
            for (index, cutoff) in cutoffs.enumerated() {
                let clamped = min(cutoff, database.count)
                let hits = reference.hits(cutoff: clamped)
                #expect(abs(metrics.averagePrecisionAtCutoffs[index].indexOrder
                    - reference.averagePrecision(cutoff: clamped)) < 1e-12)
                #expect(abs(metrics.precisionAtCutoffs[index].indexOrder
                    - Double(hits) / Double(clamped)) < 1e-12)
                let recall = reference.relevantCount == 0 ? 0 : Double(hits) / Double(reference.relevantCount)
                #expect(abs(metrics.recallAtCutoffs[index].indexOrder - recall) < 1e-12)
            }
            for radius in 0...bits {
                let within = (0..<database.count).filter { reference.distances[$0] <= radius }
                #expect(metrics.retrievedWithinRadius[radius] == within.count)
                #expect(metrics.relevantWithinRadius[radius] == within.filter { reference.relevant[$0] }.count)
            }
        }
        #expect(sawEmptyQuery, "the fixture should contain a query without relevant items")

        // The means over queries, precision within a radius counting 0 for no retrieval.
        let metrics = try evaluation.evaluate(queries: queries, queryLabels: queryLabels,
                                              database: database, databaseLabels: databaseLabels)
        let references = (0..<queries.count).map {
            BruteForceRanking(query: $0, queries: queries, queryLabels: queryLabels,
                              database: database, databaseLabels: databaseLabels)
        }
        let count = Double(queries.count)
        #expect(abs(metrics.meanAveragePrecision.indexOrder
            - references.map { $0.averagePrecision() }.reduce(0, +) / count) < 1e-12)
        for radius in [0, 2, bits / 2] {
            var precision = 0.0
            var recall = 0.0
            for reference in references {
                let within = (0..<database.count).filter { reference.distances[$0] <= radius }
                let hits = within.filter { reference.relevant[$0] }.count
                precision += within.isEmpty ? 0 : Double(hits) / Double(within.count)
                recall += reference.relevantCount == 0 ? 0 : Double(hits) / Double(reference.relevantCount)
            }
            #expect(abs(metrics.precisionRecallByRadius[radius].precision - precision / count) < 1e-12)
            #expect(abs(metrics.precisionRecallByRadius[radius].recall - recall / count) < 1e-12)
        }
        #expect(metrics.precisionWithinRadius2 == metrics.precisionRecallByRadius[2].precision)
    }

    @Test(arguments: [UInt64(11), 12, 13])
    func tieAwareMetricsMatchMeanOverRandomOrders(seed: UInt64) throws {
        // Large random databases: the mean over 4000 random tie orders must agree with
        // the expectation to within sampling error.
        let (queries, queryLabels, database, databaseLabels) =
            fixture(seed: seed, queries: 3, database: 120, bits: 4, density: 0.3)
        let cutoffs = [10, 37]
        let perQuery = try RetrievalEvaluation(cutoffs: cutoffs).perQuery(
            queries: queries, queryLabels: queryLabels, database: database, databaseLabels: databaseLabels)
        var generator = SeededGenerator(seed: seed, component: "tie orders")
        for query in 0..<queries.count {
            let reference = BruteForceRanking(query: query, queries: queries, queryLabels: queryLabels,
                                              database: database, databaseLabels: databaseLabels)
            var sum = 0.0
            var sumAt = [0.0, 0.0]
            let samples = 4000
            for _ in 0..<samples {
                let keys = (0..<database.count).map { _ in generator.next() }
                let ranking = Array(0..<database.count).sorted {
                    (reference.distances[$0], keys[$0]) < (reference.distances[$1], keys[$1])
                }
                sum += reference.averagePrecision(ranking: ranking)
                for (index, cutoff) in cutoffs.enumerated() {
                    sumAt[index] += reference.averagePrecision(cutoff: cutoff, ranking: ranking)
                }
            }
            #expect(abs(perQuery[query].averagePrecision.tieAware - sum / Double(samples)) < 0.01)
            for index in cutoffs.indices {
                #expect(abs(perQuery[query].averagePrecisionAtCutoffs[index].tieAware
                    - sumAt[index] / Double(samples)) < 0.02)
            }
        }
    }

    @Test(arguments: [UInt64(21), 22, 23, 24, 25])
    func tieAwareMetricsEqualExhaustiveEnumeration(seed: UInt64) throws {
        let (queries, queryLabels, database, databaseLabels) =
            fixture(seed: seed, queries: 4, database: 8, bits: 2, density: 0.4)
        let cutoffs = [1, 3, 6]
        let perQuery = try RetrievalEvaluation(cutoffs: cutoffs).perQuery(
            queries: queries, queryLabels: queryLabels, database: database, databaseLabels: databaseLabels)
        for query in 0..<queries.count {
            let reference = BruteForceRanking(query: query, queries: queries, queryLabels: queryLabels,
                                              database: database, databaseLabels: databaseLabels)
            let orders = reference.allTieOrders()
            let count = Double(orders.count)
            let meanAP = orders.map { reference.averagePrecision(ranking: $0) }.reduce(0, +) / count
            #expect(abs(perQuery[query].averagePrecision.tieAware - meanAP) < 1e-12)
            #expect(abs(reference.expectedAveragePrecision() - meanAP) < 1e-12)
            for (index, cutoff) in cutoffs.enumerated() {
                let meanAPAt = orders.map { reference.averagePrecision(cutoff: cutoff, ranking: $0) }
                    .reduce(0, +) / count
                let meanPrecision = orders.map { Double(reference.hits(cutoff: cutoff, ranking: $0)) }
                    .reduce(0, +) / count / Double(cutoff)
                #expect(abs(perQuery[query].averagePrecisionAtCutoffs[index].tieAware - meanAPAt) < 1e-12)
                #expect(abs(perQuery[query].precisionAtCutoffs[index].tieAware - meanPrecision) < 1e-12)
            }
        }
    }

    /// Codes whose distances to the query are given, with the query code all zeros.
    func codes(distances: [Int], bits: Int) throws -> BinaryCodes {
        try BinaryCodes(count: distances.count, bitCount: bits,
                        words: distances.map { (UInt64(1) << UInt64($0)) - 1 })
    }

    @Test func handWorkedExample() throws {
        // Query 0 (class 0) sees distances 0,1,1,2,3 with relevance R,N,R,N,R:
        //   index order: ranks 1,3,5 relevant → AP = (1/1 + 2/3 + 3/5)/3 = 34/45.
        //   tie-aware: the pair at distance 1 (one relevant) puts it at rank 2 or 3:
        //   ((1 + 2/2 + 3/5) + (1 + 2/3 + 3/5))/2/3 = (2.6 + 2.2667)/6 = 73/90.
        // Query 1 (class 1): items 1 and 3 relevant, at ranks 2 and 4 in index order:
        //   AP = (1/2 + 2/4)/2 = 1/2; tie-aware, item 1 is at rank 2 or 3:
        //   rank 3 gives (1/3 + 2/4)/2 = 5/12, so the expectation is 11/24.
        let database = try codes(distances: [0, 1, 1, 2, 3], bits: 4)
        let queries = try BinaryCodes(count: 2, bitCount: 4, words: [0, 0])
        let databaseLabels = try LabelSets(classIndices: [0, 1, 0, 1, 0], classCount: 2)
        let queryLabels = try LabelSets(classIndices: [0, 1], classCount: 2)
        let metrics = try RetrievalEvaluation(cutoffs: [2]).evaluate(
            queries: queries, queryLabels: queryLabels, database: database, databaseLabels: databaseLabels)
        let query0Index = 34.0 / 45.0
        let query1Index = 0.5
        #expect(abs(metrics.averagePrecisions[0].indexOrder - query0Index) < 1e-12)
        #expect(abs(metrics.averagePrecisions[0].tieAware - 73.0 / 90.0) < 1e-12)
        #expect(abs(metrics.averagePrecisions[1].indexOrder - query1Index) < 1e-12)
        #expect(abs(metrics.averagePrecisions[1].tieAware - 11.0 / 24.0) < 1e-12)
        #expect(abs(metrics.meanAveragePrecision.indexOrder - (query0Index + query1Index) / 2) < 1e-12)
        // mAP@2: query 0 ranks 1,2 = R,N → (1/1)/min(3,2) = 0.5; query 1: N,R → (1/2)/2.
        #expect(abs(metrics.meanAveragePrecisionAtCutoffs[0].indexOrder - (0.5 + 0.25) / 2) < 1e-12)
        // Radius 1: query 0 retrieves 3 items, 2 relevant; query 1 retrieves 3, 1 relevant.
        #expect(abs(metrics.precisionRecallByRadius[1].precision - (2.0 / 3 + 1.0 / 3) / 2) < 1e-12)
        #expect(abs(metrics.precisionRecallByRadius[1].recall - (2.0 / 3 + 1.0 / 2) / 2) < 1e-12)
        // Radius 2: 4 items each; query 0 two relevant, query 1 two relevant.
        #expect(abs(metrics.precisionWithinRadius2 - 0.5) < 1e-12)
    }

    @Test func queriesWithoutRelevantItemsCountAsZeroOrAreExcluded() throws {
        let database = try codes(distances: [0, 1], bits: 2)
        let queries = try BinaryCodes(count: 2, bitCount: 2, words: [0, 0])
        let databaseLabels = try LabelSets(classIndices: [0, 0], classCount: 2)
        let queryLabels = try LabelSets(classIndices: [0, 1], classCount: 2)
        let counted = try RetrievalEvaluation().evaluate(
            queries: queries, queryLabels: queryLabels, database: database, databaseLabels: databaseLabels)
        #expect(counted.meanAveragePrecision.indexOrder == 0.5)
        #expect(counted.queriesWithoutRelevant == 1)
        let excluded = try RetrievalEvaluation(queriesWithoutRelevant: .exclude).evaluate(
            queries: queries, queryLabels: queryLabels, database: database, databaseLabels: databaseLabels)
        #expect(excluded.meanAveragePrecision.indexOrder == 1)
        #expect(excluded.meanAveragePrecision.tieAware == 1)
    }

    /// Chunks of one query and a single chunk both sum in query order (identical bits);
    /// chunks of seven are summed apart and then added, which may move the last bits only.
    @Test(arguments: [RetrievalEvaluation.QueriesWithoutRelevant.countAsZero, .exclude])
    func resultsDoNotDependOnChunking(rule: RetrievalEvaluation.QueriesWithoutRelevant) throws {
        let (queries, queryLabels, database, databaseLabels) = fixture(seed: 5, queries: 61, bits: 16)
        func evaluate(chunkSize: Int) throws -> RetrievalMetrics {
            try RetrievalEvaluation(cutoffs: [10], queriesWithoutRelevant: rule, chunkSize: chunkSize).evaluate(
                queries: queries, queryLabels: queryLabels, database: database, databaseLabels: databaseLabels)
        }
        let one = try evaluate(chunkSize: 1)
        let seven = try evaluate(chunkSize: 7)
        #expect(one == (try evaluate(chunkSize: 1000)))
        #expect(one.queriesWithoutRelevant > 0, "the fixture should contain a query without relevant items")
        #expect(seven.queryCount == one.queryCount && seven.queriesWithoutRelevant == one.queriesWithoutRelevant)
        #expect(seven.averagePrecisions == one.averagePrecisions)
        func close(_ a: TieRules<Double>, _ b: TieRules<Double>) -> Bool {
            abs(a.indexOrder - b.indexOrder) < 1e-12 && abs(a.tieAware - b.tieAware) < 1e-12
        }
        #expect(close(seven.meanAveragePrecision, one.meanAveragePrecision))
        #expect(close(seven.meanAveragePrecisionAtCutoffs[0], one.meanAveragePrecisionAtCutoffs[0]))
        #expect(close(seven.precisionAtCutoffs[0], one.precisionAtCutoffs[0]))
        #expect(close(seven.recallAtCutoffs[0], one.recallAtCutoffs[0]))
        for (a, b) in zip(seven.precisionRecallByRadius, one.precisionRecallByRadius) {
            #expect(abs(a.precision - b.precision) < 1e-12 && abs(a.recall - b.recall) < 1e-12)
        }
        // The means against a direct average of the per-query metrics.
        let perQuery = try RetrievalEvaluation(cutoffs: [10], queriesWithoutRelevant: rule).perQuery(
            queries: queries, queryLabels: queryLabels, database: database, databaseLabels: databaseLabels)
        let counted = perQuery.filter { rule == .countAsZero || $0.relevantCount > 0 }
        let meanAP = counted.map(\.averagePrecision.indexOrder).reduce(0, +) / Double(counted.count)
        #expect(abs(seven.meanAveragePrecision.indexOrder - meanAP) < 1e-12)
    }

    @Test func everyKernelVariantGivesTheSameMetrics() throws {
        let (queries, queryLabels, database, databaseLabels) = fixture(seed: 7, queries: 20, bits: 64)
        // A database longer than one 512-item block of the scan, with 2-word labels.
        var generator = SeededGenerator(seed: 8)
        let largeDatabase = RandomFixtures.codes(count: 1500, bits: 64, distinctCodes: 40,
                                                 generator: &generator)
        let wideLabels = RandomFixtures.labels(count: 1500, classes: 70, density: 0.03,
                                               generator: &generator)
        let wideQueryLabels = RandomFixtures.labels(count: 20, classes: 70, density: 0.03,
                                                    generator: &generator)
        for variant in HammingKernel.Variant.allCases where variant.isSupported {
            let evaluation = RetrievalEvaluation(cutoffs: [10, 100], kernelVariant: variant)
            let reference = RetrievalEvaluation(cutoffs: [10, 100], kernelVariant: .portable)
            #expect(try evaluation.evaluate(queries: queries, queryLabels: queryLabels,
                                            database: database, databaseLabels: databaseLabels)
                == reference.evaluate(queries: queries, queryLabels: queryLabels,
                                      database: database, databaseLabels: databaseLabels))
            #expect(try evaluation.evaluate(queries: queries, queryLabels: wideQueryLabels,
                                            database: largeDatabase, databaseLabels: wideLabels)
                == reference.evaluate(queries: queries, queryLabels: wideQueryLabels,
                                      database: largeDatabase, databaseLabels: wideLabels))
        }
    }

    @Test func mismatchedShapesAreErrors() throws {
        let (queries, queryLabels, database, databaseLabels) = fixture(seed: 6)
        let evaluation = RetrievalEvaluation()
        #expect(throws: RetrievalEvaluationError.labelCountMismatch(part: "database", codes: 300, labels: 40)) {
            try evaluation.evaluate(queries: queries, queryLabels: queryLabels,
                                    database: database, databaseLabels: queryLabels)
        }
        let longer = try BinaryCodes(count: 1, bitCount: 9, words: [0])
        #expect(throws: RetrievalEvaluationError.codeLengthMismatch(queries: 9, database: 8)) {
            try evaluation.evaluate(queries: longer, queryLabels: queryLabels.selecting([0]),
                                    database: database, databaseLabels: databaseLabels)
        }
    }
}
