/// Sums of per-query metrics over some queries, the step between `QueryMetrics` and the
/// means of `RetrievalMetrics`.
///
/// Evaluation sums each chunk of queries where it ranks them (in parallel) and then adds
/// the chunks' sums in chunk order, so the means depend on the chunk size only in the
/// last bits, and never on the number of threads or their timing.
struct MetricSums: Sendable {
    /// Queries added (the counted ones and those left out).
    private(set) var queries = 0
    /// Queries added to the sums.
    private(set) var counted = 0
    /// Queries without any relevant database item.
    private(set) var withoutRelevant = 0
    private(set) var averagePrecision = TieRules(indexOrder: 0.0, tieAware: 0.0)
    private(set) var averagePrecisionAtCutoffs: [TieRules<Double>]
    private(set) var precisionAtCutoffs: [TieRules<Double>]
    private(set) var recallAtCutoffs: [TieRules<Double>]
    /// Per radius r: precision and recall within r, summed over the counted queries.
    private(set) var precisionWithinRadius: [Double]
    private(set) var recallWithinRadius: [Double]
    let rule: RetrievalEvaluation.QueriesWithoutRelevant

    init(cutoffCount: Int, bitCount: Int, rule: RetrievalEvaluation.QueriesWithoutRelevant) {
        let zeros = [TieRules](repeating: TieRules(indexOrder: 0.0, tieAware: 0.0), count: cutoffCount)
        averagePrecisionAtCutoffs = zeros
        precisionAtCutoffs = zeros
        recallAtCutoffs = zeros
        precisionWithinRadius = [Double](repeating: 0, count: bitCount + 1)
        recallWithinRadius = precisionWithinRadius
        self.rule = rule
    }

    /// Adds one query (unless the rule leaves it out); returns its average precision.
    mutating func add(_ statistics: RankingStatistics) -> TieRules<Double> {
        let rank = statistics.rankMetrics()
        queries += 1
        if statistics.relevantCount == 0 { withoutRelevant += 1 }
        guard rule == .countAsZero || statistics.relevantCount > 0 else { return rank.averagePrecision }
        counted += 1
        Self.add(rank.averagePrecision, to: &averagePrecision)
        for index in averagePrecisionAtCutoffs.indices {
            Self.add(rank.averagePrecisionAtCutoffs[index], to: &averagePrecisionAtCutoffs[index])
            Self.add(rank.precisionAtCutoffs[index], to: &precisionAtCutoffs[index])
            Self.add(rank.recallAtCutoffs[index], to: &recallAtCutoffs[index])
        }
        // Precision and recall within each radius, from the running sums of the histograms.
        // Below the nearest item nothing is retrieved (precision is not added, recall adds 0);
        // from the farthest item on, every radius adds the values at that item's distance.
        let histogramAll = statistics.histogramAll
        let histogramRelevant = statistics.histogramRelevant
        guard let nearest = histogramAll.firstIndex(where: { $0 > 0 }) else { return rank.averagePrecision }
        let farthest = histogramAll.lastIndex(where: { $0 > 0 })!
        let relevantCount = Double(statistics.relevantCount)
        precisionWithinRadius.withUnsafeMutableBufferPointer { precision in
            recallWithinRadius.withUnsafeMutableBufferPointer { recall in
                var retrieved: UInt32 = 0
                var relevant: UInt32 = 0
                var precisionAt = 0.0
                var recallAt = 0.0
                for radius in nearest...farthest {
                    retrieved += histogramAll[radius]
                    relevant += histogramRelevant[radius]
                    precisionAt = Double(relevant) / Double(retrieved)
                    precision[radius] += precisionAt
                    if relevantCount > 0 {
                        recallAt = Double(relevant) / relevantCount
                        recall[radius] += recallAt
                    }
                }
                for radius in (farthest + 1)..<precision.count {
                    precision[radius] += precisionAt
                    if relevantCount > 0 { recall[radius] += recallAt }
                }
            }
        }
        return rank.averagePrecision
    }

    /// Adds the sums of other queries.
    mutating func add(_ other: MetricSums) {
        queries += other.queries
        counted += other.counted
        withoutRelevant += other.withoutRelevant
        Self.add(other.averagePrecision, to: &averagePrecision)
        for index in averagePrecisionAtCutoffs.indices {
            Self.add(other.averagePrecisionAtCutoffs[index], to: &averagePrecisionAtCutoffs[index])
            Self.add(other.precisionAtCutoffs[index], to: &precisionAtCutoffs[index])
            Self.add(other.recallAtCutoffs[index], to: &recallAtCutoffs[index])
        }
        for radius in precisionWithinRadius.indices {
            precisionWithinRadius[radius] += other.precisionWithinRadius[radius]
            recallWithinRadius[radius] += other.recallWithinRadius[radius]
        }
    }

    private static func add(_ value: TieRules<Double>, to sum: inout TieRules<Double>) {
        sum.indexOrder += value.indexOrder
        sum.tieAware += value.tieAware
    }
}
