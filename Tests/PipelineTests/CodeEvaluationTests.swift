import Datasets
import HashCore
import Linalg
import Pipeline
import TestSupport
import Testing

@Suite struct CodeEvaluationTests {
    @Test func reportMatchesBruteForceRanking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = SeededGenerator(seed: 77)
        let queries = CodeFile(
            codes: RandomFixtures.codes(count: 25, bits: 12, distinctCodes: 30, generator: &generator),
            labels: RandomFixtures.labels(count: 25, classes: 4, generator: &generator))
        let database = CodeFile(
            codes: RandomFixtures.codes(count: 240, bits: 12, distinctCodes: 60, generator: &generator),
            labels: RandomFixtures.labels(count: 240, classes: 4, generator: &generator))
        try queries.write(to: directory.path("q.h5"))
        try database.write(to: directory.path("db.h5"))
        let report = try CodeEvaluation(queriesPath: directory.path("q.h5"),
                                        databasePath: directory.path("db.h5"), cutoffs: [10]).run()
        let references = (0..<25).map {
            BruteForceRanking(query: $0, queries: queries.codes, queryLabels: queries.labels,
                              database: database.codes, databaseLabels: database.labels)
        }
        let indexOrder = references.map { $0.averagePrecision() }.reduce(0, +) / 25
        let tieAware = references.map { $0.expectedAveragePrecision() }.reduce(0, +) / 25
        let atTen = references.map { $0.averagePrecision(cutoff: 10) }.reduce(0, +) / 25
        #expect(abs(report.map.indexOrder - indexOrder) < 1e-9)
        #expect(abs(report.map.tieAware - tieAware) < 1e-9)
        #expect(abs(report.atCutoffs[0].map.indexOrder - atTen) < 1e-9)
        #expect(report.queryCount == 25 && report.databaseCount == 240 && report.bits == 12)
        #expect(report.table.contains("mAP@10"))
    }

    @Test func filesThatDoNotFitTogetherAreErrorsNamingBoth() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = SeededGenerator(seed: 78)
        try CodeFile(codes: RandomFixtures.codes(count: 3, bits: 16, generator: &generator),
                     labels: RandomFixtures.labels(count: 3, classes: 4, generator: &generator))
            .write(to: directory.path("q.h5"))
        try CodeFile(codes: RandomFixtures.codes(count: 5, bits: 32, generator: &generator),
                     labels: RandomFixtures.labels(count: 5, classes: 4, generator: &generator))
            .write(to: directory.path("db.h5"))
        do {
            _ = try CodeEvaluation(queriesPath: directory.path("q.h5"), databasePath: directory.path("db.h5")).run()
            Issue.record("codes of 16 and 32 bits must not be compared")
        } catch {
            #expect("\(error)".contains("q.h5: /codes has 16 bits"))
            #expect("\(error)".contains("db.h5: /codes has 32"))
        }
    }
}
