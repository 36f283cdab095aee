/// Why a dataset file (or the contents about to be written as one) is not a valid
/// hashlab dataset. Every case names the file and the object in it.
public enum DatasetError: DataInputError, Equatable, CustomStringConvertible {
    /// A required object (`/labels`, `/classes`, `/features`) is absent.
    case missingObject(file: String, path: String)
    /// The dataset has no `/features/<modality>` matrix.
    case noModalities(file: String)
    /// A modality's row count differs from the label count.
    case rowCountMismatch(file: String, modality: String, rows: Int, expected: Int)
    /// A feature value is NaN or infinite; `row` is the first such row.
    case nonFiniteFeature(file: String, modality: String, row: Int, column: Int)
    /// A label entry is neither 0 nor 1.
    case invalidLabel(file: String, row: Int, column: Int, value: UInt8)
    /// `/classes` and the label columns disagree in number.
    case classCountMismatch(file: String, classes: Int, labelColumns: Int)
    /// `/attributes` does not have one row per class.
    case attributeRowMismatch(file: String, rows: Int, classes: Int)
    /// A split part holds an index outside `0..<count`.
    case splitIndexOutOfRange(file: String, split: String, part: String, index: Int, count: Int)
    /// A modality, split or part name is empty or contains `/`.
    case invalidName(file: String, name: String)
    /// Features of a modality the dataset does not have were asked for.
    case unknownModality(file: String, modality: String, known: [String])
    /// The dataset holds no item (`/labels` has no row).
    case noItems(file: String)
    /// No item of the dataset has a label (every row of `/labels` is zero).
    case noLabelledItems(file: String, items: Int)

    /// Whether the dataset file is at fault: every case but asking for a modality the
    /// dataset does not have.
    public var isDataInputError: Bool {
        switch self {
        case .unknownModality:
            return false
        case .missingObject, .noModalities, .rowCountMismatch, .nonFiniteFeature, .invalidLabel,
             .classCountMismatch, .attributeRowMismatch, .splitIndexOutOfRange, .invalidName, .noItems,
             .noLabelledItems:
            return true
        }
    }

    public var description: String {
        switch self {
        case let .missingObject(file, path):
            return "\(file): dataset file has no \(path)"
        case let .noModalities(file):
            return "\(file): dataset file has no feature matrix under /features"
        case let .rowCountMismatch(file, modality, rows, expected):
            return "\(file): /features/\(modality) has \(rows) rows but /labels has \(expected)"
        case let .nonFiniteFeature(file, modality, row, column):
            return "\(file): /features/\(modality) holds a NaN or infinite value at row \(row), column \(column)"
        case let .invalidLabel(file, row, column, value):
            return "\(file): /labels holds \(value) at row \(row), column \(column); labels must be 0 or 1"
        case let .classCountMismatch(file, classes, labelColumns):
            return "\(file): /classes names \(classes) classes but /labels has \(labelColumns) columns"
        case let .attributeRowMismatch(file, rows, classes):
            return "\(file): /attributes has \(rows) rows but there are \(classes) classes"
        case let .splitIndexOutOfRange(file, split, part, index, count):
            return "\(file): /splits/\(split)/\(part) holds index \(index), outside 0..<\(count)"
        case let .invalidName(file, name):
            return "\(file): \"\(name)\" is not a valid modality, split or part name (empty or contains '/')"
        case let .unknownModality(file, modality, known):
            return "\(file): no modality \"\(modality)\"; the dataset has \(known.joined(separator: ", "))"
        case let .noItems(file):
            return "\(file): /labels has no rows: the dataset holds no item"
        case let .noLabelledItems(file, items):
            return "\(file): /labels: none of the \(items) items has a label (every row is zero)"
        }
    }
}
