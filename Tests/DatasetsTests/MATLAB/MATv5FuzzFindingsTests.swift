import Datasets
import Foundation
import Testing
import TestSupport

/// Inputs the MAT v5 fuzzer (`make fuzz`, Fuzz/Sources/MATv5Fuzzer) found to trap the
/// reader, each now a ``MATFileError`` naming the file and variable.
@Suite struct MATv5FuzzFindingsTests {
    /// A SciPy-written file whose cell array `allclasses_names` the fuzzer gave the
    /// dimensions [1, -50331646]: counting its cells trapped ("Range requires
    /// lowerBound <= upperBound").
    static let negativeCellDimensions = [
            "TUFUTEFCIDUuMCBNQVQtZmlsZSBQbGF0Zm9ybTogcG9zaXgsIENyZWF0ZWQgb246cmVhdGVkIG9uOiBUaHUgRGVjICAzIDE5OjM3",
            "OjI0IDIwMjYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAOSU0OAAAAYAAAAAYAAAAIAAAABgAAAAAA",
            "AAAFAAAACAAAAAIAAAADAAAAAQABAFgAAAAJAAAAMAAAAAAAAAAAAPA/AAAAAAAA8D8AAAAAAADwPwAAAAAAAPA/AAAAAAAA8D8A",
            "AAAAAADwPw4AAACAAAAABgAAAAgAAAAGAAAAAAAAAAUAAAAIAAAAAgACAAUAAAABAAMAYXR0AAkAAABQAAAATdtPYHRxsr+lUlaQ",
            "ijPgv1lyfMFnO+6/7ELM9Pv/4j/Frxp6OCi5v5RkfY9whOw/lutNYJPxuD+/ycVTx4jUP3OZrvhbOKI/Lq5nKPEu6r8OAAAAqAAA",
            "AAYAAAAIAAAAAQAAAAAAAAAFAAAACAAAAAEAAAACAAD9AQAAABAAAABhbGxjbGFzc2VzX25hbWVzDgAAADAAAAAGAAAACAAAAAYA",
            "AAAAAAAABQAAAAgAAAABAAAAAQAAAAEAAAAAAAAAEAABAGEAAAAOAAAAMAAAAAYAAAAIAAAABAAAAAAAAAAFAAAACAAAAAEAQAAB",
            "AAAAAQAAAAAAAAAQAAEAYgAAAA=="
    ].joined()

    @Test func negativeCellDimensionsAreCorrupt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("finding.mat")
        try #require(Data(base64Encoded: Self.negativeCellDimensions)).write(to: URL(fileURLWithPath: path))
        let file = try MATFile(reading: path)
        #expect(file.variableNames == ["X", "att", "allclasses_names"])
        #expect(try file.dimensions(of: "X") == [2, 3])
        #expect(throws: MATFileError.corrupt(file: path, variable: "allclasses_names",
                                             reason: "dimensions [1, -50331646] are negative or too large")) {
            try file.dimensions(of: "allclasses_names")
        }
    }

    /// A SciPy-written file of char arrays and a cell of strings, mutated so that a char
    /// array has dimensions but no data element: reading its strings indexed past the
    /// end ("Index out of range").
    static let charArrayWithoutData = [
        "TUFUTEFCIDUuMCBNQVQtZmlsZSBQbGF0Zm9ybTogcG9zaXgsIENyZWF0ZWQgb246IFRodSBEZWMgIDMgMTk6Mzc6MjQgMjAyNgAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABSU0OAAAAMAAAAAYAAAAIAAAABAAAAAAA",
        "AAAFAAAACwAAAAEAAAAEAAAAAQAEAG5hbWUQAAQAYXdhMg4AAACgAAAABgAAAAgAAAABAAAAAAAAAAUAAAAIAAAAAQAAAAIAAAAB",
        "AAAABwAAAGNsYXNzZXMADgAAADD/////////JAAAAAQAAAAAAAAABQAAAAgAAAABAAAAAwAAAAEAAAAAAAAAEAADAGNhdAAOAAAA",
        "MAAAAAYAAAAIAAAABAAAAAAAAAAFAAAACAAAAAEAAAADAAAAAQAAAAAAAAAQAAMAZG9nAA=="
    ].joined()

    @Test func aCharArrayWithoutDataIsCorrupt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("finding.mat")
        try #require(Data(base64Encoded: Self.charArrayWithoutData)).write(to: URL(fileURLWithPath: path))
        let file = try MATFile(reading: path)
        var errors: [MATFileError] = []
        for name in file.variableNames {
            do {
                _ = try file.strings(name)
            } catch let error as MATFileError {
                errors.append(error)
            }
        }
        #expect(errors.contains { error in
            if case let .corrupt(file, _, reason) = error { return file == path && reason.contains(" values for dimensions ") }
            return false
        }, "\(errors)")
    }

    /// SciPy's 4 × 4 sparse identity `S`, mutated to dimensions [67371008, 67108864]:
    /// its dense form (36 PB) trapped the allocation ("failed to allocate").
    static let hugeSparseMatrix = [
        "TUFUTEFCIDUuMCBNQVQtZmlsZSBQMGF0Zm9ybTogcG9zaXgsIENyZWF0ZWQgb246IFRodSBEZWMgIDMgMTk6Mzc6MjQgMjAyNgAA",
        "AAAABwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACQBSU0OAAAAiAAAAAYAAAAIAAAABQAAAAQA",
        "AAAFAAAACAAAAAAABAQAAAAEAQABAFMAAAAFAAAAEAAAAAAAAAAAAwAAAgAAAAMAAAAFAAAAFAAAAAAAAAABAAAAAgAAAAMAAAAE",
        "AAAAAAAAAAkAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPA/AAAAAAAA8D8="
    ].joined()

    @Test func aSparseMatrixTooLargeToExpandIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("finding.mat")
        try #require(Data(base64Encoded: Self.hugeSparseMatrix)).write(to: URL(fileURLWithPath: path))
        let file = try MATFile(reading: path)
        #expect(try file.dimensions(of: "S") == [67_371_008, 67_108_864])
        #expect(throws: MATFileError.tooLarge(file: path, variable: "S", dimensions: [67_371_008, 67_108_864],
                                              limit: 2_147_483_648)) {
            try file.matrix("S", as: Double.self)
        }
    }
}
