import Foundation
import HashCore

/// The datasets a project knows (manifests in `<root>/datasets/*.yaml`) and holds
/// (built files in `<root>/datasets/data/<name>.h5`), with downloads cached in
/// `<root>/datasets/cache/`. Both folders are ignored by git.
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

    /// Every manifest, by name.
    ///
    /// - Throws: ``ManifestError`` for the first manifest that cannot be read.
    public func manifests() throws -> [DatasetManifest] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: manifestDirectory)) ?? []
        return try names.filter { $0.hasSuffix(".yaml") }.sorted().map {
            try DatasetManifest(path: manifestDirectory + "/" + $0)
        }
    }

    /// The manifest called `name`.
    ///
    /// - Throws: ``CatalogError/unknownDataset(name:known:suggestion:)`` or ``ManifestError``.
    public func manifest(_ name: String) throws -> DatasetManifest {
        let path = manifestDirectory + "/\(name).yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            let known = try manifests().map(\.name)
            throw CatalogError.unknownDataset(name: name, known: known,
                                              suggestion: NearestName.suggestion(for: name, among: known))
        }
        return try DatasetManifest(path: path)
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
