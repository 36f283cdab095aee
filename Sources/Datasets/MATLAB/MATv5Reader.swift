import Foundation

/// Reads MAT v5 files (MATLAB's `-v6`/`-v7` formats): a 128-byte header, then
/// tagged data elements, each variable a `miMATRIX` element, possibly wrapped in a
/// zlib-compressed `miCOMPRESSED` element (MAT-File Format, "Version 5 MAT-File
/// Format").
///
/// The file is memory-mapped. Opening indexes the top-level elements by variable
/// name, inflating only the head of each compressed element (the name sits in its
/// first few hundred bytes); a variable is decoded in full only when asked for.
final class MATv5Reader {
    let path: String
    private let data: Data
    private let swapped: Bool
    /// Variable name → the top-level element holding it, in file order.
    private(set) var index: [(name: String, offset: Int)] = []

    init(path: String, data: Data) throws {
        self.path = path
        self.data = data
        guard data.count >= 128 else { throw MATFileError.notMATFile(file: path) }
        switch (data[data.startIndex + 126], data[data.startIndex + 127]) {
        case (UInt8(ascii: "I"), UInt8(ascii: "M")): swapped = false
        case (UInt8(ascii: "M"), UInt8(ascii: "I")): swapped = true
        default: throw MATFileError.notMATFile(file: path)
        }
        var offset = 128
        while offset < data.count {
            // Some writers pad the file's end with fewer than 8 zero bytes.
            if data.count - offset < 8, data[(data.startIndex + offset)...].allSatisfy({ $0 == 0 }) { break }
            let element = try tag(in: data, at: offset, variable: nil)
            let head: Data
            switch element.type {
            case .compressed:
                // The inflated head starts with the array's own miMATRIX tag, whose size
                // may exceed the head: skip the tag to reach the array flags.
                let inflated = try inflate(element.body, limit: 4096, variable: nil)
                guard inflated.count >= 8 else { throw MATFileError.truncated(file: path, variable: nil) }
                guard u32(inflated, 0) == MATv5Data.DataType.matrix.rawValue else {
                    throw MATFileError.corrupt(file: path, variable: nil, reason: "compressed element holds no array")
                }
                head = inflated.dropFirst(8)
            case .matrix:
                head = element.body
            default:
                offset = element.next
                continue
            }
            let name = try arrayName(head)
            index.append((name, offset))
            offset = element.type == .compressed ? element.end : element.next
        }
    }

    /// The decoded variable `name`.
    func array(_ name: String) throws -> MATv5Array {
        guard let entry = index.first(where: { $0.name == name }) else {
            throw MATFileError.missingVariable(file: path, variable: name, available: index.map(\.name))
        }
        let element = try tag(in: data, at: entry.offset, variable: name)
        let body = element.type == .compressed ? try inflate(element.body, limit: nil, variable: name) : element.body
        if element.type == .compressed {
            let inner = try tag(in: body, at: 0, variable: name)
            guard inner.type == .matrix else {
                throw MATFileError.corrupt(file: path, variable: name, reason: "compressed element holds no array")
            }
            return try decodeArray(inner.body, variable: name)
        }
        return try decodeArray(body, variable: name)
    }

    // MARK: - Elements

    private struct Tag {
        let type: MATv5Data.DataType
        let body: Data
        /// The end of the data (no padding).
        let end: Int
        /// The next element's offset (data padded to 8 bytes).
        let next: Int
    }

    private func u32(_ buffer: Data, _ offset: Int) -> UInt32 {
        let value = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
        return swapped ? value.byteSwapped : value
    }

    /// The element whose tag starts at `offset` of `buffer`.
    private func tag(in buffer: Data, at offset: Int, variable: String?) throws -> Tag {
        guard offset + 8 <= buffer.count else { throw MATFileError.truncated(file: path, variable: variable) }
        var typeWord = u32(buffer, offset)
        var size = Int(u32(buffer, offset + 4))
        var start = offset + 8
        var next: Int
        if typeWord >> 16 != 0 {
            // Small data element: size in the upper half of the type word, data in the
            // second four bytes.
            size = Int(typeWord >> 16)
            typeWord &= 0xFFFF
            start = offset + 4
            guard size <= 4 else {
                throw MATFileError.corrupt(file: path, variable: variable, reason: "small element of \(size) bytes")
            }
            next = offset + 8
        } else {
            next = start + (size + 7) / 8 * 8
        }
        guard let type = MATv5Data.DataType(rawValue: typeWord) else {
            throw MATFileError.corrupt(file: path, variable: variable, reason: "unknown data type \(typeWord) at byte \(offset)")
        }
        guard start + size <= buffer.count else { throw MATFileError.truncated(file: path, variable: variable) }
        next = min(next, buffer.count)
        let base = buffer.startIndex
        return Tag(type: type, body: buffer[(base + start)..<(base + start + size)], end: start + size,
                   next: next)
    }

    private func inflate(_ body: Data, limit: Int?, variable: String?) throws -> Data {
        do {
            return try body.withUnsafeBytes { try ZlibInflater.inflate($0, limit: limit) }
        } catch ZlibInflater.Failure.truncated {
            throw MATFileError.truncated(file: path, variable: variable)
        } catch let ZlibInflater.Failure.corrupt(reason) {
            throw MATFileError.corrupt(file: path, variable: variable, reason: "zlib: \(reason)")
        }
    }

    // MARK: - Arrays

    /// The name of the array whose `miMATRIX` body starts `body` (flags, dimensions,
    /// name subelements).
    private func arrayName(_ body: Data) throws -> String {
        let flags = try tag(in: body, at: 0, variable: nil)
        let dimensions = try tag(in: body, at: flags.next, variable: nil)
        let name = try tag(in: body, at: dimensions.next, variable: nil)
        return String(decoding: name.body, as: UTF8.self)
    }

    /// Decodes a `miMATRIX` body.
    private func decodeArray(_ body: Data, variable: String) throws -> MATv5Array {
        let flags = try tag(in: body, at: 0, variable: variable)
        guard flags.type == .uint32, flags.body.count >= 8 else {
            throw MATFileError.corrupt(file: path, variable: variable, reason: "array flags missing")
        }
        let flagWord = u32(flags.body, 0)
        guard let arrayClass = MATv5Array.ArrayClass(rawValue: UInt8(flagWord & 0xFF)) else {
            throw MATFileError.corrupt(file: path, variable: variable, reason: "unknown array class \(flagWord & 0xFF)")
        }
        let isLogical = flagWord & 0x0200 != 0
        let dimensionsTag = try tag(in: body, at: flags.next, variable: variable)
        let dimensions = MATv5Data(type: dimensionsTag.type, bytes: dimensionsTag.body, swapped: swapped).integers()
        guard let elementCount = MATElementCount.of(dimensions) else {
            throw MATFileError.corrupt(file: path, variable: variable,
                                       reason: "dimensions \(dimensions) are negative or too large")
        }
        let nameTag = try tag(in: body, at: dimensionsTag.next, variable: variable)
        let name = String(decoding: nameTag.body, as: UTF8.self)
        var offset = nameTag.next
        func nextData() throws -> MATv5Data? {
            guard offset < body.count else { return nil }
            let element = try tag(in: body, at: offset, variable: variable)
            offset = element.next
            return MATv5Data(type: element.type, bytes: element.body, swapped: swapped)
        }
        switch arrayClass {
        case .cell:
            guard elementCount <= (body.count - offset) / 8 else {
                throw MATFileError.corrupt(file: path, variable: variable, reason: "\(elementCount) cells for dimensions "
                                           + "\(dimensions) do not fit in \(body.count - offset) bytes")
            }
            var cells: [MATv5Array] = []
            for _ in 0..<elementCount {
                let element = try tag(in: body, at: offset, variable: variable)
                guard element.type == .matrix else {
                    throw MATFileError.corrupt(file: path, variable: variable, reason: "cell element is not an array")
                }
                cells.append(try decodeArray(element.body, variable: variable))
                offset = element.next
            }
            return MATv5Array(arrayClass: arrayClass, isLogical: false, dimensions: dimensions, name: name, real: nil,
                              cells: cells, rowIndices: nil, columnStarts: nil)
        case .sparse:
            let rows = try nextData(), columns = try nextData(), values = try nextData()
            return MATv5Array(arrayClass: arrayClass, isLogical: isLogical, dimensions: dimensions, name: name,
                              real: values, cells: [], rowIndices: rows, columnStarts: columns)
        case .structure, .object:
            return MATv5Array(arrayClass: arrayClass, isLogical: false, dimensions: dimensions, name: name, real: nil,
                              cells: [], rowIndices: nil, columnStarts: nil)
        default:
            let real = try nextData()
            // UTF-8 char data has one or more bytes per character: count the characters.
            let count = real.map { arrayClass == .char ? $0.text().count : $0.count } ?? 0
            if count != elementCount {
                throw MATFileError.corrupt(file: path, variable: variable,
                                           reason: "\(count) values for dimensions \(dimensions)")
            }
            return MATv5Array(arrayClass: arrayClass, isLogical: isLogical, dimensions: dimensions, name: name,
                              real: real, cells: [], rowIndices: nil, columnStarts: nil)
        }
    }
}
