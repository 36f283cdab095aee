import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// Writing and opening dataset files: round trips, validation errors naming the file
/// and object, and reading subsets of rows.
@Suite struct DatasetTests {
    /// A small valid dataset: 7 items, two modalities, 3 classes, one split.
    static func contents(seed: UInt64 = 1) -> DatasetContents {
        var generator = SeededGenerator(seed: seed)
        let image = generator.normalMatrix(rows: 7, columns: 5, as: Float.self)
        let text = generator.uniformMatrix(rows: 7, columns: 3, as: Float.self)
        let labels = Matrix<UInt8>([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 0], [0, 1, 1], [0, 0, 1]])
        return DatasetContents(
            name: "tiny",
            modalities: [.init(name: "image", features: image), .init(name: "text", features: text)],
            labels: labels, classes: ["cat", "dog", "owl"],
            splits: [.init(name: "proposed", parts: [(name: "train", items: [0, 1, 3]), (name: "test", items: [6, 2])])],
            attributes: Matrix<Float>([[1, 0], [0, 1], [0.5, 0.5]]),
            provenance: ["source": "test", "licence": "CC0"])
    }

    @Test func roundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let original = Self.contents()
        let path = directory.path("tiny.h5")
        try original.write(to: path)
        let dataset = try Dataset(path: path)
        #expect(dataset.name == "tiny")
        #expect(dataset.count == 7)
        #expect(dataset.modalities == [.init(name: "image", dimension: 5), .init(name: "text", dimension: 3)])
        #expect(dataset.labels.elements == original.labels.elements)
        #expect(dataset.classes == ["cat", "dog", "owl"])
        #expect(dataset.split("proposed")?.part("train") == [0, 1, 3])
        #expect(dataset.split("proposed")?.part("test") == [6, 2])
        #expect(dataset.attributes?.elements == original.attributes?.elements)
        #expect(dataset.provenance == ["source": "test", "licence": "CC0"])
        #expect(try dataset.features("image").elements == original.modalities[0].features.elements)
        #expect(dataset.items(ofClass: 1) == [1, 3, 5])
    }

    @Test func subsetOfRowsInGivenOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = SeededGenerator(seed: 9)
        let matrix = generator.normalMatrix(rows: 103, columns: 6, as: Float.self)
        let path = directory.path("rows.h5")
        try HDF5File.write(to: path) { try $0.write(matrix, to: "/m") }
        let file = try HDF5File(reading: path)
        let indices = [102, 0, 5, 5, 51, 50, 7, 101, 3]
        for blockBytes in [1, 24 * 4, 24 * 7, 1 << 20] {
            let rows = try file.readRows("/m", indices: indices, as: Float.self, blockBytes: blockBytes)
            #expect(rows.rows == indices.count)
            for (row, index) in indices.enumerated() {
                #expect(Array(rows.elements[row * 6..<(row + 1) * 6]) == Array(matrix.elements[index * 6..<(index + 1) * 6]))
            }
        }
        let range = try file.readRows("/m", 40..<45, as: Float.self)
        #expect(range.elements == Array(matrix.elements[240..<270]))
        #expect(try file.readRows("/m", indices: [], as: Float.self).rows == 0)
        var blocks: [Int] = []
        try file.forEachRowBlock("/m", as: Float.self, blockBytes: 24 * 10) { block, first in
            #expect(block.elements == Array(matrix.elements[first * 6..<(first + block.rows) * 6]))
            blocks.append(first)
        }
        #expect(blocks == Array(stride(from: 0, to: 103, by: 10)))
        let error = #expect(throws: HDF5Error.self) { try file.readRows("/m", indices: [3, 103], as: Float.self) }
        #expect(error == .rowsOutOfRange(file: path, path: "/m", rows: 103..<104, count: 103))
        #expect(throws: HDF5Error.self) { try file.readRows("/m", 100..<104, as: Float.self) }
    }

    /// Writes a file whose parts the test chooses, bypassing the writer's checks.
    static func writeRaw(_ path: String, image: Matrix<Float>, labels: Matrix<UInt8>, classes: [String],
                         split: [Int32] = [0]) throws {
        try HDF5File.write(to: path) { file in
            try file.write(image, to: "/features/image")
            try file.write(labels, to: "/labels")
            try file.write(classes, to: "/classes")
            try file.write(split, to: "/splits/s/test")
        }
    }

    @Test func validationErrorsNameFileAndObject() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("bad.h5")
        let labels = Matrix<UInt8>([[1, 0], [0, 1], [1, 0]])
        var image = Matrix<Float>(rows: 3, columns: 4, repeating: 1)

        image[2, 3] = .nan
        try Self.writeRaw(path, image: image, labels: labels, classes: ["a", "b"])
        var error = #expect(throws: DatasetError.self) { try Dataset(path: path) }
        #expect(error == .nonFiniteFeature(file: path, modality: "image", row: 2, column: 3))
        #expect(error?.description == "\(path): /features/image holds a NaN or infinite value at row 2, column 3")

        image[2, 3] = 1
        image[1, 0] = -.infinity
        try Self.writeRaw(path, image: image, labels: labels, classes: ["a", "b"])
        error = #expect(throws: DatasetError.self) { try Dataset(path: path) }
        #expect(error == .nonFiniteFeature(file: path, modality: "image", row: 1, column: 0))

        image[1, 0] = 0
        try Self.writeRaw(path, image: image, labels: Matrix<UInt8>([[1, 0], [0, 2], [1, 0]]), classes: ["a", "b"])
        error = #expect(throws: DatasetError.self) { try Dataset(path: path) }
        #expect(error == .invalidLabel(file: path, row: 1, column: 1, value: 2))

        try Self.writeRaw(path, image: Matrix<Float>(rows: 2, columns: 4, repeating: 0), labels: labels,
                          classes: ["a", "b"])
        error = #expect(throws: DatasetError.self) { try Dataset(path: path) }
        #expect(error == .rowCountMismatch(file: path, modality: "image", rows: 2, expected: 3))

        try Self.writeRaw(path, image: image, labels: labels, classes: ["a"])
        error = #expect(throws: DatasetError.self) { try Dataset(path: path) }
        #expect(error == .classCountMismatch(file: path, classes: 1, labelColumns: 2))

        try Self.writeRaw(path, image: image, labels: labels, classes: ["a", "b"], split: [0, 3])
        error = #expect(throws: DatasetError.self) { try Dataset(path: path) }
        #expect(error == .splitIndexOutOfRange(file: path, split: "s", part: "test", index: 3, count: 3))

        try HDF5File.write(to: path) { file in
            try file.write(image, to: "/features/image")
            try file.write(["a", "b"], to: "/classes")
        }
        error = #expect(throws: DatasetError.self) { try Dataset(path: path) }
        #expect(error == .missingObject(file: path, path: "/labels"))

        try Self.writeRaw(path, image: image, labels: labels, classes: ["a", "b"])
        let dataset = try Dataset(path: path)
        error = #expect(throws: DatasetError.self) { try dataset.features("text") }
        #expect(error == .unknownModality(file: path, modality: "text", known: ["image"]))
    }

    @Test func writerRefusesInvalidContentsAndKeepsTheOldFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("tiny.h5")
        try Self.contents().write(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        var contents = Self.contents(seed: 2)
        contents.modalities[1].features[4, 1] = .nan
        let error = #expect(throws: DatasetError.self) { try contents.write(to: path) }
        #expect(error == .nonFiniteFeature(file: path, modality: "text", row: 4, column: 1))

        contents = Self.contents(seed: 2)
        contents.splits[0].parts[1].items.append(7)
        #expect(throws: DatasetError.splitIndexOutOfRange(file: path, split: "proposed", part: "test",
                                                          index: 7, count: 7)) {
            try contents.write(to: path)
        }
        contents = Self.contents(seed: 2)
        contents.modalities[0].name = "a/b"
        #expect(throws: DatasetError.invalidName(file: path, name: "a/b")) { try contents.write(to: path) }

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try directory.contents() == ["tiny.h5"])
    }
}
