import Foundation

/// The data of one MAT v5 data element: its `mi` type and its bytes in the file's
/// byte order (`swapped` when that is big-endian).
struct MATv5Data {
    /// MAT v5 data types (MAT-File Format, table 1-1).
    enum DataType: UInt32 {
        case int8 = 1, uint8 = 2, int16 = 3, uint16 = 4, int32 = 5, uint32 = 6
        case single = 7, double = 9, int64 = 12, uint64 = 13
        case matrix = 14, compressed = 15, utf8 = 16, utf16 = 17, utf32 = 18

        var size: Int {
            switch self {
            case .int8, .uint8, .utf8, .matrix, .compressed: return 1
            case .int16, .uint16, .utf16: return 2
            case .int32, .uint32, .single, .utf32: return 4
            case .double, .int64, .uint64: return 8
            }
        }
    }

    let type: DataType
    let bytes: Data
    let swapped: Bool

    /// The number of values.
    var count: Int { bytes.count / type.size }

    /// The values converted to `T` (MATLAB stores e.g. integral doubles as uint8 data).
    func values<T: BinaryFloatingPoint>(as: T.Type = T.self) -> [T] {
        let count = self.count
        return bytes.withUnsafeBytes { raw -> [T] in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count { buffer[index] = value(raw, index) }
                initialized = count
            }
        }
    }

    /// The values as integers (indices, dimensions); non-integral values truncate.
    func integers() -> [Int] {
        bytes.withUnsafeBytes { raw in (0..<count).map { Int(exactly: (value(raw, $0) as Double).rounded(.towardZero)) ?? 0 } }
    }

    /// Character data as a string: UTF-8, UTF-16 (also uint16 data) or single bytes.
    func text() -> [UInt16] {
        switch type {
        case .utf16, .uint16, .int16:
            return bytes.withUnsafeBytes { raw in (0..<count).map { UInt16(truncatingIfNeeded: integer(raw, $0)) } }
        case .utf8:
            return Array(String(decoding: bytes, as: UTF8.self).utf16)
        default:
            return bytes.withUnsafeBytes { raw in (0..<count).map { UInt16(truncatingIfNeeded: integer(raw, $0)) } }
        }
    }

    private func integer(_ raw: UnsafeRawBufferPointer, _ index: Int) -> Int64 {
        let offset = index * type.size
        switch type {
        case .int8: return Int64(raw.load(fromByteOffset: offset, as: Int8.self))
        case .uint8, .utf8, .matrix, .compressed: return Int64(raw[offset])
        case .int16, .uint16, .utf16:
            var bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
            if swapped { bits = bits.byteSwapped }
            return type == .int16 ? Int64(Int16(bitPattern: bits)) : Int64(bits)
        case .int32, .uint32, .utf32, .single:
            var bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            if swapped { bits = bits.byteSwapped }
            return type == .int32 ? Int64(Int32(bitPattern: bits)) : Int64(bits)
        case .double, .int64, .uint64:
            var bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if swapped { bits = bits.byteSwapped }
            return Int64(bitPattern: bits)
        }
    }

    private func value<T: BinaryFloatingPoint>(_ raw: UnsafeRawBufferPointer, _ index: Int) -> T {
        let offset = index * type.size
        switch type {
        case .single:
            var bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            if swapped { bits = bits.byteSwapped }
            return T(Float(bitPattern: bits))
        case .double:
            var bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if swapped { bits = bits.byteSwapped }
            return T(Double(bitPattern: bits))
        case .uint64:
            var bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if swapped { bits = bits.byteSwapped }
            return T(bits)
        default:
            return T(integer(raw, index))
        }
    }
}
