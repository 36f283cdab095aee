/// Ranking metrics averaged over queries (definitions in `RetrievalEvaluation`).
public struct RetrievalMetrics: Sendable, Equatable {
    /// One point of the precision–recall curve by Hamming radius.
    public struct RadiusPoint: Sendable, Hashable, Codable {
        public var radius: Int
        public var precision: Double
        public var recall: Double

        public init(radius: Int, precision: Double, recall: Double) {
            self.radius = radius
            self.precision = precision
            self.recall = recall
        }
    }

    /// Queries evaluated.
    public var queryCount: Int
    /// Queries without any relevant database item.
    public var queriesWithoutRelevant: Int
    /// Whether those queries count as zero or were excluded from the means.
    public var queriesWithoutRelevantRule: RetrievalEvaluation.QueriesWithoutRelevant
    /// The cutoffs K, in the order of the `…AtCutoffs` arrays (as requested, unclamped).
    public var cutoffs: [Int]
    /// mAP over the whole ranking.
    public var meanAveragePrecision: TieRules<Double>
    /// mAP@K per cutoff.
    public var meanAveragePrecisionAtCutoffs: [TieRules<Double>]
    /// Mean precision@K per cutoff.
    public var precisionAtCutoffs: [TieRules<Double>]
    /// Mean recall@K per cutoff.
    public var recallAtCutoffs: [TieRules<Double>]
    /// Mean precision and recall within Hamming radius r, for r in 0…K.
    public var precisionRecallByRadius: [RadiusPoint]
    /// Per-query average precision, in query order (all queries, even excluded ones).
    public var averagePrecisions: [TieRules<Double>]

    /// Mean precision of the items within Hamming radius 2.
    public var precisionWithinRadius2: Double {
        precisionRecallByRadius[min(2, precisionRecallByRadius.count - 1)].precision
    }

    /// Means of the counted queries' metrics from their sums; `averagePrecisions` holds
    /// every query's AP in query order.
    init(sums: MetricSums, cutoffs: [Int], averagePrecisions: [TieRules<Double>]) {
        let denominator = Double(max(sums.counted, 1))
        func mean(_ sum: TieRules<Double>) -> TieRules<Double> {
            TieRules(indexOrder: sum.indexOrder / denominator, tieAware: sum.tieAware / denominator)
        }
        queryCount = sums.queries
        queriesWithoutRelevant = sums.withoutRelevant
        queriesWithoutRelevantRule = sums.rule
        self.cutoffs = cutoffs
        meanAveragePrecision = mean(sums.averagePrecision)
        meanAveragePrecisionAtCutoffs = sums.averagePrecisionAtCutoffs.map(mean)
        precisionAtCutoffs = sums.precisionAtCutoffs.map(mean)
        recallAtCutoffs = sums.recallAtCutoffs.map(mean)
        precisionRecallByRadius = sums.precisionWithinRadius.indices.map { radius in
            RadiusPoint(radius: radius, precision: sums.precisionWithinRadius[radius] / denominator,
                        recall: sums.recallWithinRadius[radius] / denominator)
        }
        self.averagePrecisions = averagePrecisions
    }
}
