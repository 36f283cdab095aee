import Foundation
import HashCore

/// `hashlab datasets import`: turns source files a researcher holds into a hashlab
/// dataset file, in three steps that each fail before anything is written:
///
/// 1. every source file is hashed (SHA-256); a file whose name the dataset's manifest
///    lists with a checksum or size must match it;
/// 2. the importer of `kind` reads the files (any order; variables are found by name)
///    and builds the contents;
/// 3. the contents are validated and written atomically, with provenance: importer,
///    source files and their SHA-256, and the manifest's licence and citation.
///
/// A failure at any step leaves no output file (and an earlier file at the output path
/// untouched).
public struct DatasetImport {
    /// The source layouts hashlab imports.
    public enum Kind: String, CaseIterable, Sendable {
        /// The xlsa17 archive's `res101.mat` + `att_splits.mat` (AWA2, AWA1, CUB, SUN, APY).
        case xlsa17
        /// LEMON's `MIRFLICKR.mat`.
        case lemonMIRFlickr = "lemon-mirflickr"
        /// DCMH's `mirflickr25k-{iall,yall,lall}.mat`.
        case dcmhMIRFlickr = "dcmh-mirflickr"

        /// The kind called `name`.
        ///
        /// - Throws: ``ImportError/unknownKind(name:known:suggestion:)``.
        public init(named name: String) throws {
            guard let kind = Kind(rawValue: name) else {
                let known = Kind.allCases.map(\.rawValue)
                throw ImportError.unknownKind(name: name, known: known,
                                              suggestion: NearestName.suggestion(for: name, among: known))
            }
            self = kind
        }

        /// The dataset this kind builds when no other name is given.
        public var defaultDataset: String {
            switch self {
            case .xlsa17: return "awa2"
            case .lemonMIRFlickr: return "mirflickr-lemon"
            case .dcmhMIRFlickr: return "mirflickr-dcmh"
            }
        }

        /// How many source files the kind reads.
        var fileCount: ClosedRange<Int> {
            switch self {
            case .xlsa17: return 1...2
            case .lemonMIRFlickr: return 1...1
            case .dcmhMIRFlickr: return 2...3
            }
        }
    }

    public let kind: Kind
    /// The dataset's name, stored in the file.
    public let name: String
    /// The source files.
    public let files: [String]
    /// The dataset's manifest, when there is one: its checksums are enforced.
    public let manifest: DatasetManifest?

    public init(kind: Kind, name: String, files: [String], manifest: DatasetManifest?) {
        self.kind = kind
        self.name = name
        self.files = files
        self.manifest = manifest
    }

    /// Imports the sources and writes the dataset to `path`; returns its contents.
    ///
    /// - Throws: ``ImportError``, ``DatasetSourceError`` (checksum, size, unreadable),
    ///   ``MATFileError``, ``DatasetError`` or ``HDF5Error``, each naming the file.
    @discardableResult
    public func run(writingTo path: String, log: (String) -> Void) throws -> DatasetContents {
        guard kind.fileCount.contains(files.count) else {
            throw ImportError.wrongFiles(kind: kind.rawValue, given: files.count,
                                         expected: kind.fileCount.count == 1 ? "\(kind.fileCount.lowerBound)"
                                             : "\(kind.fileCount.lowerBound) to \(kind.fileCount.upperBound)")
        }
        var provenance = ["importer": kind.rawValue]
        for file in files {
            let fileName = URL(fileURLWithPath: file).lastPathComponent
            let digest: String
            if let source = manifest?.source(fileName) {
                digest = try FileDigest.verify(file, against: source)
                log("\(file): sha256 \(digest)" + (source.sha256 == nil ? "" : " (matches the manifest)"))
            } else {
                digest = try FileDigest.sha256(of: file)
                log("\(file): sha256 \(digest)")
            }
            provenance["sha256:\(fileName)"] = digest
        }
        if let manifest {
            provenance["licence"] = manifest.licence
            provenance["citation"] = manifest.citation
            if let homepage = manifest.homepage { provenance["homepage"] = homepage }
            if let url = manifest.sources.compactMap(\.url).first { provenance["source"] = url }
        }
        let sources = try MATSources(paths: files)
        var contents: DatasetContents
        switch kind {
        case .xlsa17: contents = try Xlsa17Importer.contents(sources, name: name)
        case .lemonMIRFlickr: contents = try LemonMIRFlickrImporter.contents(sources, name: name)
        case .dcmhMIRFlickr: contents = try DCMHMIRFlickrImporter.contents(sources, name: name, note: log)
        }
        contents.provenance.merge(provenance) { _, new in new }
        log("\(contents.count) items, \(contents.classes.count) classes, modalities "
            + contents.modalities.map { "\($0.name) (\($0.features.columns)-d)" }.joined(separator: ", "))
        try contents.write(to: path)
        log("wrote \(path)")
        return contents
    }
}
