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

    /// Means over the counted queries, summed query by query in query order.
    init(perQuery: [QueryMetrics], cutoffs: [Int], bitCount: Int,
         queriesWithoutRelevant rule: RetrievalEvaluation.QueriesWithoutRelevant) {
        var counted = 0
        var averagePrecision = (0.0, 0.0)
        var atCutoffs = [(averagePrecision: (Double, Double), precision: (Double, Double), recall: (Double, Double))](
            repeating: ((0, 0), (0, 0), (0, 0)), count: cutoffs.count)
        var precisionSums = [Double](repeating: 0, count: bitCount + 1)
        var recallSums = [Double](repeating: 0, count: bitCount + 1)
        for metrics in perQuery where rule == .countAsZero || metrics.relevantCount > 0 {
            counted += 1
            averagePrecision.0 += metrics.averagePrecision.indexOrder
            averagePrecision.1 += metrics.averagePrecision.tieAware
            for index in cutoffs.indices {
                atCutoffs[index].averagePrecision.0 += metrics.averagePrecisionAtCutoffs[index].indexOrder
                atCutoffs[index].averagePrecision.1 += metrics.averagePrecisionAtCutoffs[index].tieAware
                atCutoffs[index].precision.0 += metrics.precisionAtCutoffs[index].indexOrder
                atCutoffs[index].precision.1 += metrics.precisionAtCutoffs[index].tieAware
                atCutoffs[index].recall.0 += metrics.recallAtCutoffs[index].indexOrder
                atCutoffs[index].recall.1 += metrics.recallAtCutoffs[index].tieAware
            }
            let relevantCount = Double(metrics.relevantCount)
            for radius in 0...bitCount {
                let retrieved = metrics.retrievedWithinRadius[radius]
                let relevant = metrics.relevantWithinRadius[radius]
                if retrieved > 0 { precisionSums[radius] += Double(relevant) / Double(retrieved) }
                if metrics.relevantCount > 0 { recallSums[radius] += Double(relevant) / relevantCount }
            }
        }
        let denominator = Double(max(counted, 1))
        func mean(_ sums: (Double, Double)) -> TieRules<Double> {
            TieRules(indexOrder: sums.0 / denominator, tieAware: sums.1 / denominator)
        }
        queryCount = perQuery.count
        queriesWithoutRelevant = perQuery.filter { $0.relevantCount == 0 }.count
        queriesWithoutRelevantRule = rule
        self.cutoffs = cutoffs
        meanAveragePrecision = mean(averagePrecision)
        meanAveragePrecisionAtCutoffs = atCutoffs.map { mean($0.averagePrecision) }
        precisionAtCutoffs = atCutoffs.map { mean($0.precision) }
        recallAtCutoffs = atCutoffs.map { mean($0.recall) }
        precisionRecallByRadius = (0...bitCount).map { radius in
            RadiusPoint(radius: radius, precision: precisionSums[radius] / denominator,
                        recall: recallSums[radius] / denominator)
        }
        averagePrecisions = perQuery.map(\.averagePrecision)
    }
}
