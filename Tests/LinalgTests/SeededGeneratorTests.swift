import Linalg
import Testing

@Suite("SeededGenerator")
struct SeededGeneratorTests {
    /// SplitMix64 (Steele, Lea & Flood 2014) and xoshiro256** (Blackman & Vigna 2018),
    /// written out from the published C reference code, independently of `Linalg`.
    struct ReferenceXoshiro {
        var s: [UInt64]

        static func splitMix(_ x: inout UInt64) -> UInt64 {
            x = x &+ 0x9e3779b97f4a7c15
            var z = x
            z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
            z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
            return z ^ (z >> 31)
        }

        static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

        init(seed: UInt64) {
            var x = seed
            s = (0..<4).map { _ in Self.splitMix(&x) }
        }

        mutating func next() -> UInt64 {
            let result = Self.rotl(s[1] &* 5, 7) &* 9
            let t = s[1] << 17
            s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
            s[2] ^= t
            s[3] = Self.rotl(s[3], 45)
            return result
        }
    }

    @Test("SplitMix64 from 0 starts with the published 0xE220A8397B1DCDAF")
    func splitMixReference() {
        var x: UInt64 = 0
        #expect(ReferenceXoshiro.splitMix(&x) == 0xe220a8397b1dcdaf)
    }

    @Test("fixed seeds give fixed first outputs (computed separately in Python)")
    func knownOutputs() {
        var zero = SeededGenerator(seed: 0)
        #expect((0..<4).map { _ in zero.next() }
            == [0x99ec5f36cb75f2b4, 0xbf6e1f784956452a, 0x1a5f849d4933e6e0, 0x6aa594f1262d2d2c])
        var answer = SeededGenerator(seed: 42)
        #expect((0..<4).map { _ in answer.next() }
            == [0x15780b2e0c2ec716, 0x6104d9866d113a7e, 0xae17533239e499a1, 0xecb8ad4703b360a1])
    }

    @Test("matches the reference implementation over 1000 outputs", arguments: [1, 7, 0xdeadbeef, UInt64.max])
    func matchesReference(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var reference = ReferenceXoshiro(seed: seed)
        #expect((0..<1000).allSatisfy { _ in generator.next() == reference.next() })
    }

    @Test("a component stream is seeded by splitMix(seed) ^ FNV-1a(name)")
    func componentDerivation() {
        var x: UInt64 = 7
        var fnv: UInt64 = 0xcbf29ce484222325
        for byte in "split".utf8 { fnv = (fnv ^ UInt64(byte)) &* 0x100000001b3 }
        let derived = ReferenceXoshiro.splitMix(&x) ^ fnv
        #expect(derived == 0x3c109b6e9a267a54)
        var generator = SeededGenerator(seed: 7, component: "split")
        #expect((0..<3).map { _ in generator.next() }
            == [0xab33fda1bdde9748, 0x274390da91c53613, 0xc1d462e0fcc6b2ca])
    }

    @Test("same name, same stream; different names or seeds, different streams")
    func componentIndependence() {
        func firstOutputs(_ generator: SeededGenerator) -> [UInt64] {
            var copy = generator
            return (0..<8).map { _ in copy.next() }
        }
        let split = firstOutputs(SeededGenerator(seed: 5, component: "split"))
        #expect(split == firstOutputs(SeededGenerator(seed: 5, component: "split")))
        #expect(split != firstOutputs(SeededGenerator(seed: 5, component: "anchors")))
        #expect(split != firstOutputs(SeededGenerator(seed: 6, component: "split")))
        #expect(split != firstOutputs(SeededGenerator(seed: 5)))
        #expect(firstOutputs(SeededGenerator(seed: 5, component: ""))
            != firstOutputs(SeededGenerator(seed: 5)))
    }

    @Test("uniform values are the top bits of next() scaled into [0, 1)")
    func uniformValues() {
        var generator = SeededGenerator(seed: 0)
        #expect(generator.uniform() == 0.6012629994179048)
        #expect(generator.uniformFloat() == 0.747774064540863)
        var many = SeededGenerator(seed: 81)
        #expect((0..<10_000).allSatisfy { _ in (0..<1).contains(many.uniform()) })
        #expect((0..<10_000).allSatisfy { _ in (0..<1).contains(many.uniformFloat()) })
    }

    @Test("integer(below:) stays in range and passes a chi-square test on 10 bins")
    func integerUniformity() {
        var generator = SeededGenerator(seed: 82, component: "integers")
        var counts = [Int](repeating: 0, count: 10)
        let draws = 100_000
        for _ in 0..<draws {
            let value = generator.integer(below: 10)
            #expect((0..<10).contains(value))
            counts[min(max(value, 0), 9)] += 1
        }
        let expected = Double(draws) / 10
        let chiSquare = counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 40, "chi-square \(chiSquare) with 9 degrees of freedom; counts \(counts)")
        #expect(generator.integer(below: 1) == 0)
        #expect((0..<1000).allSatisfy { _ in (0..<Int.max).contains(generator.integer(below: Int.max)) })
        #expect((0..<1000).allSatisfy { _ in (0..<3).contains(generator.integer(below: 3)) })
    }

    @Test("normal() has mean ≈ 0 and variance ≈ 1")
    func normalMoments() {
        var generator = SeededGenerator(seed: 83, component: "normal")
        let count = 100_000
        let values = (0..<count).map { _ in generator.normal() }
        let mean = values.reduce(0, +) / Double(count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        #expect(abs(mean) < 0.02)
        #expect(abs(variance - 1) < 0.03)
        let fractionWithinOne = Double(values.filter { abs($0) < 1 }.count) / Double(count)
        #expect(abs(fractionWithinOne - 0.6827) < 0.01)
    }

    @Test("permutation and shuffle rearrange without losing or repeating elements")
    func permutations() {
        var generator = SeededGenerator(seed: 84, component: "permutation")
        let permutation = generator.permutation(100)
        #expect(permutation.sorted() == Array(0..<100))
        #expect(permutation != Array(0..<100))
        #expect(generator.permutation(0).isEmpty && generator.permutation(1) == [0])
        var letters = Array("abcdefghij")
        generator.shuffle(&letters)
        #expect(letters.sorted() == Array("abcdefghij"))
        #expect(letters != Array("abcdefghij"))
    }

    @Test("sample gives distinct in-range indices, even from a huge population")
    func sampling() {
        var generator = SeededGenerator(seed: 85, component: "sample")
        let small = generator.sample(30, from: 40)
        #expect(Set(small).count == 30 && small.allSatisfy { (0..<40).contains($0) })
        let huge = generator.sample(1000, from: 1 << 60)
        #expect(Set(huge).count == 1000 && huge.allSatisfy { (0..<(1 << 60)).contains($0) })
        #expect(generator.sample(12, from: 12).sorted() == Array(0..<12))
        #expect(generator.sample(0, from: 5).isEmpty)
    }

    @Test("sample(k, from: n) is the first k entries of permutation(n) from the same state")
    func sampleIsPartialPermutation() {
        let generator = SeededGenerator(seed: 86)
        var forSample = generator
        var forPermutation = generator
        #expect(forSample.sample(7, from: 50) == Array(forPermutation.permutation(50).prefix(7)))
    }

    @Test("sample draws every index equally often")
    func sampleUniformity() {
        var generator = SeededGenerator(seed: 87, component: "sample")
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<20_000 {
            for index in generator.sample(3, from: 10) { counts[index] += 1 }
        }
        let expected = 20_000.0 * 3 / 10
        let chiSquare = counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 40, "counts \(counts)")
    }

    @Test("random matrices: shapes, ranges, determinism, orthonormality")
    func matrices() {
        var generator = SeededGenerator(seed: 88, component: "matrices")
        let normal: Matrix<Float> = generator.normalMatrix(rows: 3, columns: 4)
        #expect(normal.rows == 3 && normal.columns == 4)
        var again = SeededGenerator(seed: 88, component: "matrices")
        #expect(again.normalMatrix(rows: 3, columns: 4, as: Float.self) == normal)

        var first = SeededGenerator(seed: 89)
        var second = first
        let uniformFloats = first.uniformMatrix(rows: 5, columns: 5, as: Float.self)
        #expect(uniformFloats.elements == (0..<25).map { _ in second.uniformFloat() })
        let uniformDoubles = first.uniformMatrix(rows: 2, columns: 3, as: Double.self)
        #expect(uniformDoubles.elements == (0..<6).map { _ in second.uniform() })

        let square = generator.orthonormalMatrix(rows: 6, columns: 6, as: Double.self)
        #expect(orthonormalityError(square) < 1e-12)
        #expect(orthonormalityError(square.transposed()) < 1e-12)
        let tall = generator.orthonormalMatrix(rows: 40, columns: 8, as: Float.self)
        #expect(tall.rows == 40 && tall.columns == 8)
        #expect(orthonormalityError(tall) < 1e-5)
    }
}
