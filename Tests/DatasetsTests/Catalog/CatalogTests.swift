import Datasets
import Foundation
import Testing
import TestSupport

/// Manifests, checksums and name resolution.
@Suite struct CatalogTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test func shippedManifestsParse() throws {
        let catalog = DatasetCatalog(root: Self.repositoryRoot)
        let manifests = try catalog.manifests()
        #expect(manifests.map(\.name) == ["awa2", "mfeat", "mirflickr-dcmh", "mirflickr-lemon",
                                          "synthetic-awa2", "synthetic-mirflickr"])
        let awa2 = try catalog.manifest("awa2")
        #expect(awa2.importer == "xlsa17")
        #expect(awa2.source("res101.mat")?.sha256 == "3592d2002a4e2d7ea4ef19069f9c35b8ad86c5e1a43b2d30257eba7018fd6dfa")
        #expect(awa2.source("res101.mat")?.bytes == 310_966_408)
        #expect(awa2.source("att_splits.mat")?.sha256
                == "8bb1527856c797dcd3bac981b25832bca8e7fe04f3fc2ab2322850a74e848df1")
        #expect(awa2.source("att_splits.mat")?.bytes == 150_298)
        #expect(awa2.source("att_splits.mat")?.url == "http://datasets.d2.mpi-inf.mpg.de/xian/xlsa17.zip")
        #expect(try catalog.manifest("mirflickr-lemon").homepage == "https://press.liacs.nl/mirflickr/")
        #expect(throws: CatalogError.unknownDataset(name: "awa", known: manifests.map(\.name), suggestion: "awa2")) {
            try catalog.manifest("awa")
        }
    }

    @Test func manifestErrorsNameFileAndKey() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("x.yaml")
        try "name: x\ndescription: d\nimporter: mfeat\nlicence: l\nsources: []\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ManifestError.invalid(file: path, reason: "missing key \"citation\"")) {
            try DatasetManifest(path: path)
        }
        try "name: x\ndescription: d\nimporter: mfeat\nlicence: l\ncitation: c\nsources:\n  - file: a\n    bytes: many\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: ManifestError.self) { try DatasetManifest(path: path) }
        #expect(error?.description.hasPrefix("\(path): invalid manifest: key \"sources.[0].bytes\"") == true)
        try "name: y\ndescription: d\nimporter: mfeat\nlicence: l\ncitation: c\nsources: []\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ManifestError.nameMismatch(file: path, name: "y")) { try DatasetManifest(path: path) }
    }

    @Test func sha256AndVerification() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("abc")
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        // FIPS 180-2, appendix B.1.
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(try FileDigest.sha256(of: path) == abc)
        var source = DatasetManifest.Source(file: "abc", sha256: abc.uppercased(), bytes: 3)
        #expect(try FileDigest.verify(path, against: source) == abc)
        source.bytes = 4
        #expect(throws: DatasetSourceError.sizeMismatch(file: path, expected: 4, found: 3)) {
            try FileDigest.verify(path, against: source)
        }
        source.bytes = nil
        source.sha256 = String(repeating: "0", count: 64)
        #expect(throws: DatasetSourceError.checksumMismatch(file: path, expected: source.sha256!, found: abc)) {
            try FileDigest.verify(path, against: source)
        }
        #expect(throws: DatasetSourceError.self) { try FileDigest.sha256(of: directory.path("absent")) }
    }

    @Test func resolveSaysHowToBuildAnAbsentDataset() throws {
        let catalog = DatasetCatalog(root: Self.repositoryRoot)
        let expected = CatalogError.notPresent(
            name: "mirflickr-lemon", path: catalog.dataPath("mirflickr-lemon"),
            howToGet: "hashlab datasets import lemon-mirflickr --from MIRFLICKR.mat --out \(catalog.dataPath("mirflickr-lemon"))")
        if !catalog.isPresent("mirflickr-lemon") {
            #expect(throws: expected) { try catalog.resolve("mirflickr-lemon") }
        }
        #expect(throws: HDF5Error.fileNotFound(file: "/nonexistent/x.h5")) { try catalog.resolve("/nonexistent/x.h5") }
        #expect(try catalog.howToGet(catalog.manifest("synthetic-mirflickr"))
                == "hashlab datasets synth synthetic-mirflickr --seed 1", "the seed make reproduce uses")
    }
}
