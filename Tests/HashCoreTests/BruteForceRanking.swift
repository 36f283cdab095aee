import HashCore

/// Reference metrics computed the slow, obvious way: a full sort of (distance, index)
/// pairs and the textbook formulas. Shares no code with `RetrievalEvaluation`.
struct BruteForceRanking {
    /// Database indices sorted by distance, then index.
    let order: [Int]
    let distances: [Int]
    let relevant: [Bool]

    init(query: Int, queries: BinaryCodes, queryLabels: LabelSets,
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

    var relevantCount: Int { relevant.filter { $0 }.count }

    /// AP over ranks 1…cutoff, divided by min(R, cutoff) (by R when cutoff is nil).
    func averagePrecision(cutoff: Int? = nil, ranking: [Int]? = nil) -> Double {
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

    func hits(cutoff: Int, ranking: [Int]? = nil) -> Int {
        let ranking = ranking ?? order
        return ranking.prefix(cutoff).filter { relevant[$0] }.count
    }

    /// Every ranking that sorts by distance, ties in any order (tiny databases only).
    func allTieOrders() -> [[Int]] {
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
