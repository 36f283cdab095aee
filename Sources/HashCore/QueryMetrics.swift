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
    /// Computes every metric of one query from its scan. `cutoffs` must be clamped to
    /// 1…N already.
    init(scan: QueryScan, cutoffs: [Int]) {
        let bits = scan.bitCount
        var itemsBefore = [Int](repeating: 0, count: bits + 2)
        var relevantBefore = [Int](repeating: 0, count: bits + 2)
        for distance in 0...bits {
            itemsBefore[distance + 1] = itemsBefore[distance] + Int(scan.histogramAll[distance])
            relevantBefore[distance + 1] = relevantBefore[distance] + Int(scan.histogramRelevant[distance])
        }
        let relevant = relevantBefore[bits + 1]
        relevantCount = relevant
        retrievedWithinRadius = Array(itemsBefore[1...])
        relevantWithinRadius = Array(relevantBefore[1...])

        // Index order: exact ranks from the counting sort.
        var precisionSum = 0.0
        var precisionSumAt = [Double](repeating: 0, count: cutoffs.count)
        var hitsAt = [Int](repeating: 0, count: cutoffs.count)
        for entry in 0..<scan.relevantCount {
            let distance = Int(scan.relevantDistance[entry])
            let rank = itemsBefore[distance] + Int(scan.relevantPrecedingAll[entry]) + 1
            let hits = relevantBefore[distance] + Int(scan.relevantPrecedingRelevant[entry]) + 1
            let precision = Double(hits) / Double(rank)
            precisionSum += precision
            for (index, cutoff) in cutoffs.enumerated() where rank <= cutoff {
                precisionSumAt[index] += precision
                hitsAt[index] += 1
            }
        }

        // Tie-aware: expectations over random orders within each distance group.
        var expectedSum = 0.0
        var expectedSumAt = [Double](repeating: 0, count: cutoffs.count)
        var expectedHitsAt = [Double](repeating: 0, count: cutoffs.count)
        for distance in 0...bits where scan.histogramRelevant[distance] > 0 {
            let group = TieGroup(
                start: itemsBefore[distance], size: Int(scan.histogramAll[distance]),
                relevant: Int(scan.histogramRelevant[distance]),
                relevantBefore: relevantBefore[distance])
            expectedSum += group.expectedPrecisionSum(firstPositions: group.size)
            for (index, cutoff) in cutoffs.enumerated() where group.start < cutoff {
                let positions = min(group.size, cutoff - group.start)
                expectedSumAt[index] += group.expectedPrecisionSum(firstPositions: positions)
                expectedHitsAt[index] += Double(positions * group.relevant) / Double(group.size)
            }
        }

        let denominator = Double(max(relevant, 1))
        averagePrecision = TieRules(indexOrder: precisionSum / denominator,
                                    tieAware: expectedSum / denominator)
        averagePrecisionAtCutoffs = cutoffs.indices.map { index in
            let limit = Double(max(min(relevant, cutoffs[index]), 1))
            return TieRules(indexOrder: precisionSumAt[index] / limit,
                            tieAware: expectedSumAt[index] / limit)
        }
        precisionAtCutoffs = cutoffs.indices.map { index in
            TieRules(indexOrder: Double(hitsAt[index]) / Double(cutoffs[index]),
                     tieAware: expectedHitsAt[index] / Double(cutoffs[index]))
        }
        recallAtCutoffs = cutoffs.indices.map { index in
            TieRules(indexOrder: Double(hitsAt[index]) / denominator,
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
