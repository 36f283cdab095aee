import Datasets
import FileIO
import Foundation
import Linalg
import Testing

/// Every failure is an `HDF5Error` whose description names the file and the object.
@Suite struct HDF5ErrorTests {
    @Test func missingFile() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/absent.h5"
            let error = #expect(throws: HDF5Error.self) { try HDF5File(reading: path) }
            #expect(error == .fileNotFound(file: path))
            #expect(error?.description == "\(path): no such file")
        }
    }

    @Test func fileWithoutHDF5Signature() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/notes.h5"
            try Data("just some text, not HDF5\n".utf8).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: HDF5Error.self) { try HDF5File(reading: path) }
            #expect(error == .notHDF5(file: path))
            #expect(error?.description.contains("notes.h5") == true)
        }
    }

    @Test func truncatedFile() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/truncated.h5"
            let features = Matrix<Float>(rows: 1000, columns: 500, repeating: 0.25)
            try HDF5File.write(to: path) { file in
                try file.write(features, to: "/features/image")
                try file.write(["a", "b"], to: "/classes")
            }
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: UInt64(size / 2))
            try handle.close()
            let error = #expect(throws: HDF5Error.self) {
                let file = try HDF5File(reading: path)
                _ = try file.readMatrix("/features/image", as: Float.self)
            }
            let expected: [HDF5Error] = [
                .unreadableFile(file: path), .readFailed(file: path, path: "/features/image"),
            ]
            #expect(error.map(expected.contains) == true)
            #expect(error?.description.contains("truncated.h5") == true)
        }
    }

    @Test func missingDatasetAndWrongObjectKinds() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = try Self.writeSample(in: directory)
            let file = try HDF5File(reading: path)
            let missing = #expect(throws: HDF5Error.self) { try file.readVector("/labels/extra", as: UInt8.self) }
            #expect(missing == .missingObject(file: path, path: "/labels/extra"))
            #expect(missing?.description == "\(path): /labels/extra: no such object")
            let group = #expect(throws: HDF5Error.self) { try file.readMatrix("/features", as: Float.self) }
            #expect(group == .notADataset(file: path, path: "/features"))
            let dataset = #expect(throws: HDF5Error.self) { try file.members(ofGroup: "/labels") }
            #expect(dataset == .notAGroup(file: path, path: "/labels"))
            for error in [missing, group, dataset].compactMap({ $0 }) {
                #expect(error.description.contains("sample.h5"))
            }
        }
    }

    @Test func wrongRankEitherWay() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = try Self.writeSample(in: directory)
            let file = try HDF5File(reading: path)
            let matrixAsVector = #expect(throws: HDF5Error.self) {
                try file.readVector("/features/image", as: Float.self)
            }
            #expect(matrixAsVector == .wrongRank(file: path, path: "/features/image", expected: 1, found: [3, 2]))
            #expect(matrixAsVector?.description == "\(path): /features/image: expected a 1-D dataset, found 2-D [3, 2]")
            let vectorAsMatrix = #expect(throws: HDF5Error.self) { try file.readMatrix("/splits/train", as: Int32.self) }
            #expect(vectorAsMatrix == .wrongRank(file: path, path: "/splits/train", expected: 2, found: [4]))
            #expect(vectorAsMatrix?.description.contains("/splits/train") == true)
            let stringsAsMatrix = #expect(throws: HDF5Error.self) { try file.readStrings("/features/image") }
            #expect(stringsAsMatrix == .wrongRank(file: path, path: "/features/image", expected: 1, found: [3, 2]))

            let foreignPath = directory + "/foreign.h5"
            HDF5Fixtures.writeForeignLayouts(to: foreignPath)
            let foreign = try HDF5File(reading: foreignPath)
            let scalar = #expect(throws: HDF5Error.self) { try foreign.readVector("/scalar", as: Double.self) }
            #expect(scalar?.description == "\(foreignPath): /scalar: expected a 1-D dataset, found a scalar")
        }
    }

    @Test func wrongElementType() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = try Self.writeSample(in: directory)
            let file = try HDF5File(reading: path)
            let narrower = #expect(throws: HDF5Error.self) { try file.readVector("/scores", as: Float.self) }
            #expect(narrower == .wrongType(file: path, path: "/scores", expected: .float32, found: .float64))
            #expect(narrower?.description == "\(path): /scores: expected float32 elements, found float64")
            let signedness = #expect(throws: HDF5Error.self) { try file.readMatrix("/labels", as: Int8.self) }
            #expect(signedness == .wrongType(file: path, path: "/labels", expected: .int8, found: .uint8))
            let numbersAsStrings = #expect(throws: HDF5Error.self) { try file.readStrings("/scores") }
            #expect(numbersAsStrings == .wrongType(file: path, path: "/scores", expected: .string, found: .float64))
            let stringsAsNumbers = #expect(throws: HDF5Error.self) { try file.readVector("/classes", as: UInt8.self) }
            #expect(stringsAsNumbers == .wrongType(file: path, path: "/classes", expected: .uint8, found: .string))
            #expect(stringsAsNumbers?.description.contains("sample.h5: /classes:") == true)
        }
    }

    @Test func writeErrors() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/conflicts.h5"
            var errors: [HDF5Error?] = []
            try HDF5File.write(to: path) { file in
                try file.write([Int32(1)], to: "/splits/train")
                errors.append(#expect(throws: HDF5Error.self) { try file.write([Int32(2)], to: "/splits/train") })
                errors.append(#expect(throws: HDF5Error.self) { try file.write([Float(2)], to: "/splits/train/x") })
                errors.append(#expect(throws: HDF5Error.self) { try file.createGroup("/splits/train") })
                errors.append(#expect(throws: HDF5Error.self) { try file.write(["a\0b"], to: "/splits/names") })
            }
            #expect(errors == [
                .alreadyExists(file: path, path: "/splits/train"),
                .notAGroup(file: path, path: "/splits/train"),
                .notAGroup(file: path, path: "/splits/train"),
                .unrepresentableString(file: path, path: "/splits/names"),
            ])
            let readOnly = try HDF5File(reading: path)
            let error = #expect(throws: HDF5Error.self) { try readOnly.write([UInt8(1)], to: "/more") }
            #expect(error == .writeFailed(file: path, path: "/more"))
            // A missing directory is an I/O error, not an HDF5 one (AtomicWriteTests checks its fields).
            let noDirectory = directory + "/absent/out.h5"
            let creation = #expect(throws: AtomicWriteError.self) { try HDF5File.write(to: noDirectory) { _ in } }
            #expect(creation?.description.hasPrefix("\(noDirectory): cannot write the file: creating ") == true)
        }
    }

    /// Writes `sample.h5`: float32 `/features/image` [3, 2], uint8 `/labels` [3, 2],
    /// int32 `/splits/train` [4], float64 `/scores` [2], strings `/classes` [2].
    private static func writeSample(in directory: String) throws -> String {
        let path = directory + "/sample.h5"
        try HDF5File.write(to: path) { file in
            try file.write(Matrix<Float>(rows: 3, columns: 2, repeating: 1), to: "/features/image")
            try file.write(Matrix<UInt8>([[1, 0], [0, 1], [1, 1]]), to: "/labels")
            try file.write([Int32](0..<4), to: "/splits/train")
            try file.write([0.5, 1.5] as [Double], to: "/scores")
            try file.write(["cat", "dog"], to: "/classes")
        }
        return path
    }
}
