import Datasets
import Foundation
import Linalg
import TestSupport
import Testing

/// `hashlab datasets import` run as a researcher would, on a small xlsa17 pair.
@Suite struct ImportCommandTests {
    static let items = 8
    static let dimension = 3
    static let classes = ["zebra", "horse", "seal"]
    static func feature(_ item: Int, _ d: Int) -> Double { Double(item) * 4 + Double(d) * 0.5 + 1 }
    static let classIDs = [1, 2, 3, 1, 2, 3, 3, 2]

    /// Writes `res101.mat` and `att_splits.mat` (MAT v5, uncompressed) into `directory`.
    static func writeSources(in directory: TemporaryDirectory) throws -> (res101: String, attSplits: String) {
        let res = directory.path("res101.mat")
        let att = directory.path("att_splits.mat")
        // features D × N: one column per image.
        let features = (0..<dimension).map { d in (0..<items).map { feature($0, d) } }
        let writer = MATv5TestWriter()
        try writer.write([
            .matrix("features", .double, rows: features),
            .matrix("labels", .double, rows: classIDs.map { [Double($0)] }),
            .cellOfStrings("image_files", dimensions: [items, 1], (1...items).map { "img\($0).jpg" }),
        ], to: res)
        try writer.write([
            .cellOfStrings("allclasses_names", dimensions: [classes.count, 1], classes),
            .matrix("att", .double, rows: [[0.5, 0.25, 1], [2, 4, 8]]),
            .matrix("original_att", .double, rows: [[50, 25, 100], [200, 400, 800]]),
            .matrix("trainval_loc", .double, rows: [[1], [2], [3], [4], [5]]),
            .matrix("train_loc", .double, rows: [[1], [2], [3]]),
            .matrix("val_loc", .double, rows: [[4], [5]]),
            .matrix("test_seen_loc", .double, rows: [[6]]),
            .matrix("test_unseen_loc", .double, rows: [[8], [7]]),
        ], to: att)
        return (res, att)
    }

    @Test func importWritesTheDataset() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try Self.writeSources(in: directory)
        let out = directory.path("X.h5")
        let result = try HashlabProcess(["datasets", "import", "xlsa17", "--from", res, att, "--out", out,
                                         "--root", directory.url.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\(res): sha256 \(try FileDigest.sha256(of: res))"))
        #expect(result.output.contains("8 items, 3 classes, modalities features (3-d)"))
        #expect(result.output.contains("wrote \(out)"))

        let dataset = try Dataset(path: out)
        #expect(dataset.name == "awa2")
        let features = try dataset.features("features")
        #expect(features.rows == Self.items && features.columns == Self.dimension)
        #expect(features.elements == (0..<Self.items).flatMap { item in
            (0..<Self.dimension).map { Float(Self.feature(item, $0)) }
        })
        #expect(dataset.classes == Self.classes)
        #expect(dataset.labels.elements == Self.classIDs.flatMap { id in (1...3).map { UInt8($0 == id ? 1 : 0) } })
        #expect(dataset.attributes?.elements == [0.5, 2, 0.25, 4, 1, 8])
        #expect(dataset.split("proposed")?.part("test_unseen") == [7, 6])
        #expect(dataset.split("proposed")?.part("trainval") == [0, 1, 2, 3, 4])
        #expect(dataset.provenance["sha256:att_splits.mat"] == (try FileDigest.sha256(of: att)))
    }

    @Test func aFailingImportExitsNonZeroWithTheMessageOnStandardError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try Self.writeSources(in: directory)
        // The root's manifest for awa2 lists res101.mat with another checksum.
        try FileManager.default.createDirectory(atPath: directory.path("datasets"), withIntermediateDirectories: true)
        let wrong = String(repeating: "0", count: 64)
        try """
            name: awa2
            description: test
            importer: xlsa17
            licence: research use
            citation: test
            sources:
              - file: res101.mat
                sha256: \(wrong)
            """.write(toFile: directory.path("datasets/awa2.yaml"), atomically: true, encoding: .utf8)
        let out = directory.path("X.h5")
        let result = try HashlabProcess(["datasets", "import", "xlsa17", "--from", res, att, "--out", out,
                                         "--root", directory.url.path])
        #expect(result.status != 0)
        #expect(result.error.contains(
            "hashlab: error: \(res): sha256 \(try FileDigest.sha256(of: res)) differs from the manifest's \(wrong)"))
        #expect(!FileManager.default.fileExists(atPath: out))

        // A missing variable: nothing written either, the variable and files named.
        let missing = try HashlabProcess(["datasets", "import", "xlsa17", "--from", res, "--out", out,
                                          "--root", directory.path("elsewhere")])
        #expect(missing.status != 0)
        #expect(missing.error.contains("no variable \"allclasses_names\" in \(res)"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anUnknownKindSuggestsTheNearest() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try HashlabProcess(["datasets", "import", "xlsa", "--from", "a.mat", "--out",
                                         directory.path("X.h5"), "--root", directory.url.path])
        #expect(result.status != 0)
        #expect(result.error.contains("unknown import kind \"xlsa\" (did you mean \"xlsa17\"?)"))
        #expect(try directory.contents().isEmpty)
    }
}
