/// Why a label matrix could not be read as label sets.
public enum LabelSetsError: Error, Equatable, CustomStringConvertible {
    /// A multi-hot entry that is neither 0 nor 1.
    case notBinary(row: Int, column: Int, value: String)
    /// A class index outside `0..<classCount`.
    case classOutOfRange(item: Int, label: Int, classCount: Int)

    public var description: String {
        switch self {
        case let .notBinary(row, column, value):
            return "label value \(value) at row \(row), column \(column) is not 0 or 1"
        case let .classOutOfRange(item, label, classCount):
            return "item \(item) has class \(label), outside 0..<\(classCount)"
        }
    }
}
