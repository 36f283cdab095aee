import HashCore

/// Reference metrics computed the slow, obvious way: a full sort of (distance, index)
/// pairs and the textbook formulas. Shares no code with `RetrievalEvaluation`.
public struct BruteForceRanking {
    /// Database indices sorted by distance, then index.
    public let order: [Int]
    public let distances: [Int]
    public let relevant: [Bool]

    public init(query: Int, queries: BinaryCodes, queryLabels: LabelSets,
         database: BinaryCodes, databaseLabels: LabelSets) {
        var distances: [Int] = []
        var relevant: [Bool] = []
        for item in 0..<database.count {
            var distance = 0
            for bit in 0..<database.bitCount
            where queries.bit(bit, ofCode: query) != database.bit(bit, ofCode: item) {
                distance += 1
            }
            distances.append(distance)
            relevant.append((0..<queryLabels.classCount).contains { label in
                queryLabels.contains(label, item: query) && databaseLabels.contains(label, item: item)
            })
        }
        self.distances = distances
        self.relevant = relevant
        order = Array(0..<database.count).sorted { (distances[$0], $0) < (distances[$1], $1) }
    }

    public var relevantCount: Int { relevant.filter { $0 }.count }

    /// AP over ranks 1…cutoff, divided by min(R, cutoff) (by R when cutoff is nil).
    public func averagePrecision(cutoff: Int? = nil, ranking: [Int]? = nil) -> Double {
        let ranking = ranking ?? order
        let limit = min(cutoff ?? ranking.count, ranking.count)
        var hits = 0
        var sum = 0.0
        for rank in 1...limit where relevant[ranking[rank - 1]] {
            hits += 1
            sum += Double(hits) / Double(rank)
        }
        let denominator = cutoff.map { min(relevantCount, $0) } ?? relevantCount
        return denominator == 0 ? 0 : sum / Double(denominator)
    }

    public func hits(cutoff: Int, ranking: [Int]? = nil) -> Int {
        let ranking = ranking ?? order
        return ranking.prefix(cutoff).filter { relevant[$0] }.count
    }

    /// The expected AP over random orders within ties, summed position by position:
    /// position j of a group of n items (r relevant, s items and R_b relevant ahead)
    /// is relevant with probability r/n and then has R_b + 1 + (j − 1)(r − 1)/(n − 1)
    /// relevant items up to it. (Checked against `allTieOrders` in HashCoreTests.)
    public func expectedAveragePrecision() -> Double {
        guard relevantCount > 0 else { return 0 }
        var sum = 0.0
        var itemsAhead = 0
        var relevantAhead = 0
        for distance in Set(distances).sorted() {
            let group = (0..<distances.count).filter { distances[$0] == distance }
            let size = group.count
            let relevantInGroup = group.filter { relevant[$0] }.count
            for position in 1...size where relevantInGroup > 0 {
                let before = size == 1 ? 0 : Double(position - 1) * Double(relevantInGroup - 1) / Double(size - 1)
                sum += Double(relevantInGroup) / Double(size)
                    * (Double(relevantAhead + 1) + before) / Double(itemsAhead + position)
            }
            itemsAhead += size
            relevantAhead += relevantInGroup
        }
        return sum / Double(relevantCount)
    }

    /// Every ranking that sorts by distance, ties in any order (tiny databases only).
    public func allTieOrders() -> [[Int]] {
        var results: [[Int]] = []
        func extend(_ prefix: [Int], _ remaining: [Int]) {
            if remaining.isEmpty { results.append(prefix); return }
            let smallest = remaining.map { distances[$0] }.min()!
            for (position, item) in remaining.enumerated() where distances[item] == smallest {
                var rest = remaining
                rest.remove(at: position)
                extend(prefix + [item], rest)
            }
        }
        extend([], Array(0..<distances.count))
        return results
    }
}
