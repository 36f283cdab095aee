import Foundation

/// The bytes of an HDF5 file whose variable-length strings are to be corrupted, with
/// the places of its global heap found by searching the bytes for the file format's
/// patterns (not by walking the heap, as the reader under test does). Assumes
/// libhdf5's defaults, 8-byte addresses and lengths, no user block, and one global heap
/// collection.
///
/// A collection starts with `GCOL`, version 1, 3 reserved bytes and its size (8
/// bytes); objects follow at multiples of 8 from its start, each an index (2 bytes),
/// a reference count (2), 4 reserved bytes, a size (8) and the data. A stored string
/// (in a dataset or an attribute) is its length (4 bytes), the collection's address
/// (8) and the object's index (4), little-endian.
public struct GlobalHeapTestImage: Sendable {
    public var bytes: [UInt8]
    /// The byte offset (= address) of the collection.
    public let collection: Int
    /// The collection's size in bytes, as its header declares.
    public let collectionSize: Int

    /// The image of the file at `path`.
    public init(contentsOf path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let signature = Array("GCOL".utf8)
        let starts = (0...(bytes.count - signature.count)).filter { Array(bytes[$0..<($0 + 4)]) == signature }
        precondition(starts.count == 1, "\(path): \(starts.count) global heap collections, one expected")
        self.bytes = bytes
        collection = starts[0]
        collectionSize = Int(Self.integer(bytes, at: starts[0] + 8, size: 8))
    }

    /// The offset of the header of the object holding exactly the characters of `string`.
    public func objectHeader(holding string: String) -> Int {
        let characters = Array(string.utf8)
        let found = stride(from: collection + 16, to: collection + collectionSize - 16, by: 8).filter { header in
            Self.integer(bytes, at: header, size: 2) != 0
                && Self.integer(bytes, at: header + 8, size: 8) == UInt64(characters.count)
                && Array(bytes[(header + 16)..<(header + 16 + characters.count)]) == characters
        }
        precondition(found.count == 1, "\(found.count) objects hold \"\(string)\", one expected")
        return found[0]
    }

    /// The index of the object holding `string`.
    public func objectIndex(holding string: String) -> UInt32 {
        UInt32(Self.integer(bytes, at: objectHeader(holding: string), size: 2))
    }

    /// The offset of the header of the free-space object: index 0, its size reaching
    /// the collection's end.
    public func freeSpaceHeader() -> Int {
        let end = collection + collectionSize
        let found = stride(from: collection + 16, to: end - 16, by: 8).filter { header in
            Self.integer(bytes, at: header, size: 2) == 0
                && Self.integer(bytes, at: header + 8, size: 8) == UInt64(end - header)
        }
        precondition(found.count == 1, "\(found.count) free-space objects, one expected")
        return found[0]
    }

    /// The offset of the one stored string referring to the object holding `string`.
    public func reference(to string: String) -> Int {
        var pattern: [UInt8] = []
        Self.append(UInt32(string.utf8.count), to: &pattern)
        Self.append(UInt64(collection), to: &pattern)
        Self.append(objectIndex(holding: string), to: &pattern)
        let found = (0...(bytes.count - pattern.count)).filter {
            Array(bytes[$0..<($0 + pattern.count)]) == pattern
        }
        precondition(found.count == 1, "\(found.count) references to \"\(string)\", one expected")
        return found[0]
    }

    /// Stores `value` little-endian at `offset`.
    public mutating func set<Value: FixedWidthInteger>(_ value: Value, at offset: Int) {
        var encoded: [UInt8] = []
        Self.append(value, to: &encoded)
        bytes.replaceSubrange(offset..<(offset + encoded.count), with: encoded)
    }

    /// Writes the bytes to `path`.
    public func write(to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    private static func integer(_ bytes: [UInt8], at offset: Int, size: Int) -> UInt64 {
        (0..<size).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }

    private static func append<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
