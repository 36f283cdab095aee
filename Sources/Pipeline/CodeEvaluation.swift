import Datasets
import Foundation
import HashCore

/// `hashlab evaluate`: scores query codes against database codes read from code
/// files (layout in `CodeFile`) and reports mAP, mAP@K, precision@K, recall@K and
/// precision within Hamming radius 2 under both tie rules.
public struct CodeEvaluation: Sendable {
    public var queriesPath: String
    public var databasePath: String
    public var cutoffs: [Int]
    public var queriesWithoutRelevant: RetrievalEvaluation.QueriesWithoutRelevant

    public init(queriesPath: String, databasePath: String, cutoffs: [Int] = [100, 1000],
                queriesWithoutRelevant: RetrievalEvaluation.QueriesWithoutRelevant = .countAsZero) {
        self.queriesPath = queriesPath
        self.databasePath = databasePath
        self.cutoffs = cutoffs
        self.queriesWithoutRelevant = queriesWithoutRelevant
    }

    /// Reads both files, checks that they fit together, and evaluates.
    public func run() throws -> EvaluationReport {
        for cutoff in cutoffs where cutoff <= 0 {
            throw CodeEvaluationError.invalidCutoff(cutoff)
        }
        let queries = try CodeFile(reading: queriesPath)
        let database = try CodeFile(reading: databasePath)
        guard queries.codes.bitCount == database.codes.bitCount else {
            throw CodeEvaluationError.mismatch(
                "\(queriesPath): /codes has \(queries.codes.bitCount) bits but "
                    + "\(databasePath): /codes has \(database.codes.bitCount)")
        }
        guard queries.labels.classCount == database.labels.classCount else {
            throw CodeEvaluationError.mismatch(
                "\(queriesPath): /labels has \(queries.labels.classCount) classes but "
                    + "\(databasePath): /labels has \(database.labels.classCount)")
        }
        guard database.codes.count > 0 else {
            throw CodeEvaluationError.mismatch("\(databasePath): /codes has no rows")
        }
        guard queries.codes.count > 0 else {
            throw CodeEvaluationError.mismatch("\(queriesPath): /codes has no rows: there is no query to evaluate")
        }
        let evaluation = RetrievalEvaluation(cutoffs: cutoffs,
                                             queriesWithoutRelevant: queriesWithoutRelevant)
        let metrics = try evaluation.evaluate(
            queries: queries.codes, queryLabels: queries.labels,
            database: database.codes, databaseLabels: database.labels)
        return EvaluationReport(queriesPath: queriesPath, databasePath: databasePath,
                                databaseCount: database.codes.count, bits: database.codes.bitCount,
                                metrics: metrics)
    }
}
