/// Why codes and labels cannot be evaluated together.
public enum RetrievalEvaluationError: Error, Equatable, CustomStringConvertible {
    case codeLengthMismatch(queries: Int, database: Int)
    case labelCountMismatch(part: String, codes: Int, labels: Int)
    case classCountMismatch(queries: Int, database: Int)
    case emptyDatabase

    public var description: String {
        switch self {
        case let .codeLengthMismatch(queries, database):
            return "query codes have \(queries) bits but database codes have \(database)"
        case let .labelCountMismatch(part, codes, labels):
            return "\(labels) \(part) labels for \(codes) \(part) codes"
        case let .classCountMismatch(queries, database):
            return "query labels have \(queries) classes but database labels have \(database)"
        case .emptyDatabase:
            return "the database has no codes"
        }
    }
}
