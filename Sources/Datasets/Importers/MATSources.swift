import Foundation
import Linalg

/// The MATLAB files handed to an importer, searched by the variables they hold, so
/// the files may be given in any order and under any name.
struct MATSources {
    let files: [MATFile]

    /// Opens every file (v5 or v7.3).
    ///
    /// - Throws: ``MATFileError`` naming the file that cannot be opened.
    init(paths: [String]) throws {
        files = try paths.map { try MATFile(reading: $0) }
    }

    /// Whether some file holds `variable`.
    func contains(_ variable: String) -> Bool {
        files.contains { $0.contains(variable) }
    }

    /// The first file holding `variable`.
    ///
    /// - Throws: ``ImportError/missingVariable(variable:files:)``.
    func file(holding variable: String) throws -> MATFile {
        guard let file = files.first(where: { $0.contains(variable) }) else {
            throw ImportError.missingVariable(variable: variable, files: files.map(\.path))
        }
        return file
    }

    /// The number of items of a label matrix (items × classes or classes × items): its
    /// longer axis, since datasets hold more items than classes.
    ///
    /// - Throws: ``ImportError/unresolvedOrientation(file:variable:dimensions:items:)``
    ///   when the matrix is square or not 2-D.
    func labelItemCount(_ variable: String) throws -> Int {
        let file = try self.file(holding: variable)
        let dimensions = try file.dimensions(of: variable)
        guard dimensions.count == 2, dimensions[0] != dimensions[1] else {
            throw ImportError.unresolvedOrientation(file: file.path, variable: variable, dimensions: dimensions,
                                                    items: dimensions.max() ?? 0)
        }
        return dimensions.max() ?? 0
    }

    /// The 2-D variable as an items × D matrix, whichever way MATLAB stores it: a
    /// D × N variable (features in columns, as xlsa17's `features`) is MATLAB's
    /// column-major N × D layout already and is taken without a transpose; an N × D
    /// variable is transposed.
    ///
    /// - Throws: ``ImportError/unresolvedOrientation(file:variable:dimensions:items:)``
    ///   when neither axis (or both) has `items` entries; ``MATFileError`` on read errors.
    func itemRows(_ variable: String, items: Int) throws -> Matrix<Float> {
        let file = try self.file(holding: variable)
        let dimensions = try file.dimensions(of: variable)
        guard dimensions.count == 2, (dimensions[0] == items) != (dimensions[1] == items) else {
            throw ImportError.unresolvedOrientation(file: file.path, variable: variable, dimensions: dimensions,
                                                    items: items)
        }
        let (_, elements) = try file.columnMajor(variable, as: Float.self)
        if dimensions[1] == items {
            return Matrix(rows: items, columns: dimensions[0], elements: elements)
        }
        return Matrix(rows: dimensions[1], columns: items, elements: elements).transposed()
    }

    /// A label matrix (items × classes either way round) as 0/1 bytes, items × classes.
    ///
    /// - Throws: ``ImportError/invalidValue(file:variable:position:value:expected:)``
    ///   for an entry other than 0 or 1; orientation and read errors.
    func multiHotLabels(_ variable: String) throws -> Matrix<UInt8> {
        let items = try labelItemCount(variable)
        let values = try itemRows(variable, items: items)
        let file = try self.file(holding: variable)
        let itemsFirst = try file.dimensions(of: variable)[0] == items
        var labels = Matrix<UInt8>(rows: values.rows, columns: values.columns, repeating: 0)
        for (position, value) in values.elements.enumerated() {
            switch value {
            case 0: continue
            case 1: labels.elements[position] = 1
            default:
                // The element's place in the variable as stored (column-major), as MATLAB numbers it.
                let (item, label) = position.quotientAndRemainder(dividingBy: values.columns)
                throw ImportError.invalidValue(file: file.path, variable: variable,
                                               position: itemsFirst ? item + label * items : position,
                                               value: Double(value), expected: "0 or 1")
            }
        }
        return labels
    }

    /// A vector of positive integers (a 1-based class id or item index per entry), in
    /// any orientation, checked against `1...upperBound` and returned 0-based.
    ///
    /// - Throws: ``ImportError/invalidValue(file:variable:position:value:expected:)``;
    ///   ``MATFileError`` on read errors.
    func zeroBasedIndices(_ variable: String, upperBound: Int, meaning: String) throws -> [Int] {
        let file = try self.file(holding: variable)
        let (_, values) = try file.columnMajor(variable, as: Double.self)
        return try values.enumerated().map { position, value in
            guard let index = Int(exactly: value), (1...upperBound).contains(index) else {
                throw ImportError.invalidValue(file: file.path, variable: variable, position: position, value: value,
                                               expected: "a 1-based \(meaning) in 1…\(upperBound)")
            }
            return index - 1
        }
    }
}
