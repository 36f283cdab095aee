import Foundation
import HashCore

/// `hashlab datasets import`: turns source files a researcher holds into a hashlab
/// dataset file, in three steps that each fail before anything is written:
///
/// 1. every source file is hashed (SHA-256); a file whose name the dataset's manifest
///    lists with a checksum or size must match it, unless ``allowUnverified`` is set:
///    then the mismatch is logged and recorded in the dataset's provenance as
///    `unverified:<file>` (expected and actual SHA-256 and size);
/// 2. the importer of `kind` reads the files (any order; variables are found by name,
///    in the first file holding them; for `mat`, the variables ``variables`` names)
///    and builds the contents;
/// 3. the contents are validated and written atomically (the output's folder created
///    if missing), with provenance: importer, source files and their SHA-256, and the
///    manifest's licence and citation.
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
        /// Any files holding per-part feature and label variables that a
        /// ``MATVariableMap`` names (MAT v5, v7.3, or plain HDF5 from h5py).
        case mat

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

        /// The dataset this kind builds from `files` when no other name is given: the
        /// layout's dataset, or for `mat` the first file's name without its extension.
        public func defaultDataset(files: [String]) -> String {
            switch self {
            case .xlsa17: return "awa2"
            case .lemonMIRFlickr: return "mirflickr-lemon"
            case .dcmhMIRFlickr: return "mirflickr-dcmh"
            case .mat:
                return files.first.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "mat"
            }
        }

        /// How many source files the kind reads.
        var fileCount: ClosedRange<Int> {
            switch self {
            case .xlsa17: return 1...2
            case .lemonMIRFlickr: return 1...1
            case .dcmhMIRFlickr: return 2...3
            case .mat: return 1...Int.max
            }
        }

        /// `fileCount` in words: `1`, `2 to 3`, `at least 1`.
        var fileCountDescription: String {
            let range = fileCount
            if range.count == 1 { return "\(range.lowerBound)" }
            if range.upperBound == .max { return "at least \(range.lowerBound)" }
            return "\(range.lowerBound) to \(range.upperBound)"
        }
    }

    public let kind: Kind
    /// The dataset's name, stored in the file.
    public let name: String
    /// The source files.
    public let files: [String]
    /// The dataset's manifest, when there is one: its checksums are enforced.
    public let manifest: DatasetManifest?
    /// The variables a `mat` import reads; `nil` for the other kinds, which know theirs.
    public let variables: MATVariableMap?
    /// Whether a source file that differs from the manifest is accepted (and recorded
    /// as unverified) instead of refused.
    public let allowUnverified: Bool

    public init(kind: Kind, name: String, files: [String], manifest: DatasetManifest?,
                variables: MATVariableMap? = nil, allowUnverified: Bool = false) {
        self.kind = kind
        self.name = name
        self.files = files
        self.manifest = manifest
        self.variables = variables
        self.allowUnverified = allowUnverified
    }

    /// Imports the sources and writes the dataset to `path`; returns its contents.
    ///
    /// - Throws: ``ImportError``, ``DatasetSourceError`` (unreadable; a checksum or size
    ///   mismatch, ``DatasetSourceError/sourceMismatch(file:expectedSHA256:foundSHA256:expectedBytes:foundBytes:)``,
    ///   unless ``allowUnverified``),
    ///   ``MATFileError``, ``DatasetError`` or ``HDF5Error``, each naming the file.
    @discardableResult
    public func run(writingTo path: String, log: (String) -> Void) throws -> DatasetContents {
        guard kind.fileCount.contains(files.count) else {
            throw ImportError.wrongFiles(kind: kind.rawValue, given: files.count, expected: kind.fileCountDescription)
        }
        let importer = try self.importer()
        var provenance = ["importer": kind.rawValue]
        for file in files {
            let fileName = URL(fileURLWithPath: file).lastPathComponent
            let digest: String
            if let source = manifest?.source(fileName) {
                let verification = try SourceVerification(path: file, source: source)
                digest = verification.sha256
                if let mismatch = verification.mismatch {
                    guard allowUnverified else { throw mismatch }
                    log("warning: \(file) differs from the manifest, \(verification.provenanceNote)")
                    provenance[SourceVerification.provenanceKey(fileName)] = verification.provenanceNote
                } else {
                    log("\(file): sha256 \(digest)" + (source.sha256 == nil ? "" : " (matches the manifest)"))
                }
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
        var contents = try importer(try MATSources(paths: files), log)
        contents.provenance.merge(provenance) { _, new in new }
        log("\(contents.count) items, \(contents.classes.count) classes, modalities "
            + contents.modalities.map { "\($0.name) (\($0.features.columns)-d)" }.joined(separator: ", "))
        try DatasetValidation(file: path).check(contents)
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try contents.write(to: path)
        log("wrote \(path)")
        return contents
    }

    /// The kind's importer: it builds the contents from the opened sources, logging
    /// through its second argument.
    ///
    /// - Throws: ``ImportError/missingVariableMap`` for `mat` without ``variables``,
    ///   ``ImportError/unexpectedVariableMap(kind:)`` for another kind with them.
    private func importer() throws -> (MATSources, (String) -> Void) throws -> DatasetContents {
        switch (kind, variables) {
        case (.xlsa17, nil): return { sources, _ in try Xlsa17Importer.contents(sources, name: name) }
        case (.lemonMIRFlickr, nil): return { sources, _ in try LemonMIRFlickrImporter.contents(sources, name: name) }
        case (.dcmhMIRFlickr, nil): return { try DCMHMIRFlickrImporter.contents($0, name: name, note: $1) }
        case let (.mat, variables?):
            return { try GenericMATImporter.contents($0, map: variables, name: name, note: $1) }
        case (.mat, nil): throw ImportError.missingVariableMap
        case (_, .some): throw ImportError.unexpectedVariableMap(kind: kind.rawValue)
        }
    }
}
