/// MATLAB char arrays as strings.
enum MATCharacters {
    /// The rows of an r × c char array given in column-major UTF-16 code units, each
    /// with trailing spaces (MATLAB's padding) and NULs removed.
    static func rows(codeUnits: [UInt16], dimensions: [Int]) -> [String] {
        guard dimensions.count == 2 else {
            return [trimmed(String(decoding: codeUnits, as: UTF16.self))]
        }
        let rows = dimensions[0], columns = dimensions[1]
        return (0..<rows).map { row in
            let units = (0..<columns).map { codeUnits[$0 * rows + row] }
            return trimmed(String(decoding: units, as: UTF16.self))
        }
    }

    private static func trimmed(_ text: String) -> String {
        var text = text
        while let last = text.last, last == " " || last == "\0" { text.removeLast() }
        return text
    }
}
