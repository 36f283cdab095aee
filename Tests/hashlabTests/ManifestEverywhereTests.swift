import Datasets
import Foundation
import Testing
import TestSupport

/// The built-in manifests are enforced wherever hashlab runs: from a folder outside
/// the repository, with no `datasets/` of its own, an import of files that fail the
/// awa2 manifest is refused, and `--allow-unverified` is the only way past it, on record.
@Suite struct ManifestEverywhereTests {
    /// The awa2 manifest's sha256 of `res101.mat` (datasets/awa2.yaml).
    static let officialSHA256 = "3592d2002a4e2d7ea4ef19069f9c35b8ad86c5e1a43b2d30257eba7018fd6dfa"

    @Test func importOutsideTheRepositoryRefusesFilesThatFailTheManifest() throws {
        let directory = try TemporaryDirectory("hashlab-elsewhere")
        defer { directory.remove() }
        _ = try ImportCommandTests.writeSources(in: directory)
        let digest = try FileDigest.sha256(of: directory.path("res101.mat"))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: directory.path("res101.mat"))[.size]
                                as? NSNumber).intValue
        let before = try directory.contents()

        let refused = try HashlabProcess(["datasets", "import", "xlsa17", "--from", "res101.mat", "att_splits.mat"],
                                         in: directory.url.path)
        #expect(refused.status == 3)
        #expect(refused.error == "hashlab: error: res101.mat: sha256 \(digest) (\(size) bytes) differs from the "
                + "manifest's sha256 \(Self.officialSHA256) (310966408 bytes); a re-saved copy of the official file "
                + "can be used with --allow-unverified\n")
        #expect(try directory.contents() == before, "nothing written, not even datasets/data")

        let allowed = try HashlabProcess(["datasets", "import", "xlsa17", "--from", "res101.mat", "att_splits.mat",
                                          "--allow-unverified"], in: directory.url.path)
        #expect(allowed.status == 0, "\(allowed.error)")
        let note = "accepted with --allow-unverified: sha256 \(digest) (\(size) bytes), "
            + "the manifest's sha256 \(Self.officialSHA256) (310966408 bytes)"
        #expect(allowed.output.contains("warning: res101.mat differs from the manifest, \(note)\n"))
        let dataset = try Dataset(path: directory.path("datasets/data/awa2.h5"))
        #expect(dataset.provenance["unverified:res101.mat"] == note)
        #expect(dataset.provenance["sha256:res101.mat"] == digest)
        let attSplits = try FileDigest.sha256(of: directory.path("att_splits.mat"))
        #expect(dataset.provenance["unverified:att_splits.mat"]?.hasPrefix(
            "accepted with --allow-unverified: sha256 \(attSplits) ") == true)

        let info = try HashlabProcess(["datasets", "info", "awa2"], in: directory.url.path)
        #expect(info.status == 0)
        #expect(info.output.contains("    unverified:res101.mat: \(note)\n"))

        let verify = try HashlabProcess(["datasets", "verify", "awa2"], in: directory.url.path)
        #expect(verify.status == 0, "\(verify.error)")
        #expect(verify.output.contains("res101.mat: UNVERIFIED, \(note)\n"))
    }

    @Test func aKnownDatasetNotBuiltIsADataErrorAndAnUnknownNameIsNot() throws {
        let directory = try TemporaryDirectory("hashlab-elsewhere")
        defer { directory.remove() }
        let absent = try HashlabProcess(["datasets", "info", "mfeat"], in: directory.url.path)
        #expect(absent.status == 3)
        #expect(absent.error == "hashlab: error: dataset mfeat is not present at datasets/data/mfeat.h5; "
                + "build it with: hashlab datasets fetch mfeat\n")
        let unknown = try HashlabProcess(["datasets", "info", "mfaet"], in: directory.url.path)
        #expect(unknown.status == 1)
        #expect(unknown.error.hasPrefix("hashlab: error: unknown dataset \"mfaet\" (did you mean \"mfeat\"?)"))
        #expect(try directory.contents().isEmpty)
    }

    @Test func datasetsListOutsideTheRepositoryShowsTheBuiltInManifests() throws {
        let directory = try TemporaryDirectory("hashlab-elsewhere")
        defer { directory.remove() }
        let result = try HashlabProcess(["datasets", "list"], in: directory.url.path)
        #expect(result.status == 0)
        let names = result.output.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }
        #expect(names == DatasetCatalog.builtInNames)
    }
}
