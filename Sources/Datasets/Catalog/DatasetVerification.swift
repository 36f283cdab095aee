/// `hashlab datasets verify`: opens a built dataset (which validates its structure
/// and scans every feature for NaN/Inf), requires it to hold at least one item and
/// one label, and checks that every source checksum the manifest gives is the one
/// recorded in the file's provenance (`sha256:<file>`).
public struct DatasetVerification {
    public let catalog: DatasetCatalog

    public init(catalog: DatasetCatalog) {
        self.catalog = catalog
    }

    /// Verifies the dataset `nameOrPath` (a name in the catalog, whose manifest is
    /// used, or a path to an `.h5` file, checked against the manifest of the name it
    /// records, if hashlab knows one); returns one line per check passed.
    ///
    /// A source the dataset records as imported with `--allow-unverified`
    /// (`unverified:<file>`) is reported as such, not refused: the mismatch was
    /// accepted explicitly and is on record.
    ///
    /// - Throws: the errors of opening the dataset; ``DatasetError/noItems(file:)`` or
    ///   ``DatasetError/noLabelledItems(file:items:)``; or
    ///   ``DatasetSourceError/checksumMismatch(file:expected:found:)`` naming the
    ///   dataset file and source when a recorded checksum differs or is missing.
    public func verify(_ nameOrPath: String) throws -> [String] {
        let path = try catalog.resolve(nameOrPath)
        let dataset = try Dataset(path: path)
        guard dataset.count > 0 else { throw DatasetError.noItems(file: path) }
        guard dataset.labels.elements.contains(where: { $0 != 0 }) else {
            throw DatasetError.noLabelledItems(file: path, items: dataset.count)
        }
        var lines = ["\(path): structure valid (\(dataset.count) items, \(dataset.modalities.count) modalities, "
                     + "features finite, labels 0/1, splits in range)"]
        let isPath = nameOrPath.hasSuffix(".h5") || nameOrPath.contains("/")
        guard let manifest = try catalog.knownManifest(isPath ? dataset.name : nameOrPath) else {
            lines.append("\(path): no manifest for \(dataset.name): source checksums not compared")
            return lines
        }
        for source in manifest.sources {
            let recorded = dataset.provenance["sha256:\(source.file)"]
            if let expected = source.sha256?.lowercased() {
                if recorded == expected {
                    lines.append("\(source.file): sha256 \(expected) matches the manifest")
                } else if let note = dataset.provenance[SourceVerification.provenanceKey(source.file)] {
                    lines.append("\(source.file): UNVERIFIED, \(note)")
                } else {
                    throw DatasetSourceError.checksumMismatch(file: "\(path) (source \(source.file))",
                                                              expected: expected, found: recorded ?? "none recorded")
                }
            } else if let recorded {
                lines.append("\(source.file): sha256 \(recorded) recorded (the manifest has no reference value)")
            }
        }
        return lines
    }
}
