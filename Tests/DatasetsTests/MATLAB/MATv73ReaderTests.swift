import Datasets
import TestSupport
import XCTest

/// Reading MAT v7.3 (HDF5-based) files written by ``MATv73TestWriter``.
final class MATv73ReaderTests: XCTestCase {
    /// Writes `variables` to a v7.3 file and runs `check` on it read back.
    private func withFile(_ variables: [MATTestVariable], _ check: (MATFile) throws -> Void) throws {
        let directory = try TemporaryDirectory("hashlab-mat73")
        defer { directory.remove() }
        let path = directory.path("data.mat")
        MATv73TestWriter.write(variables, to: path)
        let file = try MATFile(reading: path)
        XCTAssertEqual(file.version, .v73)
        try check(file)
    }

    func testNumericClassesReadWithTheirValues() throws {
        let variables: [MATTestVariable] = [
            .matrix("d", .double, rows: [[1.5, -2, 3], [4, 5.25, -6]]),
            .matrix("singles", .single, rows: [[0.5, 1], [2, -3.5], [4, 8]]),
            .matrix("bytes", .uint8, rows: [[0, 1, 200, 255]]),
            .matrix("ints", .int32, rows: [[-100_000, 7], [2_147_483_647, -2_147_483_648]]),
            .matrix("mask", .logical, rows: [[1, 0], [0, 1]]),
        ]
        try withFile(variables) { file in
            XCTAssertEqual(file.variableNames, ["bytes", "d", "ints", "mask", "singles"])
            XCTAssertTrue(file.contains("ints"))
            XCTAssertEqual(try file.className(of: "d"), "double")
            XCTAssertEqual(try file.className(of: "singles"), "single")
            XCTAssertEqual(try file.className(of: "bytes"), "uint8")
            XCTAssertEqual(try file.className(of: "ints"), "int32")
            XCTAssertEqual(try file.className(of: "mask"), "logical")

            let double = try file.columnMajor("d", as: Double.self)
            XCTAssertEqual(double.dimensions, [2, 3])
            XCTAssertEqual(double.elements, [1.5, 4, -2, 5.25, 3, -6])
            let single = try file.columnMajor("singles", as: Float.self)
            XCTAssertEqual(single.dimensions, [3, 2])
            XCTAssertEqual(single.elements, [0.5, 2, 4, 1, -3.5, 8])
            XCTAssertEqual(try file.columnMajor("bytes", as: Double.self).elements, [0, 1, 200, 255])
            XCTAssertEqual(try file.dimensions(of: "bytes"), [1, 4])
            XCTAssertEqual(try file.columnMajor("ints", as: Double.self).elements,
                           [-100_000, 2_147_483_647, 7, -2_147_483_648])
            XCTAssertEqual(try file.columnMajor("mask", as: Float.self).elements, [1, 0, 0, 1])
        }
    }

    func testMatrixKeepsMATLABOrientation() throws {
        try withFile([.matrix("tall", .double, rows: [[1, 2], [3, 4], [5, 6]])]) { file in
            XCTAssertEqual(try file.dimensions(of: "tall"), [3, 2])
            XCTAssertEqual(try file.columnMajor("tall", as: Double.self).elements, [1, 3, 5, 2, 4, 6])
            let matrix = try file.matrix("tall", as: Float.self)
            XCTAssertEqual(matrix.rows, 3)
            XCTAssertEqual(matrix.columns, 2)
            XCTAssertEqual(matrix.elements, [1, 2, 3, 4, 5, 6])
            XCTAssertEqual(matrix[2, 0], 5)
        }
    }

    func testCharAndCellArraysReadAsStrings() throws {
        let variables: [MATTestVariable] = [
            .char("names", rows: ["alpha", "be", "gamma ray"]),
            .cellOfStrings("labels", dimensions: [3, 1], ["first", "", "third label"]),
            .cellOfStrings("grid", dimensions: [2, 2], ["a11", "a21", "a12", "a22"]),
        ]
        try withFile(variables) { file in
            XCTAssertEqual(file.variableNames, ["grid", "labels", "names"])
            XCTAssertEqual(try file.className(of: "names"), "char")
            XCTAssertEqual(try file.dimensions(of: "names"), [3, 9])
            XCTAssertEqual(try file.strings("names"), ["alpha", "be", "gamma ray"])
            XCTAssertEqual(try file.className(of: "labels"), "cell")
            XCTAssertEqual(try file.dimensions(of: "labels"), [3, 1])
            XCTAssertEqual(try file.strings("labels"), ["first", "", "third label"])
            XCTAssertEqual(try file.strings("grid"), ["a11", "a21", "a12", "a22"])
        }
    }

    func testSparseArraysExpandToDense() throws {
        let sparse = MATTestVariable.sparse("sp", rows: 3, columns: 3,
                                            entries: [(0, 0, 1), (2, 0, 5), (1, 2, -2)])
        try withFile([sparse]) { file in
            XCTAssertEqual(try file.dimensions(of: "sp"), [3, 3])
            XCTAssertEqual(try file.columnMajor("sp", as: Double.self).elements, [1, 0, 5, 0, 0, 0, 0, -2, 0])
            XCTAssertEqual(try file.matrix("sp", as: Double.self)[1, 2], -2)
        }
    }

    func testNDimensionalArraysKeepTheirDimensions() throws {
        let cube = MATTestVariable.numeric("cube", .double, dimensions: [2, 3, 2],
                                           columnMajor: (0..<12).map(Double.init))
        try withFile([cube]) { file in
            XCTAssertEqual(try file.dimensions(of: "cube"), [2, 3, 2])
            XCTAssertEqual(try file.columnMajor("cube", as: Double.self).elements, (0..<12).map(Double.init))
        }
    }
}
