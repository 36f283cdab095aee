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

    init(perQuery: [QueryMetrics], cutoffs: [Int], bitCount: Int,
         queriesWithoutRelevant rule: RetrievalEvaluation.QueriesWithoutRelevant) {
        let counted = rule == .exclude ? perQuery.filter { $0.relevantCount > 0 } : perQuery
        let denominator = Double(max(counted.count, 1))
        func mean(_ value: (QueryMetrics) -> TieRules<Double>) -> TieRules<Double> {
            var indexOrder = 0.0
            var tieAware = 0.0
            for metrics in counted {
                let pair = value(metrics)
                indexOrder += pair.indexOrder
                tieAware += pair.tieAware
            }
            return TieRules(indexOrder: indexOrder / denominator, tieAware: tieAware / denominator)
        }
        queryCount = perQuery.count
        queriesWithoutRelevant = perQuery.filter { $0.relevantCount == 0 }.count
        queriesWithoutRelevantRule = rule
        self.cutoffs = cutoffs
        meanAveragePrecision = mean { $0.averagePrecision }
        meanAveragePrecisionAtCutoffs = cutoffs.indices.map { index in
            mean { $0.averagePrecisionAtCutoffs[index] }
        }
        precisionAtCutoffs = cutoffs.indices.map { index in mean { $0.precisionAtCutoffs[index] } }
        recallAtCutoffs = cutoffs.indices.map { index in mean { $0.recallAtCutoffs[index] } }
        precisionRecallByRadius = (0...bitCount).map { radius in
            var precision = 0.0
            var recall = 0.0
            for metrics in counted {
                let retrieved = metrics.retrievedWithinRadius[radius]
                let relevant = metrics.relevantWithinRadius[radius]
                if retrieved > 0 { precision += Double(relevant) / Double(retrieved) }
                if metrics.relevantCount > 0 { recall += Double(relevant) / Double(metrics.relevantCount) }
            }
            return RadiusPoint(radius: radius, precision: precision / denominator,
                               recall: recall / denominator)
        }
        averagePrecisions = perQuery.map(\.averagePrecision)
    }
}
