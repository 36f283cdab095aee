/// One query's ranking statistics as the kernel returns them (`RankingIndex`), sufficient
/// for every metric of `RetrievalEvaluation`: the distance histograms of all and of
/// relevant items and the number R of relevant items (all that the tie-aware values
/// need), and, when the index-order values are asked for, the sums that come from the
/// relevant items' ranks.
///
/// The buffers are views into the kernel's output; they are valid only inside the call
/// that hands the statistics over.
struct RankingStatistics {
    /// What the index-order values need: sums over the relevant items' exact ranks.
    struct IndexOrderSums {
        /// Precision sums: over all relevant items, then within each cutoff.
        let precisionSums: UnsafeBufferPointer<Double>
        /// Relevant items within each cutoff.
        let hits: UnsafeBufferPointer<UInt32>
    }

    let histogramAll: UnsafeBufferPointer<UInt32>
    let histogramRelevant: UnsafeBufferPointer<UInt32>
    let relevantCount: Int
    /// nil when only the tie-aware values were asked for.
    let indexOrder: IndexOrderSums?
    /// The K of the @K metrics, clamped to 1…N.
    let cutoffs: [Int]

    /// The metrics that depend on ranks, under both tie rules.
    struct RankMetrics {
        var averagePrecision: TieRules<Double>
        var averagePrecisionAtCutoffs: [TieRules<Double>]
        var precisionAtCutoffs: [TieRules<Double>]
        var recallAtCutoffs: [TieRules<Double>]
    }

    /// AP, AP@K, precision@K and recall@K: index order from the kernel's precision sums
    /// and hits (NaN without them), tie-aware from the histograms (one `TieGroup` per
    /// distance).
    func rankMetrics() -> RankMetrics {
        var items = 0
        var relevantItems = 0
        var expectedSum = 0.0
        var expectedSumAt = [Double](repeating: 0, count: cutoffs.count)
        var expectedHitsAt = [Double](repeating: 0, count: cutoffs.count)
        for distance in histogramAll.indices {
            if histogramRelevant[distance] > 0 {
                let group = TieGroup(start: items, size: Int(histogramAll[distance]),
                                     relevant: Int(histogramRelevant[distance]), relevantBefore: relevantItems)
                let whole = group.expectedPrecisionSum(firstPositions: group.size)
                expectedSum += whole
                for (index, cutoff) in cutoffs.enumerated() where group.start < cutoff {
                    let positions = min(group.size, cutoff - group.start)
                    expectedSumAt[index] += positions == group.size
                        ? whole : group.expectedPrecisionSum(firstPositions: positions)
                    expectedHitsAt[index] += Double(positions * group.relevant) / Double(group.size)
                }
            }
            items += Int(histogramAll[distance])
            relevantItems += Int(histogramRelevant[distance])
        }
        let denominator = Double(max(relevantCount, 1))
        let precisionSum = { (index: Int) in self.indexOrder?.precisionSums[index] ?? .nan }
        let hits = { (index: Int) in self.indexOrder.map { Double($0.hits[index]) } ?? .nan }
        return RankMetrics(
            averagePrecision: TieRules(indexOrder: precisionSum(0) / denominator,
                                       tieAware: expectedSum / denominator),
            averagePrecisionAtCutoffs: cutoffs.indices.map { index in
                let limit = Double(max(min(relevantCount, cutoffs[index]), 1))
                return TieRules(indexOrder: precisionSum(1 + index) / limit,
                                tieAware: expectedSumAt[index] / limit)
            },
            precisionAtCutoffs: cutoffs.indices.map { index in
                TieRules(indexOrder: hits(index) / Double(cutoffs[index]),
                         tieAware: expectedHitsAt[index] / Double(cutoffs[index]))
            },
            recallAtCutoffs: cutoffs.indices.map { index in
                TieRules(indexOrder: hits(index) / denominator,
                         tieAware: expectedHitsAt[index] / denominator)
            })
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
