import CHDF5

/// Variable-length string elements as HDF5 stores them in a dataset or attribute,
/// read without libhdf5 following them into the global heap.
///
/// A stored element is, little-endian, the string's length in bytes (4 bytes), the
/// address of the global heap collection holding its characters (size-of-offsets
/// bytes) and the object's index in that collection (4 bytes); an address of 0 is an
/// empty (null) string, which libhdf5 reads without visiting the heap (HDF5 file
/// format specification, "Global Heap ID"; libhdf5's `H5T__vlen_disk_*`).
///
/// libhdf5 offers no read of these bytes, so this registers (once per process,
/// `H5Tregister`) a soft conversion from a variable-length string to an opaque type
/// carrying ``tag``, that leaves the stored bytes as they are. It accepts only a
/// source whose elements are the stored form, of the opaque type's size (a string in
/// memory, a pointer, is never that size), so ``memoryType(addressSize:)`` given to
/// `H5Dread` or `H5Aread` yields the stored elements, whatever the dataset's layout.
enum HDF5StoredVariableLength {
    /// One stored element.
    struct Element: Equatable {
        /// The string's length in bytes.
        let length: UInt32
        /// The global heap collection's address, relative to the file's base address;
        /// 0 for a null string.
        let collection: UInt64
        /// The object's index in the collection.
        let index: UInt32
    }

    /// The opaque type's tag, which the conversion requires of its destination.
    static let tag = "hashlab: variable-length string as stored"

    /// The size of a stored element in a file whose addresses take `addressSize` bytes.
    static func elementSize(addressSize: Int) -> Int {
        4 + addressSize + 4
    }

    /// A memory type reading the stored elements of a file whose addresses take
    /// `addressSize` bytes, for the caller to close with `H5Tclose`; `nil` when HDF5
    /// fails to create it or to register the conversion.
    static func memoryType(addressSize: Int) -> hid_t? {
        guard registration >= 0 else { return nil }
        let type = H5Tcreate(H5T_OPAQUE, elementSize(addressSize: addressSize))
        guard type >= 0 else { return nil }
        guard H5Tset_tag(type, tag) >= 0 else {
            H5Tclose(type)
            return nil
        }
        return type
    }

    /// The elements in `bytes`, read with ``memoryType(addressSize:)``.
    static func elements(in bytes: [UInt8], addressSize: Int) -> [Element] {
        let size = elementSize(addressSize: addressSize)
        return stride(from: 0, to: bytes.count - size + 1, by: size).map { start in
            let field = { (offset: Int, count: Int) in
                HDF5GlobalHeapCollection.littleEndian(bytes[(start + offset)..<(start + offset + count)])
            }
            return Element(length: UInt32(field(0, 4)), collection: field(4, addressSize),
                           index: UInt32(field(4 + addressSize, 4)))
        }
    }

    /// The status of registering ``convert`` with HDF5, done once per process.
    private static let registration: herr_t = {
        let source = H5Tcopy(hashlab_H5T_C_S1())
        let destination = H5Tcreate(H5T_OPAQUE, 1)
        defer {
            H5Tclose(source)
            H5Tclose(destination)
        }
        guard source >= 0, destination >= 0, H5Tset_size(source, hashlab_H5T_VARIABLE()) >= 0 else { return -1 }
        return H5Tregister(H5T_PERS_SOFT, "hashlab stored variable-length string", source, destination, convert)
    }()

    /// The conversion: on `H5T_CONV_INIT` it accepts only a variable-length string
    /// source and an opaque destination tagged ``tag`` of the same size; converting
    /// leaves the buffer, which holds the stored elements, unchanged.
    private static let convert: H5T_conv_t = { source, destination, data, _, _, _, _, _, _ in
        guard let data, data.pointee.command == H5T_CONV_INIT else { return 0 }
        guard H5Tget_class(source) == H5T_STRING, H5Tis_variable_str(source) > 0,
              H5Tget_class(destination) == H5T_OPAQUE, H5Tget_size(source) == H5Tget_size(destination),
              let destinationTag = H5Tget_tag(destination)
        else { return -1 }
        defer { H5free_memory(destinationTag) }
        guard String(cString: destinationTag) == tag else { return -1 }
        data.pointee.need_bkg = H5T_BKG_NO
        return 0
    }
}
