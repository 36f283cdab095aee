import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// Values at the edges of every stored type, written and read back bit for bit.
@Suite struct HDF5RoundTripTests {
    let floats: [Float] = [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, -0.0, 0,
                           .leastNonzeroMagnitude, .infinity, -.infinity, .nan, 1.5]
    let doubles: [Double] = [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, -0.0, 0,
                             .leastNonzeroMagnitude, .infinity, -.infinity, .nan, 1e-300]
    let bytes: [UInt8] = [0, 1, 127, 128, 255]
    let signedBytes: [Int8] = [.min, -1, 0, 1, .max]
    let int32s: [Int32] = [.min, -1, 0, 1, .max]
    let int64s: [Int64] = [.min, -1, 0, 1, .max]
    let uint64s: [UInt64] = [0, 1, UInt64(Int64.max) + 1, .max]

    @Test func vectorsOfEveryTypeRoundTrip() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/vectors.h5"
            try HDF5File.write(to: path) { file in
                try file.write(floats, to: "/float32")
                try file.write(doubles, to: "/float64")
                try file.write(bytes, to: "/uint8")
                try file.write(signedBytes, to: "/int8")
                try file.write(int32s, to: "/int32")
                try file.write(int64s, to: "/int64")
                try file.write(uint64s, to: "/uint64")
            }
            let file = try HDF5File(reading: path)
            #expect(try file.readVector("/float32", as: Float.self).map(\.bitPattern) == floats.map(\.bitPattern))
            #expect(try file.readVector("/float64", as: Double.self).map(\.bitPattern) == doubles.map(\.bitPattern))
            #expect(try file.readVector("/uint8") == bytes)
            #expect(try file.readVector("/int8") == signedBytes)
            #expect(try file.readVector("/int32") == int32s)
            #expect(try file.readVector("/int64") == int64s)
            #expect(try file.readVector("/uint64") == uint64s)
            let types: [String: HDF5ElementType] = [
                "/float32": .float32, "/float64": .float64, "/uint8": .uint8, "/int8": .int8,
                "/int32": .int32, "/int64": .int64, "/uint64": .uint64,
            ]
            for (datasetPath, type) in types {
                #expect(try file.elementType(of: datasetPath) == type)
            }
            #expect(try file.shape(of: "/uint64") == [4])
        }
    }

    @Test func matricesOfEveryTypeRoundTripRowMajor() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/matrices.h5"
            try HDF5File.write(to: path) { file in
                try file.write(Self.twoRows(floats), to: "/float32")
                try file.write(Self.twoRows(doubles), to: "/float64")
                try file.write(Self.twoRows(bytes), to: "/uint8")
                try file.write(Self.twoRows(signedBytes), to: "/int8")
                try file.write(Self.twoRows(int32s), to: "/int32")
                try file.write(Self.twoRows(int64s), to: "/int64")
                try file.write(Self.twoRows(uint64s), to: "/uint64")
            }
            let file = try HDF5File(reading: path)
            let float32 = try file.readMatrix("/float32", as: Float.self)
            #expect(float32.shape == (2, floats.count))
            #expect(float32.elements.map(\.bitPattern) == Self.twoRows(floats).elements.map(\.bitPattern))
            let float64 = try file.readMatrix("/float64", as: Double.self)
            #expect(float64.elements.map(\.bitPattern) == Self.twoRows(doubles).elements.map(\.bitPattern))
            #expect(try file.readMatrix("/uint8") == Self.twoRows(bytes))
            #expect(try file.readMatrix("/int8") == Self.twoRows(signedBytes))
            #expect(try file.readMatrix("/int32") == Self.twoRows(int32s))
            #expect(try file.readMatrix("/int64") == Self.twoRows(int64s))
            let uint64 = try file.readMatrix("/uint64", as: UInt64.self)
            #expect(uint64 == Self.twoRows(uint64s))
            #expect(uint64[1, 0] == .max)
            #expect(try file.shape(of: "/int32") == [2, int32s.count])
        }
    }

    @Test func emptyDatasetsKeepTheirShape() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/empty.h5"
            try HDF5File.write(to: path) { file in
                try file.write(Matrix<Float>(rows: 0, columns: 7, elements: []), to: "/rows")
                try file.write(Matrix<Int32>(rows: 3, columns: 0, elements: []), to: "/columns")
                try file.write([UInt64](), to: "/vector")
                try file.write([String](), to: "/strings")
            }
            let file = try HDF5File(reading: path)
            let rows = try file.readMatrix("/rows", as: Float.self)
            #expect(rows.shape == (0, 7))
            #expect(try file.readMatrix("/columns", as: Int32.self).shape == (3, 0))
            #expect(try file.readVector("/vector", as: UInt64.self).isEmpty)
            #expect(try file.readStrings("/strings").isEmpty)
            #expect(try file.shape(of: "/rows") == [0, 7])
        }
    }

    @Test func variableLengthStringsRoundTrip() throws {
        let strings = ["cat", "Ångström", "", "日本語 text", "with spaces  "]
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/strings.h5"
            try HDF5File.write(to: path) { try $0.write(strings, to: "/classes") }
            let file = try HDF5File(reading: path)
            #expect(try file.readStrings("/classes") == strings)
            #expect(try file.elementType(of: "/classes") == .string)
            #expect(try file.shape(of: "/classes") == [strings.count])
        }
    }

    @Test func fixedLengthStringsAreCutByTheirPadding() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/fixed.h5"
            HDF5Fixtures.writeForeignLayouts(to: path)
            let file = try HDF5File(reading: path)
            #expect(try file.readStrings("/nullpad") == ["abc", "", "Ångström"])
            #expect(try file.readStrings("/spacepad") == ["ab", "", "a b"])
            #expect(try file.readStrings("/nullterm") == ["abc", "x"])
            #expect(try file.elementType(of: "/nullpad") == .string)
        }
    }

    @Test func foreignNumericLayoutsAreClassified() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/foreign.h5"
            HDF5Fixtures.writeForeignLayouts(to: path)
            let file = try HDF5File(reading: path)
            #expect(try file.readVector("/bigendian", as: Float.self) == [1.5, -2])
            #expect(try file.elementType(of: "/bigendian") == .float32)
            #expect(try file.elementType(of: "/uint16") == .uint16)
            #expect(try file.shape(of: "/scalar") == [])
        }
    }

    @Test func groupsNestAndListTheirMembersSorted() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/groups.h5"
            try HDF5File.write(to: path) { file in
                try file.write([Int32(1), 2], to: "/splits/proposed/trainval")
                try file.write([Int32(3)], to: "splits//proposed/test_unseen")
                try file.write([Int32(4)], to: "/splits/proposed/test_seen")
                try file.createGroup("/features/deep/er")
                try file.createGroup("/features/deep/er")
                try file.createGroup("/features")
                try file.write(Matrix<Float>.zeros(rows: 2, columns: 2), to: "/features/image")
            }
            let file = try HDF5File(reading: path)
            #expect(try file.members(ofGroup: "/") == ["features", "splits"])
            #expect(try file.members(ofGroup: "/splits/proposed") == ["test_seen", "test_unseen", "trainval"])
            #expect(try file.members(ofGroup: "/features") == ["deep", "image"])
            #expect(try file.members(ofGroup: "/features/deep/er") == [])
            #expect(try file.readVector("/splits/proposed/test_unseen", as: Int32.self) == [3])
            #expect(file.exists("/"))
            #expect(file.exists("/splits/proposed/trainval"))
            #expect(file.exists("splits/proposed"))
            #expect(!file.exists("/splits/other"))
            #expect(!file.exists("/missing/deeply/nested"))
            #expect(!file.exists("/features/image/below"))
        }
    }

    @Test func libraryVersionHasThreeNumbers() {
        let parts = HDF5Library.version.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { Int($0) != nil })
    }

    @Test func theSameContentsWrittenTwiceGiveTheSameBytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in ["a.h5", "b.h5"] {
            try HDF5File.write(to: directory.path(name)) { file in
                try file.write(Self.twoRows(floats), to: "/group/values")
                try file.write(["x", "y"], to: "/names")
                try file.setAttribute("seed", "1")
            }
            Thread.sleep(forTimeInterval: 1.1)
        }
        let first = try Data(contentsOf: directory.url.appendingPathComponent("a.h5"))
        let second = try Data(contentsOf: directory.url.appendingPathComponent("b.h5"))
        #expect(first == second)
    }

    /// A 2 × n matrix whose first row is `values` and whose second row is `values`
    /// reversed.
    private static func twoRows<Scalar>(_ values: [Scalar]) -> Matrix<Scalar> {
        Matrix(rows: 2, columns: values.count, elements: values + values.reversed())
    }
}
