import Datasets
import TestSupport
import XCTest

/// Reading MAT v5 files written by ``MATv5TestWriter`` in every layout the reader
/// supports: uncompressed and compressed, little- and big-endian.
final class MATv5ReaderTests: XCTestCase {
    /// The layouts each variable is written in, with a label for failure messages.
    private static var layouts: [(label: String, writer: MATv5TestWriter)] {
        [
            ("uncompressed-le", MATv5TestWriter(byteOrder: .littleEndian, compressed: false)),
            ("compressed-le", MATv5TestWriter(byteOrder: .littleEndian, compressed: true)),
            ("uncompressed-be", MATv5TestWriter(byteOrder: .bigEndian, compressed: false)),
            ("compressed-be", MATv5TestWriter(byteOrder: .bigEndian, compressed: true)),
        ]
    }

    /// Writes `variables` in every layout and runs `check` on each file read back.
    private func forEachLayout(_ variables: [MATTestVariable],
                               _ check: (MATFile, String) throws -> Void) throws {
        let directory = try TemporaryDirectory("hashlab-mat5")
        defer { directory.remove() }
        for (label, writer) in Self.layouts {
            let path = directory.path("\(label).mat")
            try writer.write(variables, to: path)
            let file = try MATFile(reading: path)
            XCTAssertEqual(file.version, .v5, label)
            try check(file, label)
        }
    }

    func testNumericClassesReadWithTheirValues() throws {
        let variables: [MATTestVariable] = [
            .matrix("d", .double, rows: [[1.5, -2, 3], [4, 5.25, -6]]),
            .matrix("singles", .single, rows: [[0.5, 1], [2, -3.5], [4, 8]]),
            .matrix("bytes", .uint8, rows: [[0, 1, 200, 255]]),
            .matrix("ints", .int32, rows: [[-100_000, 7], [2_147_483_647, -2_147_483_648]]),
            .matrix("mask", .logical, rows: [[1, 0], [0, 1]]),
        ]
        try forEachLayout(variables) { file, label in
            XCTAssertEqual(file.variableNames, ["d", "singles", "bytes", "ints", "mask"], label)
            XCTAssertTrue(file.contains("mask"), label)
            XCTAssertFalse(file.contains("other"), label)
            XCTAssertEqual(try file.className(of: "d"), "double", label)
            XCTAssertEqual(try file.className(of: "singles"), "single", label)
            XCTAssertEqual(try file.className(of: "bytes"), "uint8", label)
            XCTAssertEqual(try file.className(of: "ints"), "int32", label)
            XCTAssertEqual(try file.className(of: "mask"), "logical", label)

            let double = try file.columnMajor("d", as: Double.self)
            XCTAssertEqual(double.dimensions, [2, 3], label)
            XCTAssertEqual(double.elements, [1.5, 4, -2, 5.25, 3, -6], label)
            let single = try file.columnMajor("singles", as: Float.self)
            XCTAssertEqual(single.dimensions, [3, 2], label)
            XCTAssertEqual(single.elements, [0.5, 2, 4, 1, -3.5, 8], label)
            XCTAssertEqual(try file.columnMajor("bytes", as: Double.self).elements, [0, 1, 200, 255], label)
            XCTAssertEqual(try file.columnMajor("ints", as: Double.self).elements,
                           [-100_000, 2_147_483_647, 7, -2_147_483_648], label)
            XCTAssertEqual(try file.columnMajor("mask", as: Float.self).elements, [1, 0, 0, 1], label)
            XCTAssertEqual(try file.dimensions(of: "bytes"), [1, 4], label)
        }
    }

    func testMatrixKeepsMATLABOrientation() throws {
        try forEachLayout([.matrix("tall", .double, rows: [[1, 2], [3, 4], [5, 6]])]) { file, label in
            XCTAssertEqual(try file.dimensions(of: "tall"), [3, 2], label)
            XCTAssertEqual(try file.columnMajor("tall", as: Double.self).elements, [1, 3, 5, 2, 4, 6], label)
            let matrix = try file.matrix("tall", as: Double.self)
            XCTAssertEqual(matrix.rows, 3, label)
            XCTAssertEqual(matrix.columns, 2, label)
            XCTAssertEqual(matrix.elements, [1, 2, 3, 4, 5, 6], label)
            XCTAssertEqual(matrix[2, 0], 5, label)
            XCTAssertEqual(matrix[0, 1], 2, label)
        }
    }

    func testDoublesStoredInNarrowerTypesReadAsDoubles() throws {
        let variables: [MATTestVariable] = [
            .matrix("small", .double, rows: [[7, 250]], storedAs: .uint8),
            .matrix("bytes", .double, rows: [[1, 2], [3, 255]], storedAs: .uint8),
            .matrix("shorts", .double, rows: [[-3, 300, 32767]], storedAs: .int16),
            .matrix("signed", .double, rows: [[-128, 127, 0, -1, 5]], storedAs: .int8),
            .matrix("words", .single, rows: [[65535, 0, 9]], storedAs: .uint16),
            .matrix("wide", .double, rows: [[4_000_000_000, 1]], storedAs: .uint32),
        ]
        try forEachLayout(variables) { file, label in
            XCTAssertEqual(try file.className(of: "small"), "double", label)
            XCTAssertEqual(try file.columnMajor("small", as: Double.self).elements, [7, 250], label)
            XCTAssertEqual(try file.matrix("bytes", as: Double.self).elements, [1, 2, 3, 255], label)
            XCTAssertEqual(try file.columnMajor("shorts", as: Double.self).elements, [-3, 300, 32767], label)
            XCTAssertEqual(try file.columnMajor("signed", as: Double.self).elements, [-128, 127, 0, -1, 5], label)
            XCTAssertEqual(try file.columnMajor("words", as: Float.self).elements, [65535, 0, 9], label)
            XCTAssertEqual(try file.columnMajor("wide", as: Double.self).elements, [4_000_000_000, 1], label)
        }
    }

    func testCharArraysReadAsRowStrings() throws {
        let variables: [MATTestVariable] = [
            .char("names", rows: ["alpha", "be", "gamma ray"]),
            .char("utf", rows: ["plain", "text"], storedAs: .utf8),
            .char("accents", rows: ["Ångström", "café"], storedAs: .utf8),
            .char("wide", rows: ["Ångström", "naïve"]),
            .char("one", rows: ["x"]),
        ]
        try forEachLayout(variables) { file, label in
            XCTAssertEqual(try file.className(of: "names"), "char", label)
            XCTAssertEqual(try file.dimensions(of: "names"), [3, 9], label)
            XCTAssertEqual(try file.strings("names"), ["alpha", "be", "gamma ray"], label)
            XCTAssertEqual(try file.strings("utf"), ["plain", "text"], label)
            XCTAssertEqual(try file.strings("one"), ["x"], label)
            XCTAssertEqual(try file.dimensions(of: "accents"), [2, 8], label)
            XCTAssertEqual(try file.strings("accents"), ["Ångström", "café"], label)
            XCTAssertEqual(try file.strings("wide"), ["Ångström", "naïve"], label)
        }
    }

    func testCellArraysOfStringsReadInColumnMajorOrder() throws {
        let variables: [MATTestVariable] = [
            .cellOfStrings("labels", dimensions: [3, 1], ["first", "", "third label"]),
            .cellOfStrings("grid", dimensions: [2, 2], ["a11", "a21", "a12", "a22"]),
        ]
        try forEachLayout(variables) { file, label in
            XCTAssertEqual(try file.className(of: "labels"), "cell", label)
            XCTAssertEqual(try file.dimensions(of: "labels"), [3, 1], label)
            XCTAssertEqual(try file.strings("labels"), ["first", "", "third label"], label)
            XCTAssertEqual(try file.strings("grid"), ["a11", "a21", "a12", "a22"], label)
        }
    }

    func testSparseArraysExpandToDense() throws {
        let sparse = MATTestVariable.sparse("sp", rows: 3, columns: 3,
                                            entries: [(0, 0, 1), (2, 0, 5), (1, 2, -2)])
        try forEachLayout([sparse]) { file, label in
            XCTAssertEqual(try file.className(of: "sp"), "sparse", label)
            XCTAssertEqual(try file.dimensions(of: "sp"), [3, 3], label)
            XCTAssertEqual(try file.columnMajor("sp", as: Double.self).elements, [1, 0, 5, 0, 0, 0, 0, -2, 0], label)
            let matrix = try file.matrix("sp", as: Double.self)
            XCTAssertEqual(matrix[1, 2], -2, label)
            XCTAssertEqual(matrix[2, 0], 5, label)
        }
    }

    func testLargeVariablesAndManyVariablesAreIndexed() throws {
        let large = (0..<3000).map { Double($0) * 0.37 - 100 }
        let variables: [MATTestVariable] = [
            .numeric("large", .double, dimensions: [1000, 3], columnMajor: large),
            .matrix("after", .int32, rows: [[42]]),
        ]
        try forEachLayout(variables) { file, label in
            XCTAssertEqual(file.variableNames, ["large", "after"], label)
            XCTAssertEqual(try file.columnMajor("large", as: Double.self).elements, large, label)
            XCTAssertEqual(try file.matrix("large", as: Double.self)[999, 2], large[2999], label)
            XCTAssertEqual(try file.columnMajor("after", as: Double.self).elements, [42], label)
        }
    }

    func testNDimensionalArraysKeepTheirDimensions() throws {
        let cube = MATTestVariable.numeric("cube", .double, dimensions: [2, 3, 2],
                                           columnMajor: (0..<12).map(Double.init))
        try forEachLayout([cube]) { file, label in
            XCTAssertEqual(try file.dimensions(of: "cube"), [2, 3, 2], label)
            XCTAssertEqual(try file.columnMajor("cube", as: Double.self).elements, (0..<12).map(Double.init), label)
        }
    }

    func testEmptyArraysReadWithTheirDimensions() throws {
        let variables: [MATTestVariable] = [
            .numeric("none", .double, dimensions: [0, 3], columnMajor: []),
            .char("blank", rows: []),
            .cellOfStrings("nothing", dimensions: [0, 0], []),
        ]
        try forEachLayout(variables) { file, label in
            XCTAssertEqual(try file.dimensions(of: "none"), [0, 3], label)
            let matrix = try file.matrix("none", as: Double.self)
            XCTAssertEqual(matrix.rows, 0, label)
            XCTAssertEqual(matrix.columns, 3, label)
            XCTAssertEqual(try file.strings("blank"), [], label)
            XCTAssertEqual(try file.strings("nothing"), [], label)
        }
    }
}
