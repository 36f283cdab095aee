import Datasets
import Foundation
import Testing
import TestSupport

/// The manifest's checksums are enforced before anything is read or written, and
/// every source's SHA-256 is recorded in the dataset.
@Suite struct ImportChecksumTests {
    /// A manifest `awa2.yaml` listing `res101.mat` with `sha256` (and `att_splits.mat`
    /// without one), written into `directory` and read back.
    static func manifest(in directory: TemporaryDirectory, sha256: String, bytes: Int? = nil) throws
        -> DatasetManifest {
        let path = directory.path("awa2.yaml")
        try """
            name: awa2
            description: test
            importer: xlsa17
            homepage: https://example.org/awa2
            licence: research use
            citation: Xian et al. 2019
            sources:
              - file: res101.mat
                url: https://example.org/xlsa17.zip
                archive_path: xlsa17/data/AWA2/res101.mat
                sha256: \(sha256)
            \(bytes.map { "    bytes: \($0)" } ?? "")
              - file: att_splits.mat
                url: https://example.org/xlsa17.zip
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return try DatasetManifest(path: path)
    }

    @Test func aWrongChecksumFailsAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try Xlsa17Fixture.write(in: directory, layout: .v5Compressed)
        let wrong = String(repeating: "ab", count: 32)
        let manifest = try Self.manifest(in: directory, sha256: wrong.uppercased())
        #expect(manifest.source("res101.mat")?.sha256 == wrong.uppercased())
        let digest = try FileDigest.sha256(of: res)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: res)[.size] as? NSNumber).intValue
        try expectNothingWritten(DatasetSourceError.sourceMismatch(file: res, expectedSHA256: wrong, foundSHA256: digest,
                                                                   expectedBytes: nil, foundBytes: size),
                                 in: directory) { out in
            try runImport(.xlsa17, files: [att, res], to: out, manifest: manifest)
        }
    }

    @Test func aWrongSizeFailsAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try Xlsa17Fixture.write(in: directory, layout: .v5)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: res)[.size] as? NSNumber).intValue
        let manifest = try Self.manifest(in: directory, sha256: try FileDigest.sha256(of: res), bytes: size + 1)
        let digest = try FileDigest.sha256(of: res)
        try expectNothingWritten(DatasetSourceError.sourceMismatch(file: res, expectedSHA256: digest,
                                                                   foundSHA256: digest, expectedBytes: size + 1,
                                                                   foundBytes: size),
                                 in: directory) { out in
            try runImport(.xlsa17, files: [res, att], to: out, manifest: manifest)
        }
    }

    @Test func allowUnverifiedWritesTheDatasetAndRecordsTheMismatch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try Xlsa17Fixture.write(in: directory, layout: .v5)
        let wrong = String(repeating: "cd", count: 32)
        let manifest = try Self.manifest(in: directory, sha256: wrong, bytes: 12)
        let digest = try FileDigest.sha256(of: res)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: res)[.size] as? NSNumber).intValue
        let out = directory.path("unverified.h5")
        var log: [String] = []
        try DatasetImport(kind: .xlsa17, name: "awa2", files: [res, att], manifest: manifest, allowUnverified: true)
            .run(writingTo: out) { log.append($0) }
        let note = "accepted with --allow-unverified: sha256 \(digest) (\(size) bytes), the manifest's sha256 \(wrong) (12 bytes)"
        #expect(log.contains("warning: \(res) differs from the manifest, \(note)"))
        let dataset = try Dataset(path: out)
        #expect(dataset.provenance["unverified:res101.mat"] == note)
        #expect(dataset.provenance["sha256:res101.mat"] == digest)
        #expect(dataset.provenance["unverified:att_splits.mat"] == nil, "att_splits.mat has no reference value")
    }

    @Test func theRightChecksumIsRecordedWithTheManifestsProvenance() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try Xlsa17Fixture.write(in: directory, layout: .v73)
        let digest = try FileDigest.sha256(of: res)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: res)[.size] as? NSNumber).intValue
        let manifest = try Self.manifest(in: directory, sha256: digest.uppercased(), bytes: size)
        let out = directory.path("awa2.h5")
        let log = try runImport(.xlsa17, files: [res, att], to: out, name: "awa2", manifest: manifest)
        try Xlsa17ImportTests.check(out)
        let dataset = try Dataset(path: out)
        #expect(dataset.provenance["sha256:res101.mat"] == digest)
        #expect(dataset.provenance["sha256:att_splits.mat"] == (try FileDigest.sha256(of: att)))
        #expect(dataset.provenance["licence"] == "research use")
        #expect(dataset.provenance["citation"] == "Xian et al. 2019")
        #expect(dataset.provenance["homepage"] == "https://example.org/awa2")
        #expect(dataset.provenance["source"] == "https://example.org/xlsa17.zip")
        #expect(log.contains("\(res): sha256 \(digest) (matches the manifest)"))
        #expect(log.contains("\(att): sha256 \(try FileDigest.sha256(of: att))"))
    }

    @Test func anUnreadableSourceFailsBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, _) = try Xlsa17Fixture.write(in: directory, layout: .v5)
        let missing = directory.path("att_splits-missing.mat")
        try expectNothingWritten(DatasetSourceError.unreadable(file: missing, reason: "no such file or not readable"),
                                 in: directory) { out in
            try runImport(.xlsa17, files: [res, missing], to: out)
        }
    }
}
