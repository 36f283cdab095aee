import HashCore
import Linalg

/// Seeded random codes and labels for tests: the same seed gives the same fixture.
public enum RandomFixtures {
    /// `count` random codes of `bits` bits drawn from a pool of `distinctCodes`
    /// codes (all codes distinct when nil). A small pool makes many exact ties.
    public static func codes(count: Int, bits: Int, distinctCodes: Int? = nil,
                             generator: inout SeededGenerator) -> BinaryCodes {
        let wordsPerCode = (bits + 63) / 64
        func randomCode(_ generator: inout SeededGenerator) -> [UInt64] {
            (0..<wordsPerCode).map { word in
                let used = min(64, bits - word * 64)
                let value = generator.next()
                return used == 64 ? value : value & ((UInt64(1) << UInt64(used)) - 1)
            }
        }
        let pool = distinctCodes.map { size in (0..<size).map { _ in randomCode(&generator) } }
        var words: [UInt64] = []
        for _ in 0..<count {
            if let pool {
                words.append(contentsOf: pool[generator.integer(below: pool.count)])
            } else {
                words.append(contentsOf: randomCode(&generator))
            }
        }
        // The words are built with zero padding, so this cannot throw.
        return try! BinaryCodes(count: count, bitCount: bits, words: words)
    }

    /// An N × C multi-hot label matrix: each item carries each class with probability
    /// `density`; with `density` nil, exactly one class (single-label, one-hot).
    public static func labelMatrix(count: Int, classes: Int, density: Double? = nil,
                                   generator: inout SeededGenerator) -> Matrix<UInt8> {
        var matrix = Matrix<UInt8>(rows: count, columns: classes, repeating: 0)
        for item in 0..<count {
            if let density {
                for label in 0..<classes where generator.uniform() < density {
                    matrix[item, label] = 1
                }
            } else {
                matrix[item, generator.integer(below: classes)] = 1
            }
        }
        return matrix
    }

    /// Label sets built from `labelMatrix`.
    public static func labels(count: Int, classes: Int, density: Double? = nil,
                              generator: inout SeededGenerator) -> LabelSets {
        try! LabelSets(multiHot: labelMatrix(count: count, classes: classes, density: density,
                                             generator: &generator))
    }
}
