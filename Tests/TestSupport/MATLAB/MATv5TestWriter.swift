import CZlibSystem
import Foundation

/// Writes MAT v5 files (MATLAB's `-v6` and `-v7` formats) for the reader tests: the
/// 128-byte header, then one `miMATRIX` element per variable, optionally each wrapped
/// in a zlib-compressed `miCOMPRESSED` element, in either byte order (MAT-File Format,
/// "Version 5 MAT-File Format").
///
/// Subelements of at most four bytes use the small data element format, and every
/// uncompressed element is padded to 8 bytes, as MATLAB writes them.
public struct MATv5TestWriter {
    /// The byte order of the numbers in the file.
    public enum ByteOrder {
        case littleEndian, bigEndian
    }

    public var byteOrder = ByteOrder.littleEndian
    /// Whether each variable is wrapped in a `miCOMPRESSED` element.
    public var compressed = false
    /// Applied to each zlib stream before it is wrapped in its `miCOMPRESSED` element
    /// (the element's size is the edited stream's), to write damaged streams.
    public var editCompressedStream: ([UInt8]) -> [UInt8] = { $0 }

    public init(byteOrder: ByteOrder = .littleEndian, compressed: Bool = false) {
        self.byteOrder = byteOrder
        self.compressed = compressed
    }

    private enum ElementType: UInt32 {
        case int8 = 1, int32 = 5, uint32 = 6, matrix = 14, compressed = 15
    }

    /// The file's bytes.
    public func bytes(_ variables: [MATTestVariable]) -> [UInt8] {
        header() + variables.flatMap(topLevelElement)
    }

    /// Writes the file to `path`.
    public func write(_ variables: [MATTestVariable], to path: String) throws {
        try Data(bytes(variables)).write(to: URL(fileURLWithPath: path))
    }

    /// The 116 bytes of text, the (unused) subsystem data offset, version 0x0100 and
    /// the endian indicator, which reads "IM" in a little-endian file.
    private func header() -> [UInt8] {
        let text = Array("MATLAB 5.0 MAT-file, Platform: GLNXA64, Created by: hashlab tests".utf8)
        let endianIndicator = byteOrder == .littleEndian ? Array("IM".utf8) : Array("MI".utf8)
        return text + [UInt8](repeating: 0x20, count: 116 - text.count) + [UInt8](repeating: 0, count: 8)
            + ordered(UInt16(0x0100)) + endianIndicator
    }

    private func topLevelElement(_ variable: MATTestVariable) -> [UInt8] {
        let matrix = matrixElement(variable)
        guard compressed else { return matrix }
        let stream = editCompressedStream(Self.deflate(matrix))
        return ordered(ElementType.compressed.rawValue) + ordered(UInt32(stream.count)) + stream
    }

    /// The `miMATRIX` element of `variable`: array flags, dimensions, name, then the
    /// class's data subelements.
    private func matrixElement(_ variable: MATTestVariable) -> [UInt8] {
        let isSparse = variable.matlabClass == .sparse
        let flags = UInt32(Self.classCode(variable.matlabClass)) | (variable.matlabClass == .logical ? 0x0200 : 0)
        var body = element(ElementType.uint32.rawValue,
                           ordered(flags) + ordered(UInt32(isSparse ? variable.values.count : 0)))
        body += element(ElementType.int32.rawValue, variable.dimensions.flatMap { ordered(Int32($0)) })
        body += element(ElementType.int8.rawValue, Array(variable.name.utf8))
        switch variable.matlabClass {
        case .cell:
            body += variable.cells.flatMap(matrixElement)
        case .sparse:
            body += element(ElementType.int32.rawValue, variable.rowIndices.flatMap { ordered(Int32($0)) })
            body += element(ElementType.int32.rawValue, variable.columnStarts.flatMap { ordered(Int32($0)) })
            body += numbers(variable.values, as: variable.storage ?? .double)
        case .structure:
            body += element(ElementType.int32.rawValue, ordered(Int32(32)))
            body += element(ElementType.int8.rawValue, [])
        case .char where variable.storage == .utf8:
            let units = variable.values.map { UInt16($0) }
            body += element(MATTestVariable.StorageType.utf8.rawValue,
                            Array(String(decoding: units, as: UTF16.self).utf8))
        default:
            body += numbers(variable.values, as: variable.storage ?? Self.defaultStorage(variable.matlabClass))
        }
        return element(ElementType.matrix.rawValue, body, allowSmall: false)
    }

    /// A data element of `type` holding `payload`: in the small format when it fits in
    /// four bytes (and `allowSmall`), otherwise an 8-byte tag and data padded to 8 bytes.
    private func element(_ type: UInt32, _ payload: [UInt8], allowSmall: Bool = true) -> [UInt8] {
        if allowSmall, (1...4).contains(payload.count) {
            return ordered(UInt32(payload.count) << 16 | type) + payload
                + [UInt8](repeating: 0, count: 4 - payload.count)
        }
        let padding = (8 - payload.count % 8) % 8
        return ordered(type) + ordered(UInt32(payload.count)) + payload + [UInt8](repeating: 0, count: padding)
    }

    /// A data element holding `values` converted to `type`.
    private func numbers(_ values: [Double], as type: MATTestVariable.StorageType) -> [UInt8] {
        let payload = values.flatMap { value -> [UInt8] in
            switch type {
            case .int8: return [UInt8(bitPattern: Int8(value))]
            case .uint8, .utf8: return [UInt8(value)]
            case .int16: return ordered(Int16(value))
            case .uint16: return ordered(UInt16(value))
            case .int32: return ordered(Int32(value))
            case .uint32: return ordered(UInt32(value))
            case .single: return ordered(Float(value).bitPattern)
            case .double: return ordered(value.bitPattern)
            }
        }
        return element(type.rawValue, payload)
    }

    /// `value`'s bytes in the file's byte order.
    private func ordered<Integer: FixedWidthInteger>(_ value: Integer) -> [UInt8] {
        withUnsafeBytes(of: byteOrder == .littleEndian ? value.littleEndian : value.bigEndian) { Array($0) }
    }

    /// MATLAB's array class codes (MAT-File Format, table 1-3); logicals are uint8.
    private static func classCode(_ matlabClass: MATTestVariable.Class) -> UInt8 {
        switch matlabClass {
        case .cell: return 1
        case .structure: return 2
        case .char: return 4
        case .sparse: return 5
        case .double: return 6
        case .single: return 7
        case .uint8, .logical: return 9
        case .int32: return 12
        }
    }

    /// The data type MATLAB stores a class's values as when it does not narrow them.
    private static func defaultStorage(_ matlabClass: MATTestVariable.Class) -> MATTestVariable.StorageType {
        switch matlabClass {
        case .single: return .single
        case .uint8, .logical: return .uint8
        case .int32: return .int32
        case .char: return .uint16
        default: return .double
        }
    }

    /// `bytes` as a zlib stream (RFC 1950), through the system zlib's `compress2`.
    private static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&output, &length, bytes, uLong(bytes.count), Z_DEFAULT_COMPRESSION)
        precondition(status == Z_OK, "compress2 failed: \(status)")
        return Array(output.prefix(Int(length)))
    }
}
