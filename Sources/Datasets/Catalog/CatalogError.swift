/// A dataset that is not known or not built yet.
public enum CatalogError: DataInputError, Equatable, CustomStringConvertible {
    /// No manifest has this name.
    case unknownDataset(name: String, known: [String], suggestion: String?)
    /// The dataset is known but its file has not been built; `howToGet` is the command.
    case notPresent(name: String, path: String, howToGet: String)
    /// The dataset cannot be fetched; it must be imported or generated.
    case notFetchable(name: String, howToGet: String)

    /// Whether the data is at fault: a known dataset whose file is missing is, like
    /// any missing data file; an unknown name or a dataset that cannot be downloaded
    /// is a mistake in the command.
    public var isDataInputError: Bool {
        switch self {
        case .notPresent:
            return true
        case .unknownDataset, .notFetchable:
            return false
        }
    }

    public var description: String {
        switch self {
        case let .unknownDataset(name, known, suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "unknown dataset \"\(name)\"\(hint); known: \(known.joined(separator: ", "))"
        case let .notPresent(name, path, howToGet):
            return "dataset \(name) is not present at \(path); build it with: \(howToGet)"
        case let .notFetchable(name, howToGet):
            return "dataset \(name) cannot be downloaded by hashlab; build it with: \(howToGet)"
        }
    }
}
