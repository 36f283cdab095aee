/// An `--only` filter that is malformed or names what no run of the specs has. Each
/// case names the option and, for an unknown name, the nearest valid one; `hashlab
/// run` exits with code 2 on the last two, as on a spec error.
public enum RunFilterError: Error, Equatable, CustomStringConvertible {
    /// A clause that is not `axis=value` (or `axis=value|value…`).
    case malformed(clause: String)
    /// An axis no run of the specs has; `known` are the axes they have.
    case unknownAxis(axis: String, known: [String], suggestion: String?)
    /// A value no run of the specs takes on `axis`; `known` are the values they take.
    case unknownValue(axis: String, value: String, known: [String], suggestion: String?)

    public var description: String {
        switch self {
        case let .malformed(clause):
            return "--only \"\(clause)\" is not of the form axis=value (or axis=value|value)"
        case let .unknownAxis(axis, known, suggestion):
            return "--only: no axis \"\(axis)\"\(Self.hint(suggestion)); axes: \(known.joined(separator: ", "))"
        case let .unknownValue(axis, value, known, suggestion):
            return "--only: no run has \(axis)=\(value)\(Self.hint(suggestion)); values of \(axis): "
                + known.joined(separator: ", ")
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
