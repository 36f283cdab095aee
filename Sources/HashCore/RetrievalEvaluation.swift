import Dispatch

/// Hamming-ranking evaluation of query codes against database codes.
///
/// Each query ranks the whole database by Hamming distance (a counting sort over
/// distances 0…K, O(N) per query, through `RankingIndex`; queries in chunks across
/// cores). Definitions, per
/// query with R relevant items (relevant = sharing at least one label) and rank-k
/// precision P(k) = (relevant items in ranks 1…k)/k:
/// - AP = (1/R) Σ_{k : item at rank k relevant} P(k), over the whole ranking;
/// - AP@K = (1/min(R, K)) Σ_{k ≤ K : relevant} P(k);
/// - precision@K = (relevant in ranks 1…K)/K; recall@K = (relevant in ranks 1…K)/R;
/// - precision and recall within Hamming radius r: among the items at distance ≤ r,
///   the fraction relevant (0 when none is that close) and the fraction of the R
///   relevant items found; precision within radius 2 is the curve at r = 2.
/// Every rank-based value comes under both `TieRules`: ties broken by database index,
/// and the tie-aware expectation over random orders within ties. Cutoffs above N
/// are clamped to N. Queries with R = 0 count as AP = 0 (and recall 0) by default, as
/// in the SDH and LEMON evaluation code, or are excluded from every mean.
public struct RetrievalEvaluation: Sendable {
    /// What to do with queries that have no relevant database item.
    public enum QueriesWithoutRelevant: String, Sendable, Codable {
        /// Count them with AP = 0, precision 0 and recall 0.
        case countAsZero = "count-as-zero"
        /// Leave them out of every mean.
        case exclude
    }

    /// The K of mAP@K, precision@K and recall@K.
    public var cutoffs: [Int]
    /// The rule for queries without relevant items.
    public var queriesWithoutRelevant: QueriesWithoutRelevant
    /// Queries per unit of parallel work.
    public var chunkSize: Int
    /// The Hamming kernel to run (the fastest this CPU supports by default).
    public var kernelVariant: HammingKernel.Variant

    public init(cutoffs: [Int] = [], queriesWithoutRelevant: QueriesWithoutRelevant = .countAsZero,
                chunkSize: Int = 32, kernelVariant: HammingKernel.Variant = .best) {
        precondition(cutoffs.allSatisfy { $0 > 0 }, "cutoffs must be positive")
        self.cutoffs = cutoffs
        self.queriesWithoutRelevant = queriesWithoutRelevant
        self.chunkSize = max(1, chunkSize)
        self.kernelVariant = kernelVariant
    }

    /// The metrics of every query, in query order.
    public func perQuery(
        queries: BinaryCodes, queryLabels: LabelSets,
        database: BinaryCodes, databaseLabels: LabelSets
    ) throws -> [QueryMetrics] {
        try Self.checkShapes(queries: queries, queryLabels: queryLabels,
                             database: database, databaseLabels: databaseLabels)
        let clamped = cutoffs.map { min($0, database.count) }
        let chunkCount = (queries.count + chunkSize - 1) / chunkSize
        let size = chunkSize
        let index = RankingIndex(database: database, labels: databaseLabels, variant: kernelVariant, cutoffs: clamped)
        let results = UnsafeMutableBufferPointer<QueryMetrics>.allocate(capacity: queries.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * size)..<min(queries.count, (chunk + 1) * size)
            let metrics = index.metrics(queries: queries, labels: queryLabels, range: range)
            for (offset, value) in metrics.enumerated() {
                (output.baseAddress! + range.lowerBound + offset).initialize(to: value)
            }
        }
        let metrics = Array(results)
        _ = results.baseAddress.map { $0.deinitialize(count: queries.count) }
        return metrics
    }

    /// The metrics averaged over queries.
    public func evaluate(
        queries: BinaryCodes, queryLabels: LabelSets,
        database: BinaryCodes, databaseLabels: LabelSets
    ) throws -> RetrievalMetrics {
        let perQuery = try perQuery(queries: queries, queryLabels: queryLabels,
                                    database: database, databaseLabels: databaseLabels)
        return RetrievalMetrics(perQuery: perQuery, cutoffs: cutoffs,
                                bitCount: database.bitCount,
                                queriesWithoutRelevant: queriesWithoutRelevant)
    }

    static func checkShapes(
        queries: BinaryCodes, queryLabels: LabelSets,
        database: BinaryCodes, databaseLabels: LabelSets
    ) throws {
        guard queries.bitCount == database.bitCount else {
            throw RetrievalEvaluationError.codeLengthMismatch(
                queries: queries.bitCount, database: database.bitCount)
        }
        guard queryLabels.count == queries.count else {
            throw RetrievalEvaluationError.labelCountMismatch(
                part: "query", codes: queries.count, labels: queryLabels.count)
        }
        guard databaseLabels.count == database.count else {
            throw RetrievalEvaluationError.labelCountMismatch(
                part: "database", codes: database.count, labels: databaseLabels.count)
        }
        guard queryLabels.classCount == databaseLabels.classCount else {
            throw RetrievalEvaluationError.classCountMismatch(
                queries: queryLabels.classCount, database: databaseLabels.classCount)
        }
        guard database.count > 0 else { throw RetrievalEvaluationError.emptyDatabase }
    }
}
