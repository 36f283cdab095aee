import Datasets
import HashCore
import Linalg
import TestSupport
import Testing

@Suite struct CodeFileTests {
    func sample() throws -> CodeFile {
        var generator = SeededGenerator(seed: 41)
        return CodeFile(codes: RandomFixtures.codes(count: 9, bits: 70, generator: &generator),
                        labels: RandomFixtures.labels(count: 9, classes: 5, density: 0.4,
                                                      generator: &generator))
    }

    @Test func packedCodesRoundTripWithTheirLength() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let original = try sample()
        try original.write(to: directory.path("codes.h5"))
        let file = try HDF5File(reading: directory.path("codes.h5"))
        #expect(try file.shape(of: "/codes") == [9, 2])
        #expect(try file.numericAttribute("bits", on: "/codes", as: Int64.self) == 70)
        #expect(try CodeFile(reading: directory.path("codes.h5")) == original)
    }

    @Test func plusMinusOneCodesOfEveryTypeReadAsTheSameCodes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let original = try sample()
        let signs: Matrix<Float> = original.codes.signs()
        let labels = Matrix<UInt8>(rows: 9, columns: 5, elements: (0..<45).map { index in
            original.labels.contains(index % 5, item: index / 5) ? 1 : 0
        })
        try HDF5File.write(to: directory.path("int8.h5")) { file in
            try file.write(signs.map { Int8($0) }, to: "/codes")
            try file.write(labels, to: "/labels")
        }
        try HDF5File.write(to: directory.path("float.h5")) { file in
            try file.write(signs, to: "/codes")
            try file.write(labels, to: "/labels")
        }
        try HDF5File.write(to: directory.path("double.h5")) { file in
            try file.write(signs.map { Double($0) }, to: "/codes")
            try file.write(labels, to: "/labels")
        }
        for name in ["int8.h5", "float.h5", "double.h5"] {
            #expect(try CodeFile(reading: directory.path(name)) == original)
        }
    }

    @Test func badFilesAreErrorsNamingFileAndDataset() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("bad.h5")
        func expectError(_ fragments: [String], write body: (HDF5File) throws -> Void) throws {
            try HDF5File.write(to: path, body)
            do {
                _ = try CodeFile(reading: path)
                Issue.record("reading \(fragments) should fail")
            } catch {
                for fragment in fragments + ["bad.h5"] {
                    #expect("\(error)".contains(fragment), "\(error) should mention \(fragment)")
                }
            }
        }
        let labels = Matrix<UInt8>(rows: 2, columns: 2, elements: [1, 0, 0, 1])
        try expectError(["/labels"]) { file in
            try file.write(Matrix<Int8>(rows: 2, columns: 3, elements: [1, -1, 1, 1, 1, -1]), to: "/codes")
        }
        try expectError(["/codes", "row 1, column 2"]) { file in
            try file.write(Matrix<Float>(rows: 2, columns: 3, elements: [1, -1, 1, 1, 1, 0.5]), to: "/codes")
            try file.write(labels, to: "/labels")
        }
        try expectError(["/codes", "bits"]) { file in
            try file.write(Matrix<UInt64>(rows: 2, columns: 1, elements: [1, 2]), to: "/codes")
            try file.setAttribute("bits", Int64(65), on: "/codes")
            try file.write(labels, to: "/labels")
        }
        try expectError(["/codes", "beyond the code length"]) { file in
            try file.write(Matrix<UInt64>(rows: 2, columns: 1, elements: [1, 16]), to: "/codes")
            try file.setAttribute("bits", Int64(4), on: "/codes")
            try file.write(labels, to: "/labels")
        }
        try expectError(["/labels", "not 0 or 1"]) { file in
            try file.write(Matrix<UInt64>(rows: 2, columns: 1, elements: [1, 2]), to: "/codes")
            try file.write(Matrix<UInt8>(rows: 2, columns: 2, elements: [1, 0, 0, 3]), to: "/labels")
        }
        try expectError(["/codes", "/labels", "has 3"]) { file in
            try file.write(Matrix<UInt64>(rows: 2, columns: 1, elements: [1, 2]), to: "/codes")
            try file.write(Matrix<UInt8>(rows: 3, columns: 1, elements: [1, 0, 1]), to: "/labels")
        }
        try expectError(["/codes", "int32"]) { file in
            try file.write(Matrix<Int32>(rows: 2, columns: 1, elements: [1, -1]), to: "/codes")
            try file.write(labels, to: "/labels")
        }
    }
}
