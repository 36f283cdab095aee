/// Why a variable-length string's stored reference into the file's global heap cannot
/// be followed safely (see ``HDF5GlobalHeapCollection``).
///
/// Addresses are as stored: relative to the file's base address, which is the byte
/// offset in the file unless the file starts with a user block. Offsets of objects are
/// counted from the collection's first byte.
public enum HDF5GlobalHeapFault: Error, Equatable, Sendable, CustomStringConvertible {
    /// The collection's header (its first `GCOL`, version and size fields) would end
    /// after the file's last byte.
    case outsideFile(collection: UInt64, fileBytes: Int)
    /// No collection starts at the address: the signature `GCOL` or version 1 is missing.
    case notACollection(collection: UInt64)
    /// The collection declares `size` bytes: fewer than its own header, or more than
    /// remain in the file from its address.
    case badCollectionSize(collection: UInt64, size: UInt64, fileBytes: Int)
    /// The object at `offset` declares `size` bytes, which (with its header and padding)
    /// either do not advance to a next object or run past the collection's end.
    case corruptObjectList(collection: UInt64, offset: Int, size: UInt64)
    /// The collection holds no object with the element's index (index 0 is the
    /// collection's free space, never an object).
    case missingObject(collection: UInt64, index: UInt32)
    /// The element declares `length` bytes; its object holds `size`.
    case lengthMismatch(collection: UInt64, index: UInt32, length: UInt32, size: Int)
    /// Reading the collection's bytes from the file failed.
    case unreadable(collection: UInt64)

    /// What the reference does, to follow "variable-length string 3 " in a message, e.g.
    /// `points outside the file's global heap (collection at address 7000, beyond the
    /// file's 4096 bytes)`.
    public var description: String {
        switch self {
        case .outsideFile(let collection, let fileBytes):
            "points outside the file's global heap (collection at address \(collection), "
                + "beyond the file's \(fileBytes) bytes)"
        case .notACollection(let collection):
            "points outside the file's global heap (no collection at address \(collection): "
                + "signature GCOL, version 1 expected)"
        case .badCollectionSize(let collection, let size, let fileBytes):
            "points to a corrupt global heap collection (at address \(collection), declaring \(size) bytes "
                + "in a file of \(fileBytes) bytes)"
        case .corruptObjectList(let collection, let offset, let size):
            "points to a corrupt global heap collection (at address \(collection), the object at byte \(offset) "
                + "of the collection declares \(size) bytes, which do not fit it)"
        case .missingObject(let collection, let index):
            "points to object \(index), which the global heap collection at address \(collection) does not hold"
        case .lengthMismatch(let collection, let index, let length, let size):
            "has length \(length), but object \(index) of the global heap collection at address \(collection) "
                + "holds \(size) bytes"
        case .unreadable(let collection):
            "points to the global heap collection at address \(collection), which cannot be read"
        }
    }
}
