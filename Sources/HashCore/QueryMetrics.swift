/// The ranking metrics of one query against the database (definitions in
/// `RetrievalEvaluation`), before averaging over queries.
public struct QueryMetrics: Sendable, Equatable {
    /// Relevant database items (sharing at least one label with the query).
    public var relevantCount: Int
    /// Average precision over the whole ranking.
    public var averagePrecision: TieRules<Double>
    /// Average precision within the top K, one per cutoff.
    public var averagePrecisionAtCutoffs: [TieRules<Double>]
    /// Precision within the top K, one per cutoff.
    public var precisionAtCutoffs: [TieRules<Double>]
    /// Recall within the top K, one per cutoff (0 when nothing is relevant).
    public var recallAtCutoffs: [TieRules<Double>]
    /// Items within Hamming radius r, for r in 0…K (cumulative).
    public var retrievedWithinRadius: [Int]
    /// Relevant items within Hamming radius r, for r in 0…K (cumulative).
    public var relevantWithinRadius: [Int]
}

extension QueryMetrics {
    /// Computes every metric of one query from its ranking statistics.
    init(_ statistics: RankingStatistics) {
        let rank = statistics.rankMetrics()
        relevantCount = statistics.relevantCount
        averagePrecision = rank.averagePrecision
        averagePrecisionAtCutoffs = rank.averagePrecisionAtCutoffs
        precisionAtCutoffs = rank.precisionAtCutoffs
        recallAtCutoffs = rank.recallAtCutoffs
        var items = 0
        var relevantItems = 0
        retrievedWithinRadius = statistics.histogramAll.map { count in
            items += Int(count)
            return items
        }
        relevantWithinRadius = statistics.histogramRelevant.map { count in
            relevantItems += Int(count)
            return relevantItems
        }
    }
}
