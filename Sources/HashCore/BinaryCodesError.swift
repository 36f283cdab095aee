/// Why a set of binary codes could not be built.
public enum BinaryCodesError: Error, Equatable, CustomStringConvertible {
    /// Negative count or a code length that is not positive.
    case invalidShape(count: Int, bitCount: Int)
    /// The packed array has the wrong number of words.
    case wordCountMismatch(expected: Int, found: Int)
    /// A code has bits set beyond its length.
    case paddingBitsSet(code: Int)
    /// A ±1 source matrix holds a value that is neither +1 nor −1.
    case notPlusMinusOne(row: Int, column: Int, value: String)
    /// A real-valued source matrix holds NaN or an infinity.
    case notFinite(row: Int, column: Int)

    public var description: String {
        switch self {
        case let .invalidShape(count, bitCount):
            return "invalid code shape: \(count) codes of \(bitCount) bits"
        case let .wordCountMismatch(expected, found):
            return "expected \(expected) packed words, found \(found)"
        case let .paddingBitsSet(code):
            return "code \(code) has bits set beyond the code length"
        case let .notPlusMinusOne(row, column, value):
            return "value \(value) at row \(row), column \(column) is not +1 or -1"
        case let .notFinite(row, column):
            return "value at row \(row), column \(column) is NaN or infinite"
        }
    }
}
