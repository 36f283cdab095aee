/// Why a dataset manifest cannot be used; every case names the manifest file.
public enum ManifestError: DataInputError, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case invalid(file: String, reason: String)
    /// The manifest's `name` differs from its file name.
    case nameMismatch(file: String, name: String)
    /// A project's manifest file has the name of one built into hashlab but other
    /// contents; built-in manifests cannot be overridden (their checksums would no
    /// longer be enforced).
    case overridesBuiltIn(file: String, name: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the manifest: \(reason)"
        case let .invalid(file, reason):
            return "\(file): invalid manifest: \(reason)"
        case let .nameMismatch(file, name):
            return "\(file): the manifest's name \"\(name)\" differs from its file name"
        case let .overridesBuiltIn(file, name):
            return "\(file): differs from hashlab's built-in manifest \"\(name)\", which cannot be overridden; "
                + "give the dataset another name, or import a re-saved copy with --allow-unverified"
        }
    }
}
