/// `hashlab datasets verify`: opens a built dataset (which validates its structure
/// and scans every feature for NaN/Inf) and checks that every source checksum the
/// manifest gives is the one recorded in the file's provenance (`sha256:<file>`).
public struct DatasetVerification {
    public let catalog: DatasetCatalog

    public init(catalog: DatasetCatalog) {
        self.catalog = catalog
    }

    /// Verifies `name`; returns one line per check passed.
    ///
    /// - Throws: the errors of opening the dataset, or
    ///   ``DatasetSourceError/checksumMismatch(file:expected:found:)`` naming the
    ///   dataset file and source when a recorded checksum differs or is missing.
    public func verify(_ name: String) throws -> [String] {
        let manifest = try catalog.manifest(name)
        let path = try catalog.resolve(name)
        let dataset = try Dataset(path: path)
        var lines = ["\(path): structure valid (\(dataset.count) items, \(dataset.modalities.count) modalities, "
                     + "features finite, labels 0/1, splits in range)"]
        for source in manifest.sources {
            let recorded = dataset.provenance["sha256:\(source.file)"]
            if let expected = source.sha256?.lowercased() {
                guard recorded == expected else {
                    throw DatasetSourceError.checksumMismatch(file: "\(path) (source \(source.file))",
                                                              expected: expected, found: recorded ?? "none recorded")
                }
                lines.append("\(source.file): sha256 \(expected) matches the manifest")
            } else if let recorded {
                lines.append("\(source.file): sha256 \(recorded) recorded (the manifest has no reference value)")
            }
        }
        return lines
    }
}
