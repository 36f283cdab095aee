import Foundation
import Linalg

/// A MATLAB `.mat` file, version 5 (`-v6`, `-v7`: tagged elements, optionally
/// zlib-compressed) or 7.3 (HDF5), read through one interface.
///
/// Variables are returned as MATLAB shows them: `matrix("features")` of a 2048 ×
/// 37322 variable is a 2048-row matrix. MATLAB stores arrays column-major, so
/// ``columnMajor(_:as:)`` gives the raw order without a transposition: read as
/// row-major, the elements of an r × c variable are its transpose (c × r) — which is
/// what importers want for MATLAB's features-by-items layouts.
public final class MATFile {
    /// The MAT-file format versions.
    public enum Version: String, Sendable {
        case v5 = "5"
        case v73 = "7.3"
    }

    public let path: String
    public let version: Version
    private let v5: MATv5Reader?
    private let v73: MATv73Reader?

    /// Opens `path`, recognising v7.3 by the HDF5 signature (at byte 0 or 512, after
    /// MATLAB's user block) and v5 by its header.
    ///
    /// - Throws: ``MATFileError`` (`fileNotFound`, `notMATFile`, `truncated`,
    ///   `corrupt`) naming the file.
    public init(reading path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw MATFileError.fileNotFound(file: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw MATFileError.unreadable(file: path, reason: error.localizedDescription)
        }
        let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]
        let isHDF5 = [0, 512, 1024, 2048].contains { offset in
            data.count >= offset + 8 && Array(data[(data.startIndex + offset)..<(data.startIndex + offset + 8)]) == signature
        }
        if isHDF5 {
            version = .v73
            v5 = nil
            do {
                v73 = try MATv73Reader(path: path)
            } catch {
                throw MATFileError.truncated(file: path, variable: nil)
            }
        } else {
            version = .v5
            v5 = try MATv5Reader(path: path, data: data)
            v73 = nil
        }
    }

    /// The variables' names, in file order (v5) or name order (v7.3).
    public var variableNames: [String] {
        v5?.index.map(\.name) ?? (try? v73?.variableNames()) ?? []
    }

    /// Whether the file holds `name`.
    public func contains(_ name: String) -> Bool {
        variableNames.contains(name)
    }

    /// MATLAB's dimensions of `name`, e.g. `[2048, 37322]`.
    ///
    /// - Throws: ``MATFileError/missingVariable(file:variable:available:)`` and read errors.
    public func dimensions(of name: String) throws -> [Int] {
        try checkPresent(name)
        if let v5 { return try v5.array(name).dimensions }
        return try mapHDF5(name) { try $0.dimensions("/" + name, variable: name) }
    }

    /// MATLAB's class of `name` (`double`, `single`, `uint8`, `logical`, `char`,
    /// `cell`, `struct`, `sparse`, …).
    public func className(of name: String) throws -> String {
        try checkPresent(name)
        if let v5 { return try v5.array(name).className }
        return try mapHDF5(name) { try $0.className("/" + name, variable: name) }
    }

    /// The numeric (or logical) variable `name` as `T` in MATLAB's column-major
    /// order, with its dimensions; sparse variables are expanded to dense.
    ///
    /// - Throws: ``MATFileError/unsupportedClass(file:variable:found:expected:)`` for
    ///   char, cell, struct and object variables; ``MATFileError/corrupt(file:variable:reason:)``
    ///   for a sparse variable whose dense form would not fit in the machine's memory;
    ///   read errors.
    public func columnMajor<T: HDF5Scalar & BinaryFloatingPoint>(_ name: String, as type: T.Type = T.self) throws
        -> (dimensions: [Int], elements: [T]) {
        try checkPresent(name)
        if let v5 {
            let array = try v5.array(name)
            switch array.arrayClass {
            case .sparse:
                let rows = array.dimensions.first ?? 0
                var dense = [T](repeating: 0,
                                count: try MATElementCount.dense(array.dimensions, file: path, variable: name))
                try MATSparse.expand(values: array.real?.values(as: T.self) ?? [],
                                     rowIndices: array.rowIndices?.integers() ?? [],
                                     columnStarts: array.columnStarts?.integers() ?? [], rows: rows, into: &dense) {
                    MATFileError.corrupt(file: path, variable: name, reason: "sparse indices out of range")
                }
                return (array.dimensions, dense)
            case let arrayClass where arrayClass.isNumeric:
                return (array.dimensions, array.real?.values(as: T.self) ?? [])
            default:
                throw MATFileError.unsupportedClass(file: path, variable: name, found: array.className,
                                                    expected: "a numeric or logical array")
            }
        }
        let className = try self.className(of: name)
        guard !["char", "cell", "struct", "object", "function_handle"].contains(className) else {
            throw MATFileError.unsupportedClass(file: path, variable: name, found: className,
                                                expected: "a numeric or logical array")
        }
        return try mapHDF5(name) { try $0.columnMajor("/" + name, variable: name, as: T.self) }
    }

    /// The 2-D numeric variable `name` as MATLAB shows it (rows × columns).
    ///
    /// - Throws: as ``columnMajor(_:as:)``, and
    ///   ``MATFileError/notTwoDimensional(file:variable:dimensions:)``.
    public func matrix<T: HDF5Scalar & BinaryFloatingPoint>(_ name: String, as type: T.Type = Double.self) throws
        -> Matrix<T> {
        let (dimensions, elements) = try columnMajor(name, as: T.self)
        guard dimensions.count == 2 else {
            throw MATFileError.notTwoDimensional(file: path, variable: name, dimensions: dimensions)
        }
        return Matrix(rows: dimensions[1], columns: dimensions[0], elements: elements).transposed()
    }

    /// The strings of a char array (one per row, trailing blanks removed) or of a
    /// cell array of char arrays (one per cell, column-major order).
    ///
    /// - Throws: ``MATFileError/unsupportedClass(file:variable:found:expected:)`` for
    ///   other classes; read errors.
    public func strings(_ name: String) throws -> [String] {
        try checkPresent(name)
        if let v5 { return try Self.strings(of: v5.array(name), file: path, variable: name) }
        return try mapHDF5(name) { try $0.strings("/" + name, variable: name) }
    }

    private static func strings(of array: MATv5Array, file: String, variable: String) throws -> [String] {
        switch array.arrayClass {
        case .char:
            return MATCharacters.rows(codeUnits: array.real?.text() ?? [], dimensions: array.dimensions)
        case .cell:
            return try array.cells.map { try strings(of: $0, file: file, variable: variable).first ?? "" }
        default:
            throw MATFileError.unsupportedClass(file: file, variable: variable, found: array.className,
                                                expected: "char or cell of char")
        }
    }

    private func checkPresent(_ name: String) throws {
        guard contains(name) else {
            throw MATFileError.missingVariable(file: path, variable: name, available: variableNames)
        }
    }

    /// Runs a v7.3 read, turning HDF5 read failures into MAT errors naming the variable.
    private func mapHDF5<Result>(_ name: String, _ body: (MATv73Reader) throws -> Result) throws -> Result {
        guard let v73 else { throw MATFileError.missingVariable(file: path, variable: name, available: []) }
        do {
            return try body(v73)
        } catch let error as MATFileError {
            throw error
        } catch let error as HDF5Error {
            if case .readFailed = error { throw MATFileError.truncated(file: path, variable: name) }
            throw MATFileError.corrupt(file: path, variable: name, reason: error.description)
        }
    }
}
