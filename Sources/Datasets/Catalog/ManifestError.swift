/// Why a dataset manifest cannot be used; every case names the manifest file.
public enum ManifestError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case invalid(file: String, reason: String)
    /// The manifest's `name` differs from its file name.
    case nameMismatch(file: String, name: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the manifest: \(reason)"
        case let .invalid(file, reason):
            return "\(file): invalid manifest: \(reason)"
        case let .nameMismatch(file, name):
            return "\(file): the manifest's name \"\(name)\" differs from its file name"
        }
    }
}
