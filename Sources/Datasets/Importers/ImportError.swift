/// Why an importer cannot turn source files into a dataset. Every case names the
/// file (or the files searched) and the variable.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    /// No importer of that kind; `suggestion` is the nearest known kind.
    case unknownKind(name: String, known: [String], suggestion: String?)
    /// None of `files` holds `variable`.
    case missingVariable(variable: String, files: [String])
    /// A matrix has no axis of the expected item count (or both axes have it).
    case unresolvedOrientation(file: String, variable: String, dimensions: [Int], items: Int)
    /// Two variables that must describe the same items disagree on their count.
    case countMismatch(file: String, variable: String, found: Int, expected: Int, reference: String)
    /// A value that must be a label (0/1) or a 1-based class id or item index is not;
    /// `position` is the element's 0-based linear index in the variable as stored
    /// (MATLAB's column-major order).
    case invalidValue(file: String, variable: String, position: Int, value: Double, expected: String)
    /// The number of source files does not fit the importer.
    case wrongFiles(kind: String, given: Int, expected: String)

    public var description: String {
        switch self {
        case let .unknownKind(name, known, suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "unknown import kind \"\(name)\"\(hint); known: \(known.joined(separator: ", "))"
        case let .missingVariable(variable, files):
            return "no variable \"\(variable)\" in \(files.joined(separator: ", "))"
        case let .unresolvedOrientation(file, variable, dimensions, items):
            let shape = dimensions.map(String.init).joined(separator: " × ")
            return "\(file): variable \"\(variable)\" is \(shape); expected one axis of \(items) items"
                + " (the orientation cannot be resolved from the label count)"
        case let .countMismatch(file, variable, found, expected, reference):
            return "\(file): variable \"\(variable)\" has \(found) items, but \(reference) has \(expected)"
        case let .invalidValue(file, variable, position, value, expected):
            return "\(file): variable \"\(variable)\": element \(position + 1) is \(value), expected \(expected)"
        case let .wrongFiles(kind, given, expected):
            return "import \(kind): \(given) source files given, expected \(expected)"
        }
    }
}
