import CPopcount
import Linalg

/// N binary codes of K bits each, packed into `UInt64` words.
///
/// Bit order (the one place it is defined): bit `j` of code `i` is bit `j % 64`
/// (least significant first) of word `i * wordsPerCode + j / 64`. A set bit means
/// +1, a clear bit −1; sign(0) is +1. Bits past K in the last word of a code are
/// always zero, so two codes can be compared word by word.
public struct BinaryCodes: Equatable, Hashable, Sendable {
    /// Number of codes (N).
    public let count: Int
    /// Bits per code (K).
    public let bitCount: Int
    /// Words per code, `ceil(K / 64)`.
    public let wordsPerCode: Int
    /// The packed codes, `count * wordsPerCode` words.
    public let words: [UInt64]

    /// Wraps packed words, checking the length and that padding bits are zero.
    public init(count: Int, bitCount: Int, words: [UInt64]) throws {
        guard count >= 0, bitCount > 0 else {
            throw BinaryCodesError.invalidShape(count: count, bitCount: bitCount)
        }
        let wordsPerCode = (bitCount + 63) / 64
        guard words.count == count * wordsPerCode else {
            throw BinaryCodesError.wordCountMismatch(
                expected: count * wordsPerCode, found: words.count)
        }
        let padding = Self.paddingMask(bitCount: bitCount)
        if padding != 0 {
            for item in 0..<count where words[item * wordsPerCode + wordsPerCode - 1] & padding != 0 {
                throw BinaryCodesError.paddingBitsSet(code: item)
            }
        }
        self.count = count
        self.bitCount = bitCount
        self.wordsPerCode = wordsPerCode
        self.words = words
    }

    /// The mask of the unused high bits of a code's last word.
    static func paddingMask(bitCount: Int) -> UInt64 {
        let used = bitCount % 64
        return used == 0 ? 0 : ~((UInt64(1) << UInt64(used)) - 1)
    }

    /// The words of code `index`.
    public func code(_ index: Int) -> ArraySlice<UInt64> {
        words[(index * wordsPerCode)..<((index + 1) * wordsPerCode)]
    }

    /// Bit `bit` of code `index`: `true` for +1, `false` for −1.
    public func bit(_ bit: Int, ofCode index: Int) -> Bool {
        precondition(bit >= 0 && bit < bitCount, "bit \(bit) out of 0..<\(bitCount)")
        return (words[index * wordsPerCode + bit / 64] >> UInt64(bit % 64)) & 1 == 1
    }

    /// The Hamming distance between code `index` of `self` and code `otherIndex` of `other`.
    public func hammingDistance(_ index: Int, to other: BinaryCodes, _ otherIndex: Int) -> Int {
        precondition(bitCount == other.bitCount, "codes of \(bitCount) and \(other.bitCount) bits")
        var distance = 0
        for word in 0..<wordsPerCode {
            distance += (words[index * wordsPerCode + word]
                ^ other.words[otherIndex * wordsPerCode + word]).nonzeroBitCount
        }
        return distance
    }

    /// The codes at the given indices, in that order.
    public func selecting<Indices: Sequence>(_ indices: Indices) -> BinaryCodes
    where Indices.Element == Int {
        let selected = PackedRows.gather(indices, from: words, wordsPerRow: wordsPerCode)
        return BinaryCodes(validated: selected.words, count: selected.count, bitCount: bitCount)
    }

    /// Wraps words already known to satisfy the layout (taken from valid codes).
    init(validated words: [UInt64], count: Int, bitCount: Int) {
        self.count = count
        self.bitCount = bitCount
        self.wordsPerCode = (bitCount + 63) / 64
        self.words = words
    }
}
