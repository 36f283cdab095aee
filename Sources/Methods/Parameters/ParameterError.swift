/// A parameter given to a method that it does not take or cannot use.
public enum ParameterError: Error, Equatable, CustomStringConvertible {
    case unknownMethod(name: String, known: [String], suggestion: String?)
    case unknownParameter(method: String, parameter: String, known: [String], suggestion: String?)
    case invalidValue(method: String, parameter: String, value: String, expected: String)
    /// A `name=value` argument without `=`.
    case malformedAssignment(String)

    public var description: String {
        switch self {
        case let .unknownMethod(name, known, suggestion):
            return "unknown method \"\(name)\"\(Self.hint(suggestion)); known: \(known.joined(separator: ", "))"
        case let .unknownParameter(method, parameter, known, suggestion):
            return "method \(method) has no parameter \"\(parameter)\"\(Self.hint(suggestion)); "
                + "its parameters: \(known.joined(separator: ", "))"
        case let .invalidValue(method, parameter, value, expected):
            return "method \(method), parameter \(parameter): \"\(value)\" is not \(expected)"
        case let .malformedAssignment(text):
            return "parameter \"\(text)\" is not of the form name=value"
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
