/// Why a MATLAB file or one of its variables cannot be read. Every case names the
/// file and, where there is one, the variable.
public enum MATFileError: DataInputError, Equatable, CustomStringConvertible {
    case fileNotFound(file: String)
    case unreadable(file: String, reason: String)
    /// Neither a MAT v5 header nor an HDF5-based v7.3 file.
    case notMATFile(file: String)
    /// The file ends inside an element or a compressed stream ends early.
    case truncated(file: String, variable: String?)
    /// A compressed element does not decompress, or an element is malformed.
    case corrupt(file: String, variable: String?, reason: String)
    case missingVariable(file: String, variable: String, available: [String])
    /// The variable's class cannot be read as asked (e.g. a struct, or a cell asked
    /// for numbers).
    case unsupportedClass(file: String, variable: String, found: String, expected: String)
    case notTwoDimensional(file: String, variable: String, dimensions: [Int])
    /// The variable declares more elements than hashlab reads (a sparse array whose
    /// dense form exceeds `limit` elements); nothing was allocated.
    case tooLarge(file: String, variable: String, dimensions: [Int], limit: Int)

    public var description: String {
        switch self {
        case let .fileNotFound(file):
            return "\(file): no such file"
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .notMATFile(file):
            return "\(file): not a MATLAB file (no MAT v5 header and not HDF5-based v7.3)"
        case let .truncated(file, variable):
            return "\(file): \(variable.map { "variable \($0): " } ?? "")file is truncated"
        case let .corrupt(file, variable, reason):
            return "\(file): \(variable.map { "variable \($0): " } ?? "")corrupt data: \(reason)"
        case let .missingVariable(file, variable, available):
            return "\(file): no variable \(variable); the file holds \(available.joined(separator: ", "))"
        case let .unsupportedClass(file, variable, found, expected):
            return "\(file): variable \(variable) is a \(found) array, expected \(expected)"
        case let .notTwoDimensional(file, variable, dimensions):
            return "\(file): variable \(variable) has dimensions \(dimensions.map(String.init).joined(separator: " × ")), expected 2"
        case let .tooLarge(file, variable, dimensions, limit):
            return "\(file): variable \(variable) declares dimensions "
                + "\(dimensions.map(String.init).joined(separator: " × ")), more than \(limit) elements; refusing to read it"
        }
    }
}
