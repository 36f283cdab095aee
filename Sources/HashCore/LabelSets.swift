import Linalg

/// The label sets of N items over C classes, packed as bitsets in `UInt64` words.
///
/// Item `i` carries class `c` when bit `c % 64` of word `i * wordsPerItem + c / 64`
/// is set. Single-label data is the special case of one bit per item. Two items are
/// *relevant* to each other when they share at least one class; an item with no
/// class is relevant to nothing.
public struct LabelSets: Equatable, Hashable, Sendable {
    /// Number of items (N).
    public let count: Int
    /// Number of classes (C).
    public let classCount: Int
    /// Words per item, `ceil(C / 64)`.
    public let wordsPerItem: Int
    /// The packed label sets, `count * wordsPerItem` words.
    public let words: [UInt64]

    /// Label sets from an N × C multi-hot matrix of 0 and 1 (single-label data one-hot).
    /// Any other value is an error naming its position.
    public init<Scalar: BinaryInteger>(multiHot matrix: Matrix<Scalar>) throws {
        let wordsPerItem = max(1, (matrix.columns + 63) / 64)
        words = try PackedRows.pack(rows: matrix.rows, bits: matrix.columns,
                                    wordsPerRow: wordsPerItem) { row, column in
            let value = matrix[row, column]
            guard value == 0 || value == 1 else {
                throw LabelSetsError.notBinary(row: row, column: column, value: "\(value)")
            }
            return value == 1
        }
        self.count = matrix.rows
        self.classCount = matrix.columns
        self.wordsPerItem = wordsPerItem
    }

    /// Single-label sets from class indices in `0..<classCount`.
    public init(classIndices: [Int], classCount: Int) throws {
        let wordsPerItem = max(1, (classCount + 63) / 64)
        var words = [UInt64](repeating: 0, count: classIndices.count * wordsPerItem)
        for (item, label) in classIndices.enumerated() {
            guard label >= 0 && label < classCount else {
                throw LabelSetsError.classOutOfRange(item: item, label: label, classCount: classCount)
            }
            words[item * wordsPerItem + label / 64] |= UInt64(1) << UInt64(label % 64)
        }
        self.count = classIndices.count
        self.classCount = classCount
        self.wordsPerItem = wordsPerItem
        self.words = words
    }

    /// Whether item `index` carries class `label`.
    public func contains(_ label: Int, item index: Int) -> Bool {
        (words[index * wordsPerItem + label / 64] >> UInt64(label % 64)) & 1 == 1
    }

    /// Whether item `index` of `self` shares a class with item `otherIndex` of `other`.
    public func sharesLabel(_ index: Int, with other: LabelSets, _ otherIndex: Int) -> Bool {
        precondition(wordsPerItem == other.wordsPerItem, "label sets over different class counts")
        for word in 0..<wordsPerItem
        where words[index * wordsPerItem + word] & other.words[otherIndex * wordsPerItem + word] != 0 {
            return true
        }
        return false
    }

    /// The label sets at the given indices, in that order.
    public func selecting<Indices: Sequence>(_ indices: Indices) -> LabelSets
    where Indices.Element == Int {
        let selected = PackedRows.gather(indices, from: words, wordsPerRow: wordsPerItem)
        return LabelSets(words: selected.words, count: selected.count, classCount: classCount)
    }

    init(words: [UInt64], count: Int, classCount: Int) {
        self.count = count
        self.classCount = classCount
        self.wordsPerItem = max(1, (classCount + 63) / 64)
        self.words = words
    }
}
