import Datasets
import HashCore
import Linalg
import Methods

extension SingleRun {
    /// Evaluates every direction of `configuration` with `hasher`: the query modality's
    /// features (`queries`) encoded, ranked against the database modality's codes — the
    /// learned codes of the `databaseCount` database items, or their features
    /// (`database`) encoded. Keyed by direction name; the reports name the queries
    /// `<dataset>:queries:<modality>` and the database `<dataset>:<databaseName>:<modality>`
    /// (`database`, or `round 3` in an online run).
    func evaluateDirections(of hasher: any TrainedHasher, configuration: RunConfiguration,
                            queries: [String: Matrix<Float>], queryLabels: LabelSets,
                            database: [String: Matrix<Float>], databaseCount: Int, databaseLabels: LabelSets,
                            datasetName: String, databaseName: String, clock: inout PhaseTimes) throws
        -> [String: EvaluationReport] {
        var reports: [String: EvaluationReport] = [:]
        for direction in configuration.directions {
            let queryCodes = try hasher.encode(queries[direction.query]!, modality: direction.query)
            let databaseCodes = try configuration.databaseCodes == .learned
                ? Self.learnedCodes(of: hasher, modality: direction.database, count: databaseCount,
                                    method: configuration.method)
                : hasher.encode(database[direction.database]!, modality: direction.database)
            clock.lap("encode")
            let metrics = try RetrievalEvaluation(cutoffs: cutoffs).evaluate(
                queries: queryCodes, queryLabels: queryLabels, database: databaseCodes, databaseLabels: databaseLabels)
            reports[RunEvaluation.directionName(query: direction.query, database: direction.database)] =
                EvaluationReport(queriesPath: "\(datasetName):queries:\(direction.query)",
                                 databasePath: "\(datasetName):\(databaseName):\(direction.database)",
                                 databaseCount: databaseCodes.count, bits: configuration.bits, metrics: metrics)
            clock.lap("evaluate")
        }
        return reports
    }

    /// The hasher's learned training codes as a database of `modality`, which must
    /// cover the `count` training items.
    static func learnedCodes(of hasher: any TrainedHasher, modality: String, count: Int, method: String) throws
        -> BinaryCodes {
        let codes = try hasher.trainingCodes(for: modality)
        guard let codes, codes.count == count else {
            throw SingleRunError.noLearnedCodes(method: method, found: codes?.count, expected: count)
        }
        return codes
    }
}
