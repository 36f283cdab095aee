import CHDF5
import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// Variable-length strings whose global heap references are corrupt are refused before
/// libhdf5 follows them (it would crash, loop or allocate without bound inside
/// `H5HG_read`), with the file, the variable and the element named; valid ones read as
/// before whatever the dataset's layout.
@Suite struct GlobalHeapReferenceTests {
    static let classes = ["alpha", "beta", "gamma"]

    /// A fresh file with `/classes` and the root attribute `name` = "heap-test", and its image.
    static func written(in directory: TemporaryDirectory) throws -> (path: String, image: GlobalHeapTestImage) {
        let path = directory.path("heap.h5")
        try HDF5File.write(to: path) { file in
            try file.write(classes, to: "/classes")
            try file.setAttribute("name", "heap-test")
        }
        return (path, try GlobalHeapTestImage(contentsOf: path))
    }

    /// One corruption of the fresh file and the fault it must be refused with.
    struct Corruption: Sendable, CustomTestStringConvertible {
        let name: String
        /// Whether the corrupted string is the attribute's rather than one of `/classes`.
        var attribute = false
        let corrupt: @Sendable (inout GlobalHeapTestImage) -> Void
        /// The element and fault expected, given the uncorrupted image and the file's size.
        let expected: @Sendable (GlobalHeapTestImage, Int) -> (element: Int, fault: HDF5GlobalHeapFault)

        var testDescription: String { name }
    }

    static let corruptions: [Corruption] = [
        Corruption(name: "an index no object has (the fuzzer's SIGSEGV)") {
            $0.set(UInt32(0x2700_0002), at: $0.reference(to: "beta") + 12)
        } expected: { image, _ in
            (1, .missingObject(collection: UInt64(image.collection), index: 0x2700_0002))
        },
        Corruption(name: "index 0, the free space") {
            $0.set(UInt32(0), at: $0.reference(to: "gamma") + 12)
        } expected: { image, _ in
            (2, .missingObject(collection: UInt64(image.collection), index: 0))
        },
        Corruption(name: "a length beyond the object") {
            $0.set(UInt32(0xFFFF_FFF0), at: $0.reference(to: "gamma"))
        } expected: { image, _ in
            (2, .lengthMismatch(collection: UInt64(image.collection), index: image.objectIndex(holding: "gamma"),
                                length: 0xFFFF_FFF0, size: 5))
        },
        Corruption(name: "a length short of the object") {
            $0.set(UInt32(3), at: $0.reference(to: "alpha"))
        } expected: { image, _ in
            (0, .lengthMismatch(collection: UInt64(image.collection), index: image.objectIndex(holding: "alpha"),
                                length: 3, size: 5))
        },
        Corruption(name: "a collection address beyond the file (the fuzzer's out-of-memory)") {
            $0.set(UInt64(0x0400_0000_0000_0019), at: $0.reference(to: "beta") + 4)
        } expected: { _, fileBytes in
            (1, .outsideFile(collection: 0x0400_0000_0000_0019, fileBytes: fileBytes))
        },
        Corruption(name: "an address where no collection starts") {
            $0.set(UInt64($0.collection + 16), at: $0.reference(to: "alpha") + 4)
        } expected: { image, _ in
            (0, .notACollection(collection: UInt64(image.collection + 16)))
        },
        Corruption(name: "a collection size beyond the file") {
            $0.set(UInt64($0.bytes.count), at: $0.collection + 8)
        } expected: { image, fileBytes in
            (0, .badCollectionSize(collection: UInt64(image.collection), size: UInt64(fileBytes), fileBytes: fileBytes))
        },
        Corruption(name: "a collection size smaller than its header") {
            $0.set(UInt64(8), at: $0.collection + 8)
        } expected: { image, fileBytes in
            (0, .badCollectionSize(collection: UInt64(image.collection), size: 8, fileBytes: fileBytes))
        },
        Corruption(name: "a free-space object of size 0 (the fuzzer's hang)") {
            $0.set(UInt64(0), at: $0.freeSpaceHeader() + 8)
        } expected: { image, _ in
            (0, .corruptObjectList(collection: UInt64(image.collection),
                                   offset: image.freeSpaceHeader() - image.collection, size: 0))
        },
        Corruption(name: "an object size running past the collection") {
            $0.set(UInt64(1) << 60, at: $0.objectHeader(holding: "beta") + 8)
        } expected: { image, _ in
            (0, .corruptObjectList(collection: UInt64(image.collection),
                                   offset: image.objectHeader(holding: "beta") - image.collection, size: 1 << 60))
        },
        Corruption(name: "the root attribute's index", attribute: true) {
            $0.set(UInt32(999), at: $0.reference(to: "heap-test") + 12)
        } expected: { image, _ in
            (0, .missingObject(collection: UInt64(image.collection), index: 999))
        },
    ]

    @Test(arguments: corruptions) func aCorruptReferenceIsRefusedNamingTheElement(_ corruption: Corruption) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, original) = try Self.written(in: directory)
        var image = original
        corruption.corrupt(&image)
        try image.write(to: path)
        let (element, fault) = corruption.expected(original, image.bytes.count)
        let file = try HDF5File(reading: path)
        if corruption.attribute {
            #expect(throws: HDF5Error.corruptGlobalHeapReference(file: path, path: "/", attribute: "name",
                                                                 element: element, fault: fault)) {
                try file.stringAttribute("name")
            }
            #expect(try file.readStrings("/classes") == Self.classes)
        } else {
            #expect(throws: HDF5Error.corruptGlobalHeapReference(file: path, path: "/classes", attribute: nil,
                                                                 element: element, fault: fault)) {
                try file.readStrings("/classes")
            }
        }
    }

    @Test func messagesNameTheFileTheVariableAndTheElement() throws {
        let dataset = HDF5Error.corruptGlobalHeapReference(
            file: "bad.h5", path: "/classes", attribute: nil, element: 3,
            fault: .outsideFile(collection: 7000, fileBytes: 4096))
        #expect(dataset.description == "bad.h5: /classes: variable-length string 3 points outside the file's "
                + "global heap (collection at address 7000, beyond the file's 4096 bytes)")
        #expect(dataset.isDataInputError)
        let attribute = HDF5Error.corruptGlobalHeapReference(
            file: "bad.h5", path: "/", attribute: "name", element: 0,
            fault: .lengthMismatch(collection: 6528, index: 5, length: 9, size: 8))
        #expect(attribute.description == "bad.h5: /: attribute \"name\": variable-length string 0 has length 9, "
                + "but object 5 of the global heap collection at address 6528 holds 8 bytes")
    }

    /// Seeded corruptions of 1–4 random bytes of the collection's header and first
    /// objects or of the stored strings: every read gives strings or an `HDF5Error`
    /// (without the check, libhdf5 crashes on some of them).
    @Test func randomCorruptionsAreReadOrRefusedNeverCrash() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, original) = try Self.written(in: directory)
        let regions = [original.collection..<(original.collection + 16 * 12)]
            + (Self.classes + ["heap-test"]).map { original.reference(to: $0)..<(original.reference(to: $0) + 16) }
        var generator = SeededGenerator(seed: 16)
        var refused = 0
        for _ in 0..<400 {
            var image = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let region = regions.randomElement(using: &generator)!
                image.bytes[Int.random(in: region, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            try image.write(to: path)
            let file = try HDF5File(reading: path)
            do {
                _ = try file.readStrings("/classes")
                _ = try file.stringAttribute("name")
            } catch is HDF5Error {
                refused += 1
            }
        }
        #expect(refused > 100, "\(refused) of 400 refused")
    }

    /// Layouts `HDF5File` does not write: the stored strings are read through the same
    /// conversion whether the data sits in the object header, in chunks, or compressed.
    enum Layout: String, CaseIterable, Sendable {
        case compact, chunked, compressed
    }

    /// Writes `strings` to `/classes` with `layout` through the C API.
    static func write(_ strings: [String], layout: Layout, to path: String) {
        H5Eset_auto2(hashlab_H5E_DEFAULT(), nil, nil)
        let file = H5Fcreate(path, hashlab_H5F_ACC_TRUNC(), hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT())
        defer { H5Fclose(file) }
        let type = H5Tcopy(hashlab_H5T_C_S1())
        defer { H5Tclose(type) }
        H5Tset_size(type, hashlab_H5T_VARIABLE())
        var dimension = hsize_t(strings.count)
        let dataspace = H5Screate_simple(1, &dimension, nil)
        defer { H5Sclose(dataspace) }
        let properties = H5Pcreate(hashlab_H5P_DATASET_CREATE())
        defer { H5Pclose(properties) }
        var chunk: hsize_t = 2
        switch layout {
        case .compact: H5Pset_layout(properties, H5D_COMPACT)
        case .chunked: H5Pset_chunk(properties, 1, &chunk)
        case .compressed:
            H5Pset_chunk(properties, 1, &chunk)
            H5Pset_deflate(properties, 6)
        }
        let dataset = H5Dcreate2(file, "/classes", type, dataspace, hashlab_H5P_DEFAULT(), properties,
                                 hashlab_H5P_DEFAULT())
        defer { H5Dclose(dataset) }
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        precondition(H5Dwrite(dataset, type, hashlab_H5S_ALL(), hashlab_H5S_ALL(), hashlab_H5P_DEFAULT(),
                              pointers) >= 0)
    }

    @Test(arguments: Layout.allCases) func everyLayoutReadsAndIsChecked(_ layout: Layout) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("\(layout).h5")
        let strings = ["alpha", "", "gamma", "delta epsilon"]
        Self.write(strings, layout: layout, to: path)
        #expect(try HDF5File(reading: path).readStrings("/classes") == strings)
        guard layout != .compressed else { return }
        var image = try GlobalHeapTestImage(contentsOf: path)
        image.set(UInt32(77), at: image.reference(to: "gamma") + 12)
        try image.write(to: path)
        #expect(throws: HDF5Error.corruptGlobalHeapReference(
            file: path, path: "/classes", attribute: nil, element: 2,
            fault: .missingObject(collection: UInt64(image.collection), index: 77))) {
            try HDF5File(reading: path).readStrings("/classes")
        }
    }
}
