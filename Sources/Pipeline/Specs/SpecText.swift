import Foundation

/// Reads a spec file's text. A spec is a regular file of UTF-8 text; anything else is
/// refused with what it is instead: a path that does not exist or cannot be read (with
/// the system's reason), a directory, or bytes that are not UTF-8 (with the line and
/// byte offset of the first bad byte).
enum SpecText {
    /// The text of the spec file at `path`.
    ///
    /// - Throws: ``SpecError/unreadable(file:reason:)``, ``SpecError/isDirectory(file:)``
    ///   or ``SpecError/notUTF8(file:line:offset:byte:)``.
    static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SpecError.unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw SpecError.isDirectory(file: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SpecError.unreadable(file: path, reason: SystemReason.of(error))
        }
        return try decode(data, file: path)
    }

    /// `data` as UTF-8 text (a leading byte order mark is kept as Yams takes it).
    ///
    /// - Throws: ``SpecError/notUTF8(file:line:offset:byte:)`` at the first byte that
    ///   does not belong to a valid UTF-8 sequence: its 1-based line and 0-based offset.
    static func decode(_ data: Data, file: String) throws -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        let bytes = [UInt8](data)
        var offset = 0
        var line = 1
        while offset < bytes.count {
            let length = validSequenceLength(bytes, at: offset)
            guard length > 0 else {
                throw SpecError.notUTF8(file: file, line: line, offset: offset, byte: bytes[offset])
            }
            if bytes[offset] == UInt8(ascii: "\n") { line += 1 }
            offset += length
        }
        throw SpecError.notUTF8(file: file, line: line, offset: offset, byte: bytes.last ?? 0)
    }

    /// The length of the well-formed UTF-8 sequence starting at `offset` (RFC 3629:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), or 0 when there is none.
    private static func validSequenceLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; second = 0x80...0x8F
        default: return 0
        }
        guard offset + length <= bytes.count, second.contains(bytes[offset + 1]) else { return 0 }
        for index in offset + 2 ..< offset + length where !(0x80...0xBF).contains(bytes[index]) {
            return 0
        }
        return length
    }
}
