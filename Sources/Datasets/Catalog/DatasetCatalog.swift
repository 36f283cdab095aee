import Foundation
import HashCore

/// The datasets a project knows and holds (built files in
/// `<root>/datasets/data/<name>.h5`), with downloads cached in `<root>/datasets/cache/`.
/// Both folders are ignored by git.
///
/// The known datasets are hashlab's built-in manifests (the repository's
/// `datasets/*.yaml`, compiled into the binary, so their checksums are enforced
/// wherever hashlab runs, whatever the current directory) and any further manifests
/// in `<root>/datasets/*.yaml`. A project's manifest may add a dataset but not
/// override a built-in one: a file named like a built-in manifest must have the same
/// contents, or every lookup through it fails with
/// ``ManifestError/overridesBuiltIn(file:name:)``. (A re-saved copy of an official file
/// is imported with `--allow-unverified` instead, which the dataset records.)
public struct DatasetCatalog: Sendable {
    /// The project root (the folder holding `datasets/`).
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var manifestDirectory: String { inRoot("datasets") }
    public var dataDirectory: String { inRoot("datasets/data") }
    public var cacheDirectory: String { inRoot("datasets/cache") }

    /// `relative` under the root (just `relative` when the root is `.`).
    private func inRoot(_ relative: String) -> String {
        root == "." ? relative : root + "/" + relative
    }

    /// Where the dataset called `name` is built.
    public func dataPath(_ name: String) -> String { dataDirectory + "/\(name).h5" }

    /// Whether the dataset file for `name` exists.
    public func isPresent(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: dataPath(name))
    }

    /// The names of hashlab's built-in manifests, sorted.
    public static var builtInNames: [String] {
        BuiltInManifests.files.keys.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    /// The built-in manifest called `name`, or `nil`.
    public static func builtInManifest(_ name: String) -> DatasetManifest? {
        guard let text = BuiltInManifests.files["\(name).yaml"] else { return nil }
        // The built-in texts are the repository's manifests, which its tests parse.
        return try? DatasetManifest(text: text, path: "built-in datasets/\(name).yaml")
    }

    /// The text of the built-in manifest file `fileName` (`awa2.yaml`), byte for byte,
    /// or `nil`; for the test that keeps it equal to `datasets/<fileName>`.
    package static func builtInText(_ fileName: String) -> String? {
        BuiltInManifests.files[fileName]
    }

    /// Every manifest, built-in and the project's, by name.
    ///
    /// - Throws: ``ManifestError`` for the first project manifest that cannot be read
    ///   or overrides a built-in one.
    public func manifests() throws -> [DatasetManifest] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: manifestDirectory)) ?? []
        var names = Set(Self.builtInNames)
        for file in files where file.hasSuffix(".yaml") {
            names.insert(String(file.dropLast(".yaml".count)))
        }
        return try names.sorted().compactMap { try knownManifest($0) }
    }

    /// The manifest called `name`.
    ///
    /// - Throws: ``CatalogError/unknownDataset(name:known:suggestion:)`` or ``ManifestError``.
    public func manifest(_ name: String) throws -> DatasetManifest {
        if let manifest = try knownManifest(name) { return manifest }
        let known = try manifests().map(\.name)
        throw CatalogError.unknownDataset(name: name, known: known,
                                          suggestion: NearestName.suggestion(for: name, among: known))
    }

    /// The manifest called `name` (built in, or in the project's `datasets/`), or
    /// `nil` when there is none.
    ///
    /// - Throws: ``ManifestError`` when the project's file cannot be read, or differs
    ///   from the built-in manifest of that name.
    public func knownManifest(_ name: String) throws -> DatasetManifest? {
        let path = manifestDirectory + "/\(name).yaml"
        let builtIn = Self.builtInManifest(name)
        guard !name.contains("/"), FileManager.default.fileExists(atPath: path) else { return builtIn }
        let project = try DatasetManifest(path: path)
        if let builtIn, builtIn != project {
            throw ManifestError.overridesBuiltIn(file: path, name: name)
        }
        return project
    }

    /// The path of a dataset given by name (looked up in the data folder) or by a
    /// path to an `.h5` file.
    ///
    /// - Throws: ``CatalogError/notPresent(name:path:howToGet:)`` with the command that
    ///   would build it, or ``CatalogError/unknownDataset(name:known:suggestion:)``.
    public func resolve(_ nameOrPath: String) throws -> String {
        if nameOrPath.hasSuffix(".h5") || nameOrPath.contains("/") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw HDF5Error.fileNotFound(file: nameOrPath)
            }
            return nameOrPath
        }
        let path = dataPath(nameOrPath)
        if FileManager.default.fileExists(atPath: path) { return path }
        let manifest = try manifest(nameOrPath)
        throw CatalogError.notPresent(name: manifest.name, path: path, howToGet: howToGet(manifest))
    }

    /// The command that builds the dataset of `manifest`; synthetic data with seed 1,
    /// the seed `make reproduce` uses and the committed tables come from.
    public func howToGet(_ manifest: DatasetManifest) -> String {
        switch manifest.importer {
        case "mfeat":
            return "hashlab datasets fetch \(manifest.name)"
        case let importer where importer.hasPrefix("synthetic-"):
            return "hashlab datasets synth \(manifest.name) --seed 1"
        case let importer:
            let files = manifest.sources.map(\.file).joined(separator: " ")
            return "hashlab datasets import \(importer) --from \(files) --out \(dataPath(manifest.name))"
        }
    }
}
