/// Helpers shared by the two packed bit-row types, `BinaryCodes` and `LabelSets`:
/// N rows of W `UInt64` words, bit j of a row at bit j % 64 of word j / 64.
enum PackedRows {
    /// Packs `rows` × `bits` bits, bit (row, j) set where `isSet(row, j)` is true.
    static func pack(rows: Int, bits: Int, wordsPerRow: Int,
                     isSet: (Int, Int) throws -> Bool) rethrows -> [UInt64] {
        var words = [UInt64](repeating: 0, count: rows * wordsPerRow)
        for row in 0..<rows {
            for bit in 0..<bits where try isSet(row, bit) {
                words[row * wordsPerRow + bit / 64] |= UInt64(1) << UInt64(bit % 64)
            }
        }
        return words
    }

    /// The words of the given rows, in that order, and how many rows there were.
    static func gather<Indices: Sequence>(_ indices: Indices, from words: [UInt64],
                                          wordsPerRow: Int) -> (words: [UInt64], count: Int)
    where Indices.Element == Int {
        var selected: [UInt64] = []
        var count = 0
        for index in indices {
            selected.append(contentsOf: words[(index * wordsPerRow)..<((index + 1) * wordsPerRow)])
            count += 1
        }
        return (selected, count)
    }
}
