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
/// and the tie-aware expectation over random orders within ties (the index-order values
/// can be skipped, `indexOrder`, for half the work). Cutoffs above N
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
    /// Whether to compute the index-order values as well as the tie-aware ones. The
    /// tie-aware values (what tables report by default) need only each query's distance
    /// histograms; the index-order ones need every relevant item's rank, about twice the
    /// work. When false, every `indexOrder` value of the results is NaN.
    public var indexOrder: Bool

    public init(cutoffs: [Int] = [], queriesWithoutRelevant: QueriesWithoutRelevant = .countAsZero,
                chunkSize: Int = 32, kernelVariant: HammingKernel.Variant = .best, indexOrder: Bool = true) {
        precondition(cutoffs.allSatisfy { $0 > 0 }, "cutoffs must be positive")
        self.cutoffs = cutoffs
        self.queriesWithoutRelevant = queriesWithoutRelevant
        self.chunkSize = max(1, chunkSize)
        self.kernelVariant = kernelVariant
        self.indexOrder = indexOrder
    }

    /// The metrics of every query, in query order.
    public func perQuery(
        queries: BinaryCodes, queryLabels: LabelSets,
        database: BinaryCodes, databaseLabels: LabelSets
    ) throws -> [QueryMetrics] {
        let results = UnsafeMutableBufferPointer<QueryMetrics>.allocate(capacity: queries.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        try inChunks(queries: queries, queryLabels: queryLabels, database: database,
                     databaseLabels: databaseLabels) { _, index, range in
            index.rank(queries: queries, labels: queryLabels, range: range,
                       indexOrder: indexOrder) { query, statistics in
                (output.baseAddress! + query).initialize(to: QueryMetrics(statistics))
            }
        }
        let metrics = Array(results)
        _ = results.baseAddress.map { $0.deinitialize(count: queries.count) }
        return metrics
    }

    /// The metrics averaged over queries. Each chunk of queries is summed where it is
    /// ranked, in parallel; the chunks' sums are then added in chunk order.
    public func evaluate(
        queries: BinaryCodes, queryLabels: LabelSets,
        database: BinaryCodes, databaseLabels: LabelSets
    ) throws -> RetrievalMetrics {
        let empty = MetricSums(cutoffCount: cutoffs.count, bitCount: database.bitCount,
                               rule: queriesWithoutRelevant)
        let chunkCount = chunkCount(queries: queries.count)
        let sums = UnsafeMutableBufferPointer<MetricSums>.allocate(capacity: chunkCount)
        sums.initialize(repeating: empty)
        let averagePrecisions = UnsafeMutableBufferPointer<TieRules<Double>>.allocate(capacity: queries.count)
        defer {
            _ = sums.baseAddress.map { $0.deinitialize(count: chunkCount) }
            sums.deallocate()
            averagePrecisions.deallocate()
        }
        nonisolated(unsafe) let sumOutput = sums
        nonisolated(unsafe) let averagePrecisionOutput = averagePrecisions
        try inChunks(queries: queries, queryLabels: queryLabels, database: database,
                     databaseLabels: databaseLabels) { chunk, index, range in
            var chunkSums = empty
            index.rank(queries: queries, labels: queryLabels, range: range,
                       indexOrder: indexOrder) { query, statistics in
                averagePrecisionOutput[query] = chunkSums.add(statistics)
            }
            sumOutput[chunk] = chunkSums
        }
        var total = empty
        for chunk in sums { total.add(chunk) }
        return RetrievalMetrics(sums: total, cutoffs: cutoffs, averagePrecisions: Array(averagePrecisions))
    }

    /// Indexes the database and calls `body` with each chunk of `chunkSize` queries (its
    /// number, the index, its query range), chunks in parallel across cores.
    private func inChunks(
        queries: BinaryCodes, queryLabels: LabelSets,
        database: BinaryCodes, databaseLabels: LabelSets,
        _ body: @Sendable (Int, RankingIndex, Range<Int>) -> Void
    ) throws {
        try Self.checkShapes(queries: queries, queryLabels: queryLabels,
                             database: database, databaseLabels: databaseLabels)
        let clamped = cutoffs.map { min($0, database.count) }
        let size = chunkSize
        let index = RankingIndex(database: database, labels: databaseLabels, variant: kernelVariant, cutoffs: clamped)
        DispatchQueue.concurrentPerform(iterations: chunkCount(queries: queries.count)) { chunk in
            let range = (chunk * size)..<min(queries.count, (chunk + 1) * size)
            body(chunk, index, range)
        }
    }

    /// The number of chunks of `chunkSize` queries.
    private func chunkCount(queries: Int) -> Int { (queries + chunkSize - 1) / chunkSize }

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
