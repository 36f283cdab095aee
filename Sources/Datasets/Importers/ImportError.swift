/// Why an importer cannot turn source files into a dataset. Every case names the
/// file (or the files searched) and the variable.
public enum ImportError: DataInputError, Equatable, CustomStringConvertible {
    /// No importer of that kind; `suggestion` is the nearest known kind.
    case unknownKind(name: String, known: [String], suggestion: String?)
    /// None of `files` holds `variable`.
    case missingVariable(variable: String, files: [String])
    /// A matrix has no axis of the expected item count (or both axes have it).
    case unresolvedOrientation(file: String, variable: String, dimensions: [Int], items: Int)
    /// Two variables that must describe the same items disagree on their count.
    case countMismatch(file: String, variable: String, found: Int, expected: Int, reference: String)
    /// A value that must be a label (0/1) or a class id or item index is not;
    /// `position` is the element's 0-based linear index in the variable as stored
    /// (MATLAB's column-major order; row-major for a dataset of a plain HDF5 file).
    case invalidValue(file: String, variable: String, position: Int, value: Double, expected: String)
    /// The number of source files does not fit the importer.
    case wrongFiles(kind: String, given: Int, expected: String)
    /// No axis of `variable` has the item count (or any of the candidate counts
    /// `items`) of `reference`, the label variable of the same part.
    case itemCountMismatch(file: String, variable: String, dimensions: [Int], reference: String, items: [Int])
    /// Both axes of a label matrix are item counts every feature matrix of its part
    /// could have, and the other label matrices do not settle which one it is.
    case ambiguousItemCount(file: String, variable: String, dimensions: [Int])
    /// Parts of one modality (feature dimensions), or label matrices and class names
    /// (classes), disagree: `variable` has `found` `unit`, `reference` has `expected`.
    case dimensionMismatch(file: String, variable: String, found: Int, expected: Int, reference: String,
                           unit: String)
    /// One label variable is a vector of class ids and another a matrix of multi-hot
    /// labels (a vector is 1-D or has an axis of length 1).
    case labelKindMismatch(file: String, variable: String, dimensions: [Int], reference: String,
                           referenceDimensions: [Int])
    /// A feature is NaN or infinite: at 0-based `item` and `column` of the variable
    /// taken as items × features.
    case nonFiniteFeature(file: String, variable: String, item: Int, column: Int)
    /// The `mat` importer was not given the variables to read.
    case missingVariableMap
    /// An importer that reads fixed variables was given a variable map.
    case unexpectedVariableMap(kind: String)

    public var description: String {
        switch self {
        case let .unknownKind(name, known, suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "unknown import kind \"\(name)\"\(hint); known: \(known.joined(separator: ", "))"
        case let .missingVariable(variable, files):
            return "no variable \"\(variable)\" in \(files.joined(separator: ", "))"
        case let .unresolvedOrientation(file, variable, dimensions, items):
            return "\(file): variable \"\(variable)\" is \(Self.shape(dimensions)); expected one axis of \(items) items"
                + " (the orientation cannot be resolved from the label count)"
        case let .countMismatch(file, variable, found, expected, reference):
            return "\(file): variable \"\(variable)\" has \(found) items, but \(reference) has \(expected)"
        case let .invalidValue(file, variable, position, value, expected):
            return "\(file): variable \"\(variable)\": element \(position + 1) is \(value), expected \(expected)"
        case let .wrongFiles(kind, given, expected):
            return "import \(kind): \(given) source files given, expected \(expected)"
        case let .itemCountMismatch(file, variable, dimensions, reference, items):
            return "\(file): variable \"\(variable)\" is \(Self.shape(dimensions)), but \(reference) has "
                + items.map(String.init).joined(separator: " or ") + " items: no axis of \(variable) counts them"
        case let .ambiguousItemCount(file, variable, dimensions):
            return "\(file): variable \"\(variable)\" is \(Self.shape(dimensions)), and every feature matrix of its"
                + " part has both lengths: which axis counts the items cannot be resolved"
        case let .dimensionMismatch(file, variable, found, expected, reference, unit):
            return "\(file): variable \"\(variable)\" has \(found) \(unit), but \(reference) has \(expected)"
        case let .labelKindMismatch(file, variable, dimensions, reference, referenceDimensions):
            return "\(file): variable \"\(variable)\" is \(Self.shape(dimensions)) (\(Self.labelKind(dimensions))),"
                + " but \(reference) is \(Self.shape(referenceDimensions)) (\(Self.labelKind(referenceDimensions)));"
                + " the label variables must all hold class ids or all multi-hot labels"
        case let .nonFiniteFeature(file, variable, item, column):
            return "\(file): variable \"\(variable)\" holds a NaN or infinite value at item \(item), column \(column)"
                + " (0-based, items × features)"
        case .missingVariableMap:
            return "import mat needs the variables to read: the modalities' and the labels'"
        case let .unexpectedVariableMap(kind):
            return "import \(kind) reads its own variables and takes no variable map"
        }
    }

    /// Whether the source files are at fault: every case but those about the command
    /// itself (the kind, the number of files, the variable map).
    public var isDataInputError: Bool {
        switch self {
        case .unknownKind, .wrongFiles, .missingVariableMap, .unexpectedVariableMap:
            return false
        case .missingVariable, .unresolvedOrientation, .countMismatch, .invalidValue, .itemCountMismatch,
             .ambiguousItemCount, .dimensionMismatch, .labelKindMismatch, .nonFiniteFeature:
            return true
        }
    }

    /// `12 × 3`.
    private static func shape(_ dimensions: [Int]) -> String {
        dimensions.map(String.init).joined(separator: " × ")
    }

    /// What a label variable of `dimensions` holds: a vector holds class ids.
    private static func labelKind(_ dimensions: [Int]) -> String {
        SourceArray.isVector(dimensions) ? "class ids" : "multi-hot labels"
    }
}
