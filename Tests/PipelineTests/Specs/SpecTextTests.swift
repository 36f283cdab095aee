import Foundation
@testable import Pipeline
import Testing

/// Regression (issue 16's probe): a spec that is not UTF-8 was reported without a line.
/// ``SpecText`` names the line and byte offset of the first byte that starts no valid
/// UTF-8 sequence, by RFC 3629's table (no overlong forms, surrogates or values above
/// U+10FFFF), and accepts exactly what Swift's own UTF-8 validation accepts.
@Suite struct SpecTextTests {
    static func failure(_ bytes: [UInt8]) -> SpecError? {
        do {
            _ = try SpecText.decode(Data(bytes), file: "f.yaml")
            return nil
        } catch {
            return error as? SpecError
        }
    }

    @Test func theFirstInvalidByteIsNamedWithItsLineAndOffset() {
        let prefix = Array("a: é\nb: 日本\n".utf8)  // 2- and 3-byte sequences before the bad byte
        let cases: [([UInt8], UInt8)] = [
            ([0xE9], 0xE9),                    // Latin-1 é
            ([0xC0, 0x80], 0xC0),              // overlong NUL
            ([0xE0, 0x80, 0x80], 0xE0),        // overlong 3-byte form
            ([0xED, 0xA0, 0x80], 0xED),        // UTF-16 surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0xF4),  // above U+10FFFF
            ([0x80], 0x80),                    // a continuation byte alone
            ([0xE6, 0x97], 0xE6),              // a sequence cut short by the end of the file
        ]
        for (bad, byte) in cases {
            #expect(Self.failure(prefix + Array("c: ".utf8) + bad)
                    == .notUTF8(file: "f.yaml", line: 3, offset: prefix.count + 3, byte: byte), "\(bad)")
        }
        #expect(SpecError.notUTF8(file: "f.yaml", line: 3, offset: 19, byte: 0xE9).description
                == "f.yaml:3: not UTF-8 text: byte 19 (0xE9) starts no valid UTF-8 sequence; save the spec as UTF-8")
    }

    /// Every 1- to 3-byte sequence over the bytes that matter, after a valid prefix:
    /// decoded exactly when Swift's validation accepts it.
    @Test func acceptsWhatSwiftAccepts() throws {
        let interesting: [UInt8] = [0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var sequences: [[UInt8]] = interesting.map { [$0] }
        sequences += interesting.flatMap { a in interesting.map { [a, $0] } }
        sequences += sequences.filter { $0.count == 2 }.flatMap { pair in interesting.map { pair + [$0] } }
        for bytes in sequences {
            let swift = String(validating: bytes, as: UTF8.self)
            let ours = try? SpecText.decode(Data(bytes), file: "f.yaml")
            #expect(ours == swift, "\(bytes)")
        }
    }

    @Test func directoriesAndMissingFilesAreSaidToBeSo() throws {
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: SpecError.isDirectory(file: directory)) { try SpecText.read(directory) }
        #expect(SpecError.isDirectory(file: "/tmp").description == "/tmp: is a directory, not a spec file")
        #expect(throws: SpecError.unreadable(file: "/nonexistent/spec.yaml", reason: "no such file")) {
            try SpecText.read("/nonexistent/spec.yaml")
        }
    }
}
