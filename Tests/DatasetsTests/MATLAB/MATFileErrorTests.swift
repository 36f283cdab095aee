import Datasets
import Foundation
import TestSupport
import XCTest

/// Every ``MATFileError`` case, each asserted exactly, for v5 and v7.3 files.
final class MATFileErrorTests: XCTestCase {
    private var directory: TemporaryDirectory?

    override func setUpWithError() throws {
        directory = try TemporaryDirectory("hashlab-mat-errors")
    }

    override func tearDown() {
        directory?.remove()
    }

    private func path(_ name: String) throws -> String {
        try XCTUnwrap(directory).path(name)
    }

    /// Asserts that `body` throws exactly `expected`.
    private func assertThrows<Result>(_ expected: MATFileError, file: StaticString = #filePath, line: UInt = #line,
                                      _ body: () throws -> Result) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? MATFileError, expected, file: file, line: line)
        }
    }

    /// 2000 doubles that zlib cannot shrink much, so that their compressed stream is
    /// long and inflates well past the head the reader indexes.
    private static let noisy = MATTestVariable.numeric(
        "big", .double, dimensions: [1000, 2],
        columnMajor: (0..<2000).map { Double(($0 * 7919) % 2003) / 17 })

    /// Writes `variables` as v5 with `writer` and as v7.3, returning both paths.
    private func writeBoth(_ variables: [MATTestVariable], writer: MATv5TestWriter = MATv5TestWriter())
        throws -> [String] {
        let v5 = try path("v5.mat"), v73 = try path("v73.mat")
        try writer.write(variables, to: v5)
        MATv73TestWriter.write(variables, to: v73)
        return [v5, v73]
    }

    /// Writes `bytes` to a new file called `name`.
    private func write(_ bytes: [UInt8], named name: String) throws -> String {
        let path = try path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Copies the first half of the file at `source` to a new file called `name`.
    private func firstHalf(of source: String, named name: String) throws -> String {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source)))
        return try write(Array(bytes.prefix(bytes.count / 2)), named: name)
    }

    // MARK: - Opening

    func testMissingFile() throws {
        let missing = try path("absent.mat")
        assertThrows(.fileNotFound(file: missing)) { try MATFile(reading: missing) }
    }

    func testNotAMATFile() throws {
        let text = try write(Array(String(repeating: "not a MAT file\n", count: 20).utf8), named: "text.mat")
        assertThrows(.notMATFile(file: text)) { try MATFile(reading: text) }
        let short = try write(Array("MATLAB 5.0".utf8), named: "short.mat")
        assertThrows(.notMATFile(file: short)) { try MATFile(reading: short) }
        let empty = try write([], named: "empty.mat")
        assertThrows(.notMATFile(file: empty)) { try MATFile(reading: empty) }
    }

    func testUnreadablePath() throws {
        let folder = try path("folder.mat")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        XCTAssertThrowsError(try MATFile(reading: folder)) { error in
            guard case let .unreadable(file, _)? = error as? MATFileError else {
                return XCTFail("expected unreadable, got \(error)")
            }
            XCTAssertEqual(file, folder)
        }
    }

    // MARK: - Variables

    func testMissingVariableNamesTheAvailableOnes() throws {
        let variables: [MATTestVariable] = [.matrix("b", .double, rows: [[1]]), .char("a", rows: ["x"])]
        for path in try writeBoth(variables) {
            let file = try MATFile(reading: path)
            let available = file.version == .v5 ? ["b", "a"] : ["a", "b"]
            let expected = MATFileError.missingVariable(file: path, variable: "nope", available: available)
            assertThrows(expected) { try file.matrix("nope", as: Double.self) }
            assertThrows(expected) { try file.columnMajor("nope", as: Float.self) }
            assertThrows(expected) { try file.dimensions(of: "nope") }
            assertThrows(expected) { try file.className(of: "nope") }
            assertThrows(expected) { try file.strings("nope") }
        }
    }

    func testUnsupportedClasses() throws {
        let variables: [MATTestVariable] = [
            .char("text", rows: ["abc"]),
            .cellOfStrings("labels", dimensions: [1, 2], ["a", "b"]),
            .structure("record"),
            .matrix("numbers", .double, rows: [[1, 2]]),
            .matrix("mask", .logical, rows: [[1, 0]]),
        ]
        let numeric = "a numeric or logical array", text = "char or cell of char"
        for path in try writeBoth(variables) {
            let file = try MATFile(reading: path)
            for (name, found) in [("text", "char"), ("labels", "cell"), ("record", "struct")] {
                let expected = MATFileError.unsupportedClass(file: path, variable: name, found: found,
                                                             expected: numeric)
                assertThrows(expected) { try file.matrix(name, as: Double.self) }
                assertThrows(expected) { try file.columnMajor(name, as: Float.self) }
            }
            for (name, found) in [("numbers", "double"), ("mask", "logical"), ("record", "struct")] {
                assertThrows(.unsupportedClass(file: path, variable: name, found: found, expected: text)) {
                    try file.strings(name)
                }
            }
        }
    }

    func testNotTwoDimensional() throws {
        let cube = MATTestVariable.numeric("cube", .single, dimensions: [2, 2, 2],
                                           columnMajor: (0..<8).map(Double.init))
        for path in try writeBoth([cube]) {
            let file = try MATFile(reading: path)
            assertThrows(.notTwoDimensional(file: path, variable: "cube", dimensions: [2, 2, 2])) {
                try file.matrix("cube", as: Float.self)
            }
            XCTAssertEqual(try file.columnMajor("cube", as: Float.self).elements, (0..<8).map(Float.init))
        }
    }

    // MARK: - Damaged files

    func testTruncatedUncompressedFile() throws {
        for byteOrder in [MATv5TestWriter.ByteOrder.littleEndian, .bigEndian] {
            let source = try path("whole.mat")
            try MATv5TestWriter(byteOrder: byteOrder, compressed: false).write([Self.noisy], to: source)
            let cut = try firstHalf(of: source, named: "half.mat")
            assertThrows(.truncated(file: cut, variable: nil)) { try MATFile(reading: cut) }
        }
    }

    func testTruncatedCompressedFile() throws {
        for byteOrder in [MATv5TestWriter.ByteOrder.littleEndian, .bigEndian] {
            let source = try path("whole.mat")
            try MATv5TestWriter(byteOrder: byteOrder, compressed: true)
                .write([.matrix("first", .double, rows: [[1, 2]]), Self.noisy], to: source)
            let cut = try firstHalf(of: source, named: "half.mat")
            assertThrows(.truncated(file: cut, variable: nil)) { try MATFile(reading: cut) }
        }
    }

    func testTruncatedV73File() throws {
        let source = try path("whole.mat")
        MATv73TestWriter.write([Self.noisy, .char("names", rows: ["a", "b"])], to: source)
        let cut = try firstHalf(of: source, named: "half.mat")
        assertThrows(.truncated(file: cut, variable: nil)) { try MATFile(reading: cut) }
    }

    /// A compressed element whose stream ends early while its size is consistent:
    /// caught when opening if the stream ends within the array's head, when reading
    /// the variable otherwise.
    func testCompressedStreamEndingEarly() throws {
        var writer = MATv5TestWriter(compressed: true)
        writer.editCompressedStream = { Array($0.prefix($0.count / 2)) }
        let big = try path("big.mat")
        try writer.write([Self.noisy], to: big)
        let file = try MATFile(reading: big)
        XCTAssertEqual(file.variableNames, ["big"])
        assertThrows(.truncated(file: big, variable: "big")) { try file.matrix("big", as: Double.self) }

        writer.editCompressedStream = { Array($0.prefix(6)) }
        let small = try path("small.mat")
        try writer.write([.matrix("tiny", .double, rows: [[1, 2, 3]])], to: small)
        assertThrows(.truncated(file: small, variable: nil)) { try MATFile(reading: small) }
    }

    func testCorruptCompressedData() throws {
        var writer = MATv5TestWriter(compressed: true)
        writer.editCompressedStream = { stream in [stream[0] ^ 0xFF] + stream.dropFirst() }
        let header = try path("header.mat")
        try writer.write([Self.noisy], to: header)
        assertThrows(.corrupt(file: header, variable: nil, reason: "zlib: incorrect header check")) {
            try MATFile(reading: header)
        }

        writer.editCompressedStream = { stream in stream.dropLast() + [stream[stream.count - 1] ^ 0xFF] }
        let checksum = try path("checksum.mat")
        try writer.write([Self.noisy], to: checksum)
        let file = try MATFile(reading: checksum)
        assertThrows(.corrupt(file: checksum, variable: "big", reason: "zlib: incorrect data check")) {
            try file.columnMajor("big", as: Double.self)
        }
    }

    func testMalformedV5Elements() throws {
        var bytes = MATv5TestWriter().bytes([.matrix("x", .double, rows: [[1]])])
        bytes[128] = 99
        let unknown = try write(bytes, named: "unknown.mat")
        assertThrows(.corrupt(file: unknown, variable: nil, reason: "unknown data type 99 at byte 128")) {
            try MATFile(reading: unknown)
        }

        let short = MATTestVariable.numeric("short", .double, dimensions: [2, 2], columnMajor: [1, 2, 3])
        for path in [try path("plain.mat"), try path("compressed.mat")] {
            try MATv5TestWriter(compressed: path.hasSuffix("compressed.mat")).write([short], to: path)
            let file = try MATFile(reading: path)
            assertThrows(.corrupt(file: path, variable: "short", reason: "3 values for dimensions [2, 2]")) {
                try file.matrix("short", as: Double.self)
            }
        }
    }

    func testV73VariableWithoutMATLABClass() throws {
        let plain = try path("plain.mat")
        try HDF5File.write(to: plain) { try $0.write([1.0, 2.0], to: "/values") }
        let file = try MATFile(reading: plain)
        XCTAssertEqual(file.version, .v73)
        let expected = MATFileError.corrupt(file: plain, variable: "values", reason: "/values has no MATLAB_class")
        assertThrows(expected) { try file.className(of: "values") }
        assertThrows(expected) { try file.matrix("values", as: Double.self) }
        assertThrows(expected) { try file.strings("values") }
    }
}
