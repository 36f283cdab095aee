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
        // Named apart from awa2, whose built-in manifest these small files would fail.
        let result = try HashlabProcess(["datasets", "import", "xlsa17", "--from", res, att, "--out", out,
                                         "--dataset", "tiny-awa2", "--root", directory.url.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\(res): sha256 \(try FileDigest.sha256(of: res))"))
        #expect(result.output.contains("8 items, 3 classes, modalities features (3-d)"))
        #expect(result.output.contains("wrote \(out)"))

        let dataset = try Dataset(path: out)
        #expect(dataset.name == "tiny-awa2")
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
        // The root's own manifest, tiny-awa2, lists res101.mat with another checksum.
        try FileManager.default.createDirectory(atPath: directory.path("datasets"), withIntermediateDirectories: true)
        let wrong = String(repeating: "0", count: 64)
        try """
            name: tiny-awa2
            description: test
            importer: xlsa17
            licence: research use
            citation: test
            sources:
              - file: res101.mat
                sha256: \(wrong)
            """.write(toFile: directory.path("datasets/tiny-awa2.yaml"), atomically: true, encoding: .utf8)
        let out = directory.path("X.h5")
        let result = try HashlabProcess(["datasets", "import", "xlsa17", "--from", res, att, "--out", out,
                                         "--dataset", "tiny-awa2", "--root", directory.url.path])
        #expect(result.status == 3)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: res)[.size] as? NSNumber).intValue
        #expect(result.error == "hashlab: error: \(res): sha256 \(try FileDigest.sha256(of: res)) (\(size) bytes) "
                + "differs from the manifest's sha256 \(wrong); a re-saved copy of the official file can be used "
                + "with --allow-unverified\n")
        #expect(!FileManager.default.fileExists(atPath: out))

        // A missing variable: nothing written either, the variable and files named.
        let missing = try HashlabProcess(["datasets", "import", "xlsa17", "--from", res, "--out", out,
                                          "--dataset", "tiny-awa2", "--root", directory.path("elsewhere")])
        #expect(missing.status == 3)
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

    // MARK: - import mat

    /// Image features of item `item` (0-based over both parts), stored by h5py.
    static func image(_ item: Int, _ d: Int) -> Double { Double(item) * 2 - Double(d) * 0.5 }
    /// 0-based class ids of the 4 train and 3 test items.
    static let matClassIDs = [2, 0, 1, 0, 1, 2, 2]

    /// Writes `features.h5` (h5py's layout: `I_tr` 4 × 2, `I_te` 3 × 2, one item per row)
    /// and `labels.mat` (MAT v7.3: `L_tr` 4 × 1 and `L_te` 1 × 3 class ids) into `directory`.
    static func writeMATSources(in directory: TemporaryDirectory) throws -> (features: String, labels: String) {
        let features = directory.path("features.h5")
        let labels = directory.path("labels.mat")
        let rows = (0..<7).map { item in (0..<2).map { image(item, $0) } }
        H5pyTestWriter.write([.matrix("I_tr", .single, rows: Array(rows[..<4])),
                              .matrix("I_te", .double, rows: Array(rows[4...]))], to: features)
        MATv73TestWriter.write([
            .numeric("L_tr", .double, dimensions: [4, 1], columnMajor: matClassIDs[..<4].map(Double.init)),
            .numeric("L_te", .double, dimensions: [1, 3], columnMajor: matClassIDs[4...].map(Double.init)),
        ], to: labels)
        return (features, labels)
    }

    /// `datasets import mat` of both sources, to `out` when given.
    static func matArguments(_ sources: (features: String, labels: String), out: String?,
                             root: TemporaryDirectory) -> [String] {
        ["datasets", "import", "mat", "--from", sources.features, sources.labels, "--modality", "image=I_tr,I_te",
         "--labels", "L_tr,L_te", "--split", "train,test", "--root", root.url.path] + (out.map { ["--out", $0] } ?? [])
    }

    @Test func importMatReadsH5pyAndMATLABFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sources = try Self.writeMATSources(in: directory)
        let out = directory.path("X.h5")
        let result = try HashlabProcess(Self.matArguments(sources, out: out, root: directory) + ["--dataset", "wiki"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("labels L_tr, L_te: class ids, 0-based, 3 classes"))
        #expect(result.output.contains("split given: train (4 items), test (3 items)"))
        #expect(result.output.contains("7 items, 3 classes, modalities image (2-d)"))

        let dataset = try Dataset(path: out)
        #expect(dataset.name == "wiki")
        let features = try dataset.features("image")
        #expect(features.rows == 7 && features.columns == 2)
        #expect(features.elements == (0..<7).flatMap { item in (0..<2).map { Float(Self.image(item, $0)) } })
        #expect(dataset.labels.elements == Self.matClassIDs.flatMap { id in (0..<3).map { UInt8($0 == id ? 1 : 0) } })
        #expect(dataset.classes == ["0", "1", "2"])
        #expect(dataset.split("given")?.part("train") == [0, 1, 2, 3])
        #expect(dataset.split("given")?.part("test") == [4, 5, 6])
        #expect(dataset.provenance["importer"] == "mat")
        #expect(dataset.provenance["variables:image"] == "features.h5:I_tr, features.h5:I_te")
        #expect(dataset.provenance["sha256:labels.mat"] == (try FileDigest.sha256(of: sources.labels)))
        #expect(dataset.provenance["sha256:features.h5"] == (try FileDigest.sha256(of: sources.features)))
    }

    @Test func matMistakesExitNonZeroAndLeaveTheOutputAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sources = try Self.writeMATSources(in: directory)
        let out = directory.path("X.h5")
        let first = try HashlabProcess(Self.matArguments(sources, out: out, root: directory))
        #expect(first.status == 0, "\(first.error)")
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let files = try directory.contents()

        let valid = Self.matArguments(sources, out: out, root: directory)
        func replacing(_ option: String, with values: [String]) -> [String] {
            let index = valid.firstIndex(of: option)!
            return Array(valid[..<index]) + values + Array(valid[(index + 2)...])
        }
        let mistakes: [(arguments: [String], message: String)] = [
            (replacing("--modality", with: ["--modality", "image"]),
             "modality \"image\" is not of the form NAME=VARIABLE,…"),
            (valid + ["--modality", "image=I_te,I_tr"], "modality \"image\" is given twice"),
            (replacing("--labels", with: []),
             "import mat needs --modality NAME=VARIABLE,… (once per modality) and --labels"),
            (replacing("--labels", with: ["--labels", ""]), "the labels: no variable named"),
            (replacing("--labels", with: ["--labels", "L_tr"]),
             "modality \"image\" names 2 parts, but the labels name 1"),
            (replacing("--split", with: []), "the labels list 2 parts: name them with the split"),
            (replacing("--labels", with: ["--labels", "L_tr,L_va"]),
             "no variable \"L_va\" in \(sources.features), \(sources.labels)"),
            (["datasets", "import", "xlsa17", "--from", sources.labels, "--modality", "image=I_tr", "--out", out,
              "--root", directory.url.path],
             "--modality, --labels, --split and --classes are options of import mat, not of import xlsa17"),
        ]
        for (arguments, message) in mistakes {
            let result = try HashlabProcess(arguments)
            // A variable missing from the files is a data error (3); the rest are mistakes in the command (1).
            #expect(result.status == (message.hasPrefix("no variable") ? 3 : 1), "\(arguments)")
            #expect(result.error.contains("hashlab: error: \(message)"), "\(result.error)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
            #expect(try directory.contents() == files)
        }
    }

    /// A mat import is named after its first file and checked against a manifest only
    /// when `--dataset` names one.
    @Test func matUsesAManifestOnlyWhenTheDatasetIsNamed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sources = try Self.writeMATSources(in: directory)
        try FileManager.default.createDirectory(atPath: directory.path("datasets"), withIntermediateDirectories: true)
        let wrong = String(repeating: "0", count: 64)
        try """
            name: features
            description: test
            importer: mat
            licence: research use
            citation: test
            sources:
              - file: features.h5
                sha256: \(wrong)
            """.write(toFile: directory.path("datasets/features.yaml"), atomically: true, encoding: .utf8)
        let arguments = Self.matArguments(sources, out: nil, root: directory)
        let unnamed = try HashlabProcess(arguments)
        #expect(unnamed.status == 0, "\(unnamed.error)")
        #expect(try Dataset(path: directory.path("datasets/data/features.h5")).name == "features")

        let named = try HashlabProcess(arguments + ["--dataset", "features"])
        #expect(named.status == 3)
        #expect(named.error.contains("differs from the manifest's sha256 \(wrong)"), "\(named.error)")
    }
}
