import Datasets
import Methods

/// A spec that cannot be planned. Every case names the file and, where there is one,
/// the line and key; unknown names come with the nearest known name. `hashlab plan`
/// exits with code 2 on these.
public enum SpecError: Error, Equatable, CustomStringConvertible {
    /// The file cannot be read (it does not exist, or the system refuses: `reason`).
    case unreadable(file: String, reason: String)
    /// The path is a directory.
    case isDirectory(file: String)
    /// The file is not UTF-8 text: `byte`, at the 0-based `offset` on the 1-based
    /// `line`, starts no valid UTF-8 sequence.
    case notUTF8(file: String, line: Int, offset: Int, byte: UInt8)
    /// The file is not valid YAML.
    case syntax(file: String, line: Int, reason: String)
    /// A key the mapping does not take.
    case unknownKey(SpecLocation, known: [String], suggestion: String?)
    /// A value of the wrong kind (e.g. text where a list of integers belongs).
    case wrongType(SpecLocation, expected: String)
    /// A required key is absent; the location is the mapping that lacks it.
    case missingKey(SpecLocation)
    /// A value of the right kind that cannot be used (out of range, inconsistent).
    case invalidValue(SpecLocation, reason: String)
    /// An unknown method, an unknown parameter or a bad parameter value.
    case parameter(SpecLocation, ParameterError)
    /// A `zip` group whose axes have different numbers of values (axis → count).
    case zipLengths(SpecLocation, lengths: [String: Int])
    /// A `zip` entry naming an axis that is not swept (written as a list).
    case notSwept(SpecLocation, axis: String, swept: [String], suggestion: String?)
    /// A report or paper entry naming an axis the spec does not have.
    case unknownAxis(SpecLocation, axis: String, known: [String], suggestion: String?)
    /// A metric name that no run computes.
    case unknownMetric(SpecLocation, metric: String, known: [String], suggestion: String?)
    /// `extends` leads back to a file already on the chain (the chain, in order).
    case extendsCycle(SpecLocation, chain: [String])
    /// `extends` names a file that cannot be read.
    case extendsMissing(SpecLocation, path: String)
    /// The dataset is unknown or not built; a `notPresent` error carries the command
    /// that builds it.
    case dataset(SpecLocation, CatalogError)
    /// The dataset file exists but cannot be opened.
    case unreadableDataset(SpecLocation, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the spec: \(reason)"
        case let .isDirectory(file):
            return "\(file): is a directory, not a spec file"
        case let .notUTF8(file, line, offset, byte):
            return "\(file):\(line): not UTF-8 text: byte \(offset) (0x" + String(byte, radix: 16, uppercase: true)
                + ") starts no valid UTF-8 sequence; save the spec as UTF-8"
        case let .syntax(file, line, reason):
            return "\(file):\(line): not valid YAML: \(reason)"
        case let .unknownKey(location, known, suggestion):
            return "\(location): unknown key\(Self.hint(suggestion)); known keys: \(known.joined(separator: ", "))"
        case let .wrongType(location, expected):
            return "\(location): expected \(expected)"
        case let .missingKey(location):
            return "\(location): missing (required)"
        case let .invalidValue(location, reason):
            return "\(location): \(reason)"
        case let .parameter(location, error):
            return "\(location): \(error)"
        case let .zipLengths(location, lengths):
            return "\(location): zipped axes need equal numbers of values, not "
                + lengths.keys.sorted().map { "\($0) \(lengths[$0]!)" }.joined(separator: ", ")
        case let .notSwept(location, axis, swept, suggestion):
            return "\(location): \"\(axis)\" is not a swept axis\(Self.hint(suggestion)); swept axes: "
                + (swept.isEmpty ? "none" : swept.joined(separator: ", "))
        case let .unknownAxis(location, axis, known, suggestion):
            return "\(location): no axis \"\(axis)\"\(Self.hint(suggestion)); axes: \(known.joined(separator: ", "))"
        case let .unknownMetric(location, metric, known, suggestion):
            return "\(location): no metric \"\(metric)\"\(Self.hint(suggestion)); metrics: \(known.joined(separator: ", "))"
        case let .extendsCycle(location, chain):
            return "\(location): extends goes round in a cycle: \(chain.joined(separator: " → "))"
        case let .extendsMissing(location, path):
            return "\(location): cannot read the extended spec \(path)"
        case let .dataset(location, error):
            return "\(location): \(error)"
        case let .unreadableDataset(location, reason):
            return "\(location): cannot open the dataset: \(reason)"
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
