import Datasets
import FileIO
import Foundation
import Testing

/// `HDF5File.write(to:_:)` replaces its destination only when the whole body succeeds.
@Suite struct AtomicWriteTests {
    struct Interruption: Error {}

    @Test func failedWriteLeavesTheOldFileAndNoTemporaryFiles() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/dataset.h5"
            try HDF5File.write(to: path) { file in
                try file.write([Float](repeating: 1, count: 1000), to: "/features/image")
                try file.setAttribute("name", "original")
            }
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(throws: Interruption.self) {
                try HDF5File.write(to: path) { file in
                    try file.write([Float](repeating: 2, count: 5000), to: "/features/image")
                    try file.setAttribute("name", "replacement")
                    throw Interruption()
                }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["dataset.h5"])
            #expect(try HDF5File(reading: path).stringAttribute("name") == "original")
        }
    }

    @Test func successfulWriteReplacesTheFileAndLeavesNoTemporaryFiles() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/dataset.h5"
            try HDF5File.write(to: path) { try $0.setAttribute("version", Int32(1)) }
            try HDF5File.write(to: path) { file in
                #expect(file.path == path)
                try file.setAttribute("version", Int32(2))
            }
            #expect(try HDF5File(reading: path).numericAttribute("version", as: Int32.self) == 2)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["dataset.h5"])
        }
    }

    @Test func failedFirstWriteCreatesNothing() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            #expect(throws: Interruption.self) {
                try HDF5File.write(to: directory + "/new.h5") { _ in throw Interruption() }
            }
            let contents = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(contents.isEmpty)
        }
    }

    @Test func aMissingDirectoryIsAnAtomicWriteErrorWithTheSystemsReason() throws {
        try HDF5Fixtures.withTemporaryDirectory { directory in
            let path = directory + "/absent/new.h5"
            let error = try #require(#expect(throws: AtomicWriteError.self) {
                try HDF5File.write(to: path) { try $0.setAttribute("name", "x") }
            })
            #expect(error.file == path && error.step == .creating && error.code == ENOENT)
            #expect(error.description.hasSuffix(": No such file or directory"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        }
    }
}
