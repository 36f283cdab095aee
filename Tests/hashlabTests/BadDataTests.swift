import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// Malformed data files met by the real CLI: each is refused with exit status 3, a
/// message naming the file and the variable or key, no crash or trap, and nothing
/// written (a fresh output path stays absent, an existing output stays byte-identical).
@Suite struct BadDataTests {
    /// One malformed input: `build` writes it into a fresh directory and returns the
    /// command's arguments, where `{out}` stands for the output path (run once with a
    /// fresh one and once with an existing file); `expected` is what the message must
    /// contain besides the file's path (the variable or key).
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The file the message must name, relative to the directory.
        let file: String
        let expected: String
        let build: @Sendable (TemporaryDirectory) throws -> [String]

        var testDescription: String { name }
    }

    // MARK: - A valid dataset and its malformed variants

    /// The parts of a 12-item dataset, written raw (without the library's validation)
    /// so each can be made malformed.
    struct RawDataset {
        var image = Matrix<Float>(rows: 12, columns: 3, elements: (0..<36).map { Float($0) * 0.25 })
        var text = Matrix<Float>(rows: 12, columns: 2, elements: (0..<24).map { Float($0) - 5 })
        var labels = Matrix<UInt8>(rows: 12, columns: 3, elements: (0..<12).flatMap { item in
            (0..<3).map { UInt8($0 == item % 3 ? 1 : 0) }
        })
        var classes = ["a", "b", "c"]
        var train = [Int32](0..<8)
        var test = [Int32](8..<12)
        /// Writes `/labels` as float32 instead of uint8.
        var labelsAsFloat = false
        /// Writes `/features/image` as float64 instead of float32.
        var imageAsDouble = false
        var omitLabels = false

        func write(to path: String) throws {
            try HDF5File.write(to: path) { file in
                if imageAsDouble {
                    try file.write(Matrix<Double>(rows: image.rows, columns: image.columns,
                                                  elements: image.elements.map(Double.init)), to: "/features/image")
                } else {
                    try file.write(image, to: "/features/image")
                }
                try file.write(text, to: "/features/text")
                if labelsAsFloat {
                    try file.write(Matrix<Float>(rows: labels.rows, columns: labels.columns,
                                                 elements: labels.elements.map(Float.init)), to: "/labels")
                } else if !omitLabels {
                    try file.write(labels, to: "/labels")
                }
                try file.write(classes, to: "/classes")
                try file.write(train, to: "/splits/given/train")
                try file.write(test, to: "/splits/given/test")
                try file.setAttribute("name", "bad")
            }
        }
    }

    /// A case whose dataset `bad.h5` is `modify`'s variant of the valid one, checked by
    /// `datasets verify`.
    static func dataset(_ name: String, expected: String, command: [String] = ["datasets", "verify"],
                        _ modify: @escaping @Sendable (inout RawDataset) -> Void) -> Case {
        Case(name: name, file: "bad.h5", expected: expected) { directory in
            var raw = RawDataset()
            modify(&raw)
            try raw.write(to: directory.path("bad.h5"))
            return command + [directory.path("bad.h5")]
        }
    }

    /// A case whose `bad.h5` is the valid dataset cut to `length(size)` bytes.
    static func truncated(_ name: String, expected: String, _ length: @escaping @Sendable (Int) -> Int) -> Case {
        Case(name: name, file: "bad.h5", expected: expected) { directory in
            try RawDataset().write(to: directory.path("whole.h5"))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: directory.path("whole.h5")))
            try bytes.prefix(length(bytes.count)).write(to: URL(fileURLWithPath: directory.path("bad.h5")))
            try FileManager.default.removeItem(atPath: directory.path("whole.h5"))
            return ["datasets", "verify", directory.path("bad.h5")]
        }
    }

    /// A case whose `bad.h5` is valid but for `/features/image`, declared as 12 × `columns`
    /// floats and never written.
    static func declared(_ name: String, columns: Int, layout: DeclaredShapeTestWriter.Layout,
                         command: @escaping @Sendable (String) -> [String]) -> Case {
        Case(name: name, file: "bad.h5", expected: "/features/image: declared shape [12, \(columns)] needs") { directory in
            let path = directory.path("bad.h5")
            try HDF5File.write(to: path) { file in
                try file.write(RawDataset().text, to: "/features/text")
                try file.write(RawDataset().labels, to: "/labels")
                try file.write(RawDataset().classes, to: "/classes")
            }
            DeclaredShapeTestWriter.declare("/features/image", shape: [12, columns], layout: layout, in: path)
            return command(path)
        }
    }

    /// A case whose `bad.h5` is the valid dataset with bytes of its global heap or of its
    /// stored variable-length strings (`/classes` a, b, c; the attribute `name` = bad)
    /// changed by `corrupt`, located by their byte patterns (``GlobalHeapTestImage``).
    static func heap(_ name: String, expected: String, command: [String] = ["datasets", "verify"],
                     _ corrupt: @escaping @Sendable (inout GlobalHeapTestImage) -> Void) -> Case {
        Case(name: name, file: "bad.h5", expected: expected) { directory in
            try RawDataset().write(to: directory.path("bad.h5"))
            var image = try GlobalHeapTestImage(contentsOf: directory.path("bad.h5"))
            corrupt(&image)
            try image.write(to: directory.path("bad.h5"))
            return command + [directory.path("bad.h5")]
        }
    }

    // MARK: - MAT sources for `datasets import mat`

    /// `features.mat` (`I_tr` 4 × 2, `I_te` 3 × 2) and `labels.mat` (`L_tr` 4 × 1,
    /// `L_te` 3 × 1 class ids) in MAT v5 or v7.3, with `modify` applied to the variables.
    static func mat(_ name: String, version73: Bool, expected: String, file: String,
                    _ modify: @escaping @Sendable ([MATTestVariable]) -> [MATTestVariable]) -> Case {
        Case(name: name, file: file, expected: expected) { directory in
            let rows = (0..<7).map { item in (0..<2).map { Double(item * 2 + $0) } }
            let features: [MATTestVariable] = [.matrix("I_tr", .double, rows: Array(rows[..<4])),
                                               .matrix("I_te", .double, rows: Array(rows[4...]))]
            let labels: [MATTestVariable] = [.matrix("L_tr", .double, rows: [[0], [1], [2], [0]]),
                                             .matrix("L_te", .double, rows: [[1], [2], [0]])]
            let all = modify(features + labels)
            let featureVariables = all.filter { $0.name.hasPrefix("I_") }
            let labelVariables = all.filter { !$0.name.hasPrefix("I_") }
            if version73 {
                MATv73TestWriter.write(featureVariables, to: directory.path("features.mat"))
                MATv73TestWriter.write(labelVariables, to: directory.path("labels.mat"))
            } else {
                try MATv5TestWriter().write(featureVariables, to: directory.path("features.mat"))
                try MATv5TestWriter().write(labelVariables, to: directory.path("labels.mat"))
            }
            return ["datasets", "import", "mat", "--from", directory.path("features.mat"), directory.path("labels.mat"),
                    "--modality", "image=I_tr,I_te", "--labels", "L_tr,L_te", "--split", "train,test",
                    "--out", "{out}", "--root", directory.url.path]
        }
    }

    /// A v5 `features.mat` whose first variable's dimensions (bytes 160–167 of an
    /// uncompressed little-endian file: header 128, matrix tag 8, flags 16, dimensions
    /// tag 8) are replaced by `rows` × `columns`.
    static func matDimensions(_ name: String, rows: Int32, columns: Int32, expected: String) -> Case {
        Case(name: name, file: "features.mat", expected: expected) { directory in
            let writer = MATv5TestWriter()
            var bytes = writer.bytes([.matrix("I_tr", .double, rows: [[1, 2], [3, 4], [5, 6]])])
            for (offset, value) in [(160, rows), (164, columns)] {
                withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + 4), with: $0) }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: directory.path("features.mat")))
            try writer.write([.matrix("L_tr", .double, rows: [[0], [1], [2]])], to: directory.path("labels.mat"))
            return ["datasets", "import", "mat", "--from", directory.path("features.mat"), directory.path("labels.mat"),
                    "--modality", "image=I_tr", "--labels", "L_tr", "--out", "{out}", "--root", directory.url.path]
        }
    }

    // MARK: - Code files for `hashlab evaluate`

    /// `bad.h5` with `/codes` uint64 [rows, 1] (attribute `bits`) and `/labels` uint8
    /// [labelRows, 2], scored against a valid `database.h5`.
    static func codes(_ name: String, rows: Int = 3, bits: Int64 = 8, labelRows: Int = 3, expected: String) -> Case {
        Case(name: name, file: "bad.h5", expected: expected) { directory in
            try writeCodes(directory.path("database.h5"), rows: 4, bits: 8, labelRows: 4)
            try writeCodes(directory.path("bad.h5"), rows: rows, bits: bits, labelRows: labelRows)
            return ["evaluate", "--queries", directory.path("bad.h5"), "--database", directory.path("database.h5"),
                    "--json", "{out}"]
        }
    }

    static func writeCodes(_ path: String, rows: Int, bits: Int64, labelRows: Int) throws {
        try HDF5File.write(to: path) { file in
            try file.write(Matrix<UInt64>(rows: rows, columns: 1, elements: (0..<rows).map { UInt64($0 % 256) }),
                           to: "/codes")
            try file.setAttribute("bits", bits, on: "/codes")
            try file.write(Matrix<UInt8>(rows: labelRows, columns: 2, elements: (0..<labelRows).flatMap {
                [UInt8($0 % 2), UInt8(1 - $0 % 2)]
            }), to: "/labels")
        }
    }

    static let cases: [Case] = [
        // Truncated HDF5 at several offsets.
        truncated("empty file", expected: "not an HDF5 file") { _ in 0 },
        truncated("truncated at 64 bytes", expected: "cannot be opened as HDF5") { _ in 64 },
        truncated("truncated at 2 KB", expected: "bad.h5:") { _ in 2048 },
        truncated("truncated at half", expected: "bad.h5:") { $0 / 2 },
        truncated("truncated by its last 100 bytes", expected: "bad.h5:") { $0 - 100 },
        // Wrong element types and ranks; missing objects; ragged modalities.
        dataset("labels stored as float32", expected: "/labels: expected uint8 elements, found float32") {
            $0.labelsAsFloat = true
        },
        dataset("features stored as float64", expected: "/features/image: expected float32 elements, found float64") {
            $0.imageAsDouble = true
        },
        dataset("no /labels", expected: "dataset file has no /labels") { $0.omitLabels = true },
        dataset("ragged modalities", expected: "/features/text has 11 rows but /labels has 12") {
            $0.text = Matrix(rows: 11, columns: 2, elements: [Float](repeating: 1, count: 22))
        },
        dataset("classes and label columns disagree", expected: "/classes names 2 classes but /labels has 3 columns") {
            $0.classes = ["a", "b"]
        },
        // Values.
        dataset("a NaN feature", expected: "/features/image holds a NaN or infinite value at row 5, column 1") {
            $0.image[5, 1] = .nan
        },
        dataset("an infinite feature", expected: "/features/text holds a NaN or infinite value at row 11, column 0") {
            $0.text[11, 0] = -.infinity
        },
        dataset("a label outside 0/1", expected: "/labels holds 2 at row 3, column 0") { $0.labels[3, 0] = 2 },
        dataset("a split index out of range", expected: "/splits/given/test holds index 12, outside 0..<12") {
            $0.test = [8, 9, 12]
        },
        dataset("a negative split index", expected: "/splits/given/train holds index -1, outside 0..<12") {
            $0.train = [0, -1]
        },
        dataset("no items", expected: "/labels has no rows") {
            $0.image = Matrix(rows: 0, columns: 3, elements: [])
            $0.text = Matrix(rows: 0, columns: 2, elements: [])
            $0.labels = Matrix(rows: 0, columns: 3, elements: [])
            $0.train = []
            $0.test = []
        },
        dataset("every item unlabelled", expected: "/labels: none of the 12 items has a label") {
            $0.labels = Matrix(rows: 12, columns: 3, repeating: 0)
        },
        dataset("run-one on a NaN feature", expected: "/features/image holds a NaN",
                command: ["run-one", "--unseen", "c", "--queries", "2", "--method", "lsh", "--bits", "8",
                          "--out", "{out}", "--dataset"]) { $0.image[0, 0] = .nan },
        // Declared shapes the file cannot hold.
        declared("declared 12 × 5e7 contiguous (verify)", columns: 50_000_000, layout: .contiguous) {
            ["datasets", "verify", $0]
        },
        declared("declared 12 × 5e7 contiguous (info)", columns: 50_000_000, layout: .contiguous) {
            ["datasets", "info", $0]
        },
        declared("declared 12 × 5e7 contiguous (run-one)", columns: 50_000_000, layout: .contiguous) {
            ["run-one", "--dataset", $0, "--unseen", "c", "--queries", "2", "--method", "lsh", "--bits", "8",
             "--out", "{out}"]
        },
        declared("declared 12 × 5e7 chunked and compressed", columns: 50_000_000, layout: .chunked(rows: 1)) {
            ["datasets", "verify", $0]
        },
        // Corrupt global heap references, which libhdf5 would follow into a crash, a hang or
        // an unbounded allocation (the DatasetFuzzer's findings).
        heap("global heap: an index no object has",
             expected: "/classes: variable-length string 1 points to object \(0x2700_0002), which the global heap") {
            $0.set(UInt32(0x2700_0002), at: $0.reference(to: "b") + 12)
        },
        heap("global heap: a free-space object of size 0",
             expected: "/classes: variable-length string 0 points to a corrupt global heap collection",
             command: ["datasets", "info"]) {
            $0.set(UInt64(0), at: $0.freeSpaceHeader() + 8)
        },
        heap("global heap: a collection address beyond the file",
             expected: "/classes: variable-length string 2 points outside the file's global heap") {
            $0.set(UInt64(1) << 58, at: $0.reference(to: "c") + 4)
        },
        heap("global heap: the name attribute's length",
             expected: "/: attribute \"name\": variable-length string 0 has length 4000000000") {
            $0.set(UInt32(4_000_000_000), at: $0.reference(to: "bad"))
        },
        // MAT files, v5 and v7.3.
        mat("MAT v5: a missing variable", version73: false,
            expected: "no variable \"L_te\" in", file: "features.mat") { $0.filter { $0.name != "L_te" } },
        mat("MAT v7.3: a missing variable", version73: true,
            expected: "no variable \"I_te\" in", file: "features.mat") { $0.filter { $0.name != "I_te" } },
        mat("MAT v5: a mis-shaped feature matrix", version73: false,
            expected: "variable \"I_tr\" is 5 × 3", file: "features.mat") { variables in
            variables.map { $0.name == "I_tr" ? .matrix("I_tr", .double, rows: Array(repeating: [1, 2, 3], count: 5)) : $0 }
        },
        mat("MAT v7.3: a mis-shaped feature matrix", version73: true,
            expected: "variable \"I_te\" is 2 × 5", file: "features.mat") { variables in
            variables.map { $0.name == "I_te" ? .matrix("I_te", .double, rows: Array(repeating: [1, 2, 3, 4, 5], count: 2)) : $0 }
        },
        mat("MAT v5: a NaN feature", version73: false,
            expected: "variable \"I_tr\" holds a NaN or infinite value", file: "features.mat") { variables in
            variables.map { $0.name == "I_tr" ? .matrix("I_tr", .double, rows: [[0, 1], [.nan, 3], [4, 5], [6, 7]]) : $0 }
        },
        matDimensions("MAT v5: dimensions larger than the data", rows: 1 << 30, columns: 1 << 30,
                      expected: "variable I_tr: corrupt data: 6 values for dimensions [1073741824, 1073741824]"),
        matDimensions("MAT v5: a negative dimension", rows: -1, columns: 2,
                      expected: "variable I_tr: corrupt data: dimensions [-1, 2] are negative or too large"),
        // Code files for `hashlab evaluate`.
        codes("codes: bits attribute too large for one word", bits: 200,
              expected: "/codes: attribute bits = 200 does not fit 1 words per code"),
        codes("codes: bits attribute the largest integer", bits: .max,
              expected: "/codes: attribute bits = \(Int64.max) does not fit 1 words per code"),
        codes("codes: codes and labels with different rows", rows: 3, labelRows: 2,
              expected: "/codes has 3 rows but /labels has 2"),
        codes("codes: no queries", rows: 0, labelRows: 0, expected: "/codes has no rows: there is no query to evaluate"),
    ]

    /// The files under `directory` (relative paths) with their bytes.
    static func snapshot(_ directory: TemporaryDirectory) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory.url.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = directory.path(relative)
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            files[relative] = isDirectory.boolValue ? Data() : try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    @Test(arguments: cases) func aMalformedFileExitsThreeNamingFileAndKeyAndWritesNothing(_ badCase: Case) throws {
        let directory = try TemporaryDirectory("hashlab-bad-data")
        defer { directory.remove() }
        let arguments = try badCase.build(directory)
        // An existing output must stay as it was; a fresh one must not appear.
        let existing = directory.path("existing-output")
        try Data("earlier output".utf8).write(to: URL(fileURLWithPath: existing))
        let outputs = arguments.contains("{out}") ? [directory.path("fresh-output"), existing] : [existing]
        for output in outputs {
            let before = try Self.snapshot(directory)
            let result = try HashlabProcess(arguments.map { $0 == "{out}" ? output : $0 })
            #expect(result.status == 3, "\(badCase.name): status \(result.status) (≥ 128 is a crash): \(result.error)")
            #expect(result.error.hasPrefix("hashlab: error: "), "\(badCase.name): \(result.error)")
            #expect(result.error.contains(directory.path(badCase.file)), "\(badCase.name): \(result.error)")
            #expect(result.error.contains(badCase.expected), "\(badCase.name): \(result.error)")
            #expect(try Self.snapshot(directory) == before, "\(badCase.name): something was written")
        }
    }

    @Test func aSourceFailingTheBuiltInManifestExitsThreeAndWritesNothing() throws {
        let directory = try TemporaryDirectory("hashlab-bad-data")
        defer { directory.remove() }
        let (res, att) = try ImportCommandTests.writeSources(in: directory)
        try Data("earlier output".utf8).write(to: URL(fileURLWithPath: directory.path("existing.h5")))
        let before = try Self.snapshot(directory)
        for out in [directory.path("fresh.h5"), directory.path("existing.h5")] {
            let result = try HashlabProcess(["datasets", "import", "xlsa17", "--from", res, att, "--out", out,
                                             "--root", directory.url.path])
            #expect(result.status == 3)
            #expect(result.error.hasPrefix("hashlab: error: \(res): sha256 \(try FileDigest.sha256(of: res)) "))
            #expect(result.error.contains("differs from the manifest's sha256 "
                                          + "3592d2002a4e2d7ea4ef19069f9c35b8ad86c5e1a43b2d30257eba7018fd6dfa"))
            #expect(try Self.snapshot(directory) == before)
        }
    }
}
