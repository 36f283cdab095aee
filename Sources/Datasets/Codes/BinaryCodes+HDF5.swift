import HashCore
import Linalg

extension HDF5File {
    /// Reads codes stored packed (`uint64 [N, W]` with a `bits` attribute) or as ±1
    /// (`int8`, `float32` or `float64 [N, K]`); see `CodeFile` for the layout.
    public func readCodes(_ datasetPath: String) throws -> BinaryCodes {
        do {
            switch try elementType(of: datasetPath) {
            case .uint64:
                let words = try readMatrix(datasetPath, as: UInt64.self)
                let bits = try attributeNames(on: datasetPath).contains("bits")
                    ? try integerAttribute("bits", on: datasetPath)
                    : 64 * words.columns
                // Compared without arithmetic on `bits`, which a file may set to any integer.
                guard bits > 0, bits / 64 + (bits % 64 == 0 ? 0 : 1) == words.columns else {
                    throw CodeFileError.invalidValues(
                        file: path, path: datasetPath,
                        reason: "attribute bits = \(bits) does not fit \(words.columns) words per code")
                }
                return try BinaryCodes(count: words.rows, bitCount: bits, words: words.elements)
            case .int8:
                return try BinaryCodes(plusMinusOne: readMatrix(datasetPath, as: Int8.self))
            case .float32:
                return try BinaryCodes(plusMinusOne: readMatrix(datasetPath, as: Float.self))
            case .float64:
                return try BinaryCodes(plusMinusOne: readMatrix(datasetPath, as: Double.self))
            case let other:
                throw HDF5Error.wrongType(file: path, path: datasetPath, expected: .uint64, found: other)
            }
        } catch let error as BinaryCodesError {
            throw CodeFileError.invalidValues(file: path, path: datasetPath, reason: error.description)
        }
    }

    /// An integer attribute stored as int64 (h5py's default), int32 or uint64.
    private func integerAttribute(_ name: String, on objectPath: String) throws -> Int {
        do {
            return Int(try numericAttribute(name, on: objectPath, as: Int64.self))
        } catch HDF5Error.wrongAttributeType(_, _, _, _, found: .int32) {
            return Int(try numericAttribute(name, on: objectPath, as: Int32.self))
        } catch HDF5Error.wrongAttributeType(_, _, _, _, found: .uint64) {
            return Int(clamping: try numericAttribute(name, on: objectPath, as: UInt64.self))
        }
    }

    /// Writes codes packed as `uint64 [N, W]` with the code length as attribute `bits`.
    public func write(_ codes: BinaryCodes, to datasetPath: String) throws {
        try write(Matrix(rows: codes.count, columns: codes.wordsPerCode, elements: codes.words),
                  to: datasetPath)
        try setAttribute("bits", Int64(codes.bitCount), on: datasetPath)
    }
}
