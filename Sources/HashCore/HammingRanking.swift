import Dispatch

/// Database items ordered by Hamming distance to a query.
///
/// A counting sort over distances 0…K: one pass computes the distances (C kernel),
/// a histogram gives each distance's first rank, and a second pass places items in
/// database-index order, so the ranking is stable by database index. O(N + K) per
/// query; `rank(queries:…)` spreads chunks of queries across cores.
public struct HammingRanking: Sendable {
    /// The codes being searched.
    public let database: BinaryCodes

    public init(database: BinaryCodes) {
        self.database = database
    }

    /// The first `limit` database indices (all when nil) for query `query` of `queries`.
    public func rank(query: Int, of queries: BinaryCodes, limit: Int? = nil) -> [Int32] {
        var distances = [UInt16](repeating: 0, count: database.count)
        return rank(query: query, of: queries, limit: limit, distances: &distances)
    }

    /// Rankings for every query, in query order.
    public func rank(queries: BinaryCodes, limit: Int? = nil, chunkSize: Int = 32) -> [[Int32]] {
        precondition(queries.bitCount == database.bitCount, "code lengths differ")
        let size = max(1, chunkSize)
        let chunkCount = (queries.count + size - 1) / size
        let results = UnsafeMutableBufferPointer<[Int32]>.allocate(capacity: queries.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var distances = [UInt16](repeating: 0, count: database.count)
            for query in (chunk * size)..<min(queries.count, (chunk + 1) * size) {
                (output.baseAddress! + query).initialize(
                    to: rank(query: query, of: queries, limit: limit, distances: &distances))
            }
        }
        let rankings = Array(results)
        _ = results.baseAddress.map { $0.deinitialize(count: queries.count) }
        return rankings
    }

    private func rank(query: Int, of queries: BinaryCodes, limit: Int?,
                      distances: inout [UInt16]) -> [Int32] {
        distances.withUnsafeMutableBufferPointer { buffer in
            HammingKernel.distances(from: queries, query, to: database, into: buffer)
        }
        var next = [Int](repeating: 0, count: database.bitCount + 2)
        for distance in distances { next[Int(distance) + 1] += 1 }
        for distance in 0...database.bitCount { next[distance + 1] += next[distance] }
        let length = min(limit ?? database.count, database.count)
        var ranking = [Int32](repeating: 0, count: length)
        for (index, distance) in distances.enumerated() {
            let position = next[Int(distance)]
            next[Int(distance)] = position + 1
            if position < length { ranking[position] = Int32(index) }
        }
        return ranking
    }
}
