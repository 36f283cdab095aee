import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// Shapes a file cannot back are refused before anything is allocated for them.
@Suite struct DeclaredSizeTests {
    /// A file with `/labels`, `/classes` and `/features/image` declared as `shape`, never written.
    static func declaring(_ shape: [Int], layout: DeclaredShapeTestWriter.Layout,
                          in directory: TemporaryDirectory) throws -> (path: String, bytes: Int) {
        let path = directory.path("declared.h5")
        try HDF5File.write(to: path) { file in
            try file.write(Matrix<UInt8>(rows: 4, columns: 1, repeating: 1), to: "/labels")
            try file.write(["a"], to: "/classes")
        }
        DeclaredShapeTestWriter.declare("/features/image", shape: shape, layout: layout, in: path)
        let bytes = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).intValue
        return (path, bytes)
    }

    @Test func theIssuesFileOf2000By5e7FloatsIsRefusedByEveryReader() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, fileBytes) = try Self.declaring([2000, 50_000_000], layout: .contiguous, in: directory)
        #expect(fileBytes < 30_000, "the file stays small: \(fileBytes) bytes")
        let expected = HDF5Error.declaredSizeTooLarge(file: path, path: "/features/image", shape: [2000, 50_000_000],
                                                      bytes: 2000 * 50_000_000 * 4, limit: fileBytes,
                                                      reason: "the whole file holds")
        let file = try HDF5File(reading: path)
        #expect(throws: expected) { try file.shape(of: "/features/image") }
        #expect(throws: expected) { try file.readMatrix("/features/image", as: Float.self) }
        #expect(throws: expected) { try file.readRows("/features/image", 0..<1, as: Float.self) }
        #expect(throws: expected) { try file.readConverting("/features/image", as: Double.self) }
        #expect(throws: expected) { try Dataset(path: path) }
        #expect(expected.description == "\(path): /features/image: declared shape [2000, 50000000] needs "
                + "400000000000 bytes, more than the whole file holds (\(fileBytes) bytes); refusing to read it")
    }

    @Test func chunkedDataIsBoundedByTheLargestCompressionRatio() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, fileBytes) = try Self.declaring([4, 50_000_000], layout: .chunked(rows: 1), in: directory)
        #expect(throws: HDF5Error.declaredSizeTooLarge(
            file: path, path: "/features/image", shape: [4, 50_000_000], bytes: 800_000_000,
            limit: fileBytes * HDF5File.maximumExpansion,
            reason: "\(HDF5File.maximumExpansion) times the file's size for chunked data")) {
            try HDF5File(reading: path).shape(of: "/features/image")
        }
    }

    @Test func aShapeWhoseByteCountOverflowsIsRefusedWithoutACount() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, fileBytes) = try Self.declaring([1 << 30, 1 << 31], layout: .contiguous, in: directory)
        #expect(throws: HDF5Error.declaredSizeTooLarge(file: path, path: "/features/image", shape: [1 << 30, 1 << 31],
                                                       bytes: nil, limit: fileBytes, reason: "the whole file holds")) {
            try HDF5File(reading: path).shape(of: "/features/image")
        }
    }

    @Test func smallDeclaredButUnwrittenDataIsStillRead() throws {
        // A dataset h5py created without data reads as its fill value (0) when the file can hold it.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, _) = try Self.declaring([3, 2], layout: .contiguous, in: directory)
        #expect(try HDF5File(reading: path).readMatrix("/features/image", as: Float.self).elements == [0, 0, 0, 0, 0, 0])
    }

    /// The DatasetFuzzer's compact findings, built: a compact `/classes` whose layout
    /// message (version 3, class 0 = compact, a 2-byte size, then the stored strings)
    /// is made to declare 0 bytes of data. libhdf5 1.10.8 copied the 64 bytes the shape
    /// needs from a NULL buffer.
    @Test func compactDataShorterThanTheShapeIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("compact.h5")
        GlobalHeapReferenceTests.write(["alpha", "beta", "gamma", "delta"], layout: .compact, to: path)
        var image = try GlobalHeapTestImage(contentsOf: path)
        let data = image.reference(to: "alpha")
        #expect(Array(image.bytes[(data - 4)..<data]) == [3, 0, 64, 0], "the layout message precedes the data")
        image.set(UInt16(0), at: data - 2)
        try image.write(to: path)
        #expect(throws: HDF5Error.declaredSizeTooLarge(file: path, path: "/classes", shape: [4], bytes: 64, limit: 0,
                                                       reason: "the compact data in its object header holds")) {
            try HDF5File(reading: path).readStrings("/classes")
        }
    }
}
