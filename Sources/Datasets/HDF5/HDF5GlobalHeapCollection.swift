import Foundation

/// A global heap collection, where HDF5 keeps the characters of variable-length
/// strings, parsed as libhdf5 1.10 parses it before handing out an object, but
/// refusing what would make libhdf5 read outside the collection, loop or allocate
/// without bound.
///
/// Layout (HDF5 file format specification, "Global Heap"), little-endian: the
/// signature `GCOL`, version 1, three reserved bytes and the collection's size in
/// bytes (size-of-lengths bytes, header included), padded to a multiple of 8; then
/// objects, each an index (2 bytes), a reference count (2), 4 reserved bytes, the size
/// of its data (size-of-lengths bytes) and the data padded to a multiple of 8. Object 0
/// is the free space, whose size counts its own header; space at the end too small for
/// an object header is free space as well.
///
/// libhdf5 (`H5HG__cache_heap_deserialize`, `H5HG_read`) reads the declared size
/// whole, walks the objects by each one's header plus padded size (object 0: by its
/// size alone) without checking that a step advances or stays inside, and copies an
/// object's declared size from wherever it begins into a buffer sized by the
/// referring element's length. So a free-space object of size 0 loops forever, a huge
/// size sends the walk or the copy outside memory, and an index never defined reads
/// an unset slot. This type walks the same way and throws instead; a reference it
/// accepts (``check(index:length:)``) leads libhdf5 only to bytes inside the collection,
/// copied into a buffer of exactly their size.
struct HDF5GlobalHeapCollection {
    /// The collection's address as stored (relative to the file's base address).
    let address: UInt64
    /// The size in bytes of each object's data, by index; a later object with the same
    /// index replaces an earlier one, as in libhdf5. Object 0 is not included.
    let objectSizes: [UInt32: Int]

    /// The size of a collection's header for `lengthSize`-byte lengths: 8 bytes of
    /// signature, version and reserved, the size, padded to a multiple of 8.
    static func headerSize(lengthSize: Int) -> Int {
        (8 + lengthSize + 7) / 8 * 8
    }

    /// Reads and parses the collection at `address` from the open file `descriptor`
    /// of `fileBytes` bytes, whose base address is `baseAddress` and whose lengths take
    /// `lengthSize` bytes. Reads at most the header and then the declared size, after
    /// checking that both lie inside the file.
    ///
    /// - Throws: ``HDF5GlobalHeapFault/outsideFile(collection:fileBytes:)``,
    ///   ``HDF5GlobalHeapFault/notACollection(collection:)``,
    ///   ``HDF5GlobalHeapFault/badCollectionSize(collection:size:fileBytes:)``,
    ///   ``HDF5GlobalHeapFault/unreadable(collection:)``, or what ``init(bytes:address:lengthSize:)``
    ///   throws.
    static func read(at address: UInt64, from descriptor: Int32, fileBytes: Int, baseAddress: UInt64,
                     lengthSize: Int) throws(HDF5GlobalHeapFault) -> Self {
        let headerSize = headerSize(lengthSize: lengthSize)
        let (start, overflow) = baseAddress.addingReportingOverflow(address)
        guard !overflow, start <= UInt64(fileBytes), UInt64(fileBytes) - start >= UInt64(headerSize) else {
            throw .outsideFile(collection: address, fileBytes: fileBytes)
        }
        let header = try bytes(headerSize, at: Int(start), from: descriptor, collection: address)
        guard header.starts(with: Array("GCOL".utf8)), header[4] == 1 else {
            throw .notACollection(collection: address)
        }
        let size = littleEndian(header[8..<(8 + lengthSize)])
        guard size >= UInt64(headerSize), size <= UInt64(fileBytes) - start else {
            throw .badCollectionSize(collection: address, size: size, fileBytes: fileBytes)
        }
        return try Self(bytes: bytes(Int(size), at: Int(start), from: descriptor, collection: address),
                        address: address, lengthSize: lengthSize)
    }

    /// Parses a whole collection, `bytes` being its declared size from its first byte
    /// (header included; the header's fields are not checked here).
    ///
    /// - Throws: ``HDF5GlobalHeapFault/corruptObjectList(collection:offset:size:)`` for the
    ///   first object whose step would not advance or would leave the collection.
    init(bytes: [UInt8], address: UInt64, lengthSize: Int) throws(HDF5GlobalHeapFault) {
        self.address = address
        let objectHeaderSize = 8 + lengthSize
        var sizes: [UInt32: Int] = [:]
        var offset = Self.headerSize(lengthSize: lengthSize)
        while offset + objectHeaderSize <= bytes.count {
            let index = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            let size = Self.littleEndian(bytes[(offset + 8)..<(offset + objectHeaderSize)])
            let remaining = UInt64(bytes.count - offset)
            let step: UInt64
            if index == 0 {
                step = size
            } else {
                // The header plus the size rounded up to a multiple of 8, without overflowing.
                step = size > remaining ? remaining + 1 : UInt64(objectHeaderSize) + (size + 7) / 8 * 8
            }
            guard step > 0, step <= remaining else {
                throw .corruptObjectList(collection: address, offset: offset, size: size)
            }
            if index > 0 { sizes[index] = Int(size) }
            offset += Int(step)
        }
        objectSizes = sizes
    }

    /// Checks that the collection holds object `index` (not 0) of exactly `length`
    /// bytes, the length a variable-length string element declares for it.
    ///
    /// - Throws: ``HDF5GlobalHeapFault/missingObject(collection:index:)`` or
    ///   ``HDF5GlobalHeapFault/lengthMismatch(collection:index:length:size:)``.
    func check(index: UInt32, length: UInt32) throws(HDF5GlobalHeapFault) {
        guard let size = objectSizes[index] else { throw .missingObject(collection: address, index: index) }
        guard size == Int(length) else {
            throw .lengthMismatch(collection: address, index: index, length: length, size: size)
        }
    }

    /// The unsigned little-endian integer in `bytes`; `UInt64.max` when it needs more
    /// than 64 bits.
    static func littleEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for (position, byte) in bytes.enumerated() where byte != 0 {
            guard position < 8 else { return .max }
            value |= UInt64(byte) << (8 * position)
        }
        return value
    }

    /// `count` bytes at byte `offset` of the file open as `descriptor`.
    private static func bytes(_ count: Int, at offset: Int, from descriptor: Int32,
                              collection: UInt64) throws(HDF5GlobalHeapFault) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done))
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw .unreadable(collection: collection) }
            done += got
        }
        return bytes
    }
}
