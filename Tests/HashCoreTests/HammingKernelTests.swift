@testable import HashCore
import Linalg
import TestSupport
import Testing

@Suite struct HammingKernelTests {
    @Test(arguments: [1, 63, 64, 65, 128, 300])
    func kernelDistancesEqualBitByBitCount(bits: Int) throws {
        var generator = SeededGenerator(seed: UInt64(bits))
        let queries = RandomFixtures.codes(count: 3, bits: bits, generator: &generator)
        // 37 items: not a multiple of the 8-wide vector loop, so the tail runs too.
        let database = RandomFixtures.codes(count: 37, bits: bits, generator: &generator)
        var distances = [UInt16](repeating: 0, count: database.count)
        for variant in HammingKernel.Variant.allCases where variant.isSupported {
          for query in 0..<queries.count {
            distances.withUnsafeMutableBufferPointer {
                HammingKernel.distances(from: queries, query, to: database, into: $0, variant: variant)
            }
            var sum: UInt64 = 0
            for item in 0..<database.count {
                let expected = (0..<bits).filter {
                    queries.bit($0, ofCode: query) != database.bit($0, ofCode: item)
                }.count
                #expect(Int(distances[item]) == expected)
                sum += UInt64(expected)
            }
            #expect(HammingKernel.distanceSum(from: queries, query, to: database, variant: variant) == sum)
          }
        }
        #expect(HammingKernel.Variant.best.isSupported && HammingKernel.Variant.portable.isSupported)
    }

    @Test func rankingIsAStableSortByDistance() throws {
        var generator = SeededGenerator(seed: 9)
        let queries = RandomFixtures.codes(count: 9, bits: 6, generator: &generator)
        let database = RandomFixtures.codes(count: 200, bits: 6, distinctCodes: 15, generator: &generator)
        let ranking = HammingRanking(database: database)
        let all = ranking.rank(queries: queries, chunkSize: 2)
        let top = ranking.rank(queries: queries, limit: 17)
        for query in 0..<queries.count {
            let expected = (0..<database.count).sorted {
                (queries.hammingDistance(query, to: database, $0), $0)
                    < (queries.hammingDistance(query, to: database, $1), $1)
            }
            #expect(all[query].map(Int.init) == expected)
            #expect(top[query].map(Int.init) == Array(expected.prefix(17)))
            #expect(ranking.rank(query: query, of: queries) == all[query])
        }
    }

    @Test func harmonicSumsMatchDirectSummation() {
        for (lower, upper) in [(1, 1), (1, 64), (1, 65), (3, 1000), (65, 66), (65, 72), (65, 73), (70, 100),
                               (10_000, 10_008), (100, 40_000), (37_000, 37_322), (500, 499)] {
            var direct = 0.0
            if upper >= lower {
                for term in stride(from: upper, through: lower, by: -1) { direct += 1 / Double(term) }
            }
            let value = harmonicSum(from: lower, through: upper)
            #expect(abs(value - direct) <= 1e-13 * max(direct, 1e-300) + 1e-300)
        }
    }
}
