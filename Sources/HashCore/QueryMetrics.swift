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
    /// Computes every metric of one query from its ranking statistics (`RankingIndex`):
    /// the distance histograms of all and of relevant items, the number R of relevant
    /// items, the precision sums over all relevant items and over those within each
    /// cutoff, and the relevant items within each cutoff. `cutoffs` must be clamped to
    /// 1…N already.
    init(histogramAll: UnsafeBufferPointer<UInt32>, histogramRelevant: UnsafeBufferPointer<UInt32>,
         relevantCount relevant: Int, precisionSums: UnsafeBufferPointer<Double>,
         hits: UnsafeBufferPointer<UInt32>, cutoffs: [Int]) {
        let bits = histogramAll.count - 1
        var retrieved = [Int](repeating: 0, count: bits + 1)
        var relevantWithin = [Int](repeating: 0, count: bits + 1)
        var items = 0
        var relevantItems = 0
        var expectedSum = 0.0
        var expectedSumAt = [Double](repeating: 0, count: cutoffs.count)
        var expectedHitsAt = [Double](repeating: 0, count: cutoffs.count)
        for distance in 0...bits {
            // Tie-aware: expectations over random orders within each distance group.
            if histogramRelevant[distance] > 0 {
                let group = TieGroup(start: items, size: Int(histogramAll[distance]),
                                     relevant: Int(histogramRelevant[distance]), relevantBefore: relevantItems)
                expectedSum += group.expectedPrecisionSum(firstPositions: group.size)
                for (index, cutoff) in cutoffs.enumerated() where group.start < cutoff {
                    let positions = min(group.size, cutoff - group.start)
                    expectedSumAt[index] += group.expectedPrecisionSum(firstPositions: positions)
                    expectedHitsAt[index] += Double(positions * group.relevant) / Double(group.size)
                }
            }
            items += Int(histogramAll[distance])
            relevantItems += Int(histogramRelevant[distance])
            retrieved[distance] = items
            relevantWithin[distance] = relevantItems
        }
        relevantCount = relevant
        retrievedWithinRadius = retrieved
        relevantWithinRadius = relevantWithin

        let denominator = Double(max(relevant, 1))
        averagePrecision = TieRules(indexOrder: precisionSums[0] / denominator, tieAware: expectedSum / denominator)
        averagePrecisionAtCutoffs = cutoffs.indices.map { index in
            let limit = Double(max(min(relevant, cutoffs[index]), 1))
            return TieRules(indexOrder: precisionSums[1 + index] / limit, tieAware: expectedSumAt[index] / limit)
        }
        precisionAtCutoffs = cutoffs.indices.map { index in
            TieRules(indexOrder: Double(hits[index]) / Double(cutoffs[index]),
                     tieAware: expectedHitsAt[index] / Double(cutoffs[index]))
        }
        recallAtCutoffs = cutoffs.indices.map { index in
            TieRules(indexOrder: Double(hits[index]) / denominator,
                     tieAware: expectedHitsAt[index] / denominator)
        }
    }
}

/// The items at one Hamming distance: ranks `start + 1 … start + size` in any order,
/// `relevant` of them relevant, `relevantBefore` relevant items ranked ahead.
///
/// Over a uniformly random order within the group, position j (1-based) holds a
/// relevant item with probability r/n, and given that, the expected number of
/// relevant items among the j − 1 positions before it in the group is
/// (j − 1)(r − 1)/(n − 1). The expected sum of precisions at relevant positions
/// among the first m positions is therefore
///   Σ_{j=1}^{m} (r/n)·(R_b + 1 + (j − 1)·b)/(s + j),  b = (r − 1)/(n − 1),
/// which, writing c = R_b + 1 − b, equals (r/n)·(b·m + (c − b·s)·Σ_{t=s+1}^{s+m} 1/t).
struct TieGroup {
    let start: Int
    let size: Int
    let relevant: Int
    let relevantBefore: Int

    func expectedPrecisionSum(firstPositions positions: Int) -> Double {
        guard positions > 0, relevant > 0 else { return 0 }
        if size == 1 {
            return Double(relevantBefore + 1) / Double(start + 1)
        }
        let slope = Double(relevant - 1) / Double(size - 1)
        let offset = Double(relevantBefore + 1) - slope
        let harmonic = harmonicSum(from: start + 1, through: start + positions)
        let sum = slope * Double(positions) + (offset - slope * Double(start)) * harmonic
        return Double(relevant) / Double(size) * sum
    }
}
