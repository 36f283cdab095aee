/// Reads MAT v7.3 files, which are HDF5 files (with a 512-byte user block holding
/// MATLAB's header text): each variable is a root dataset (or, when sparse, a group)
/// with a `MATLAB_class` attribute. MATLAB arrays are column-major and HDF5 lists
/// dimensions slowest first, so a MATLAB r × c variable is stored with HDF5 shape
/// (c, r), and its HDF5 elements in row-major order are MATLAB's column-major order.
/// Chars are uint16 code units; logicals uint8; cell arrays are datasets of object
/// references into `/#refs#`; empty arrays hold their dimensions and carry the
/// attribute `MATLAB_empty`; sparse arrays are groups with `data`, `ir`, `jc` and the
/// row count in the attribute `MATLAB_sparse`.
final class MATv73Reader {
    let file: HDF5File

    init(path: String) throws {
        file = try HDF5File(reading: path)
    }

    var path: String { file.path }

    /// The variables: root members except MATLAB's bookkeeping groups (`#refs#`, `#subsystem#`).
    func variableNames() throws -> [String] {
        try file.members(ofGroup: "/").filter { !$0.hasPrefix("#") }
    }

    /// `MATLAB_class` of the object at `objectPath`.
    func className(_ objectPath: String, variable: String) throws -> String {
        do {
            return try file.stringAttribute("MATLAB_class", on: objectPath)
        } catch {
            throw MATFileError.corrupt(file: path, variable: variable, reason: "\(objectPath) has no MATLAB_class")
        }
    }

    private func isSparse(_ objectPath: String) -> Bool {
        (try? file.attributeNames(on: objectPath).contains("MATLAB_sparse")) == true
    }

    private func isEmpty(_ objectPath: String) -> Bool {
        (try? file.attributeNames(on: objectPath).contains("MATLAB_empty")) == true
    }

    /// MATLAB's dimensions of the array at `objectPath`.
    func dimensions(_ objectPath: String, variable: String) throws -> [Int] {
        if isSparse(objectPath) {
            let rows = try file.numericAttribute("MATLAB_sparse", on: objectPath, as: UInt64.self)
            let columnStarts = try file.shape(of: objectPath + "/jc")
            guard let rowCount = Int(exactly: rows) else {
                throw MATFileError.corrupt(file: path, variable: variable, reason: "sparse row count \(rows) is too large")
            }
            return [rowCount, max(0, (columnStarts.first ?? 1) - 1)]
        }
        if isEmpty(objectPath) {
            return try file.readConverting(objectPath, as: Double.self).elements.map { value in
                guard let dimension = Int(exactly: value), dimension >= 0 else {
                    throw MATFileError.corrupt(file: path, variable: variable,
                                               reason: "empty array's dimension \(value) is not a count")
                }
                return dimension
            }
        }
        return try file.shape(of: objectPath).reversed()
    }

    /// The numeric array at `objectPath` in MATLAB's column-major order, converted to
    /// `T`; sparse arrays are expanded.
    func columnMajor<T: HDF5Scalar & BinaryFloatingPoint>(_ objectPath: String, variable: String,
                                                           as type: T.Type) throws -> (dimensions: [Int], elements: [T]) {
        let dimensions = try dimensions(objectPath, variable: variable)
        if isEmpty(objectPath) { return (dimensions, []) }
        if isSparse(objectPath) {
            let rows = dimensions[0]
            var dense = [T](repeating: 0, count: try MATElementCount.dense(dimensions, file: path, variable: variable))
            guard file.exists(objectPath + "/data") else { return (dimensions, dense) }
            let values = try file.readConverting(objectPath + "/data", as: T.self).elements
            let rowIndices = try file.readConverting(objectPath + "/ir", as: Double.self).elements
            let columnStarts = try file.readConverting(objectPath + "/jc", as: Double.self).elements
            try MATSparse.expand(values: values, rowIndices: rowIndices.map { Int(exactly: $0) ?? -1 },
                                 columnStarts: columnStarts.map { Int(exactly: $0) ?? -1 }, rows: rows, into: &dense) {
                MATFileError.corrupt(file: path, variable: variable, reason: "sparse indices out of range")
            }
            return (dimensions, dense)
        }
        return (dimensions, try file.readConverting(objectPath, as: T.self).elements)
    }

    /// The strings of a char array (one per row) or of a cell array of char arrays
    /// (one per cell, in column-major order).
    func strings(_ objectPath: String, variable: String) throws -> [String] {
        switch try className(objectPath, variable: variable) {
        case "char":
            let (dimensions, codes) = try columnMajor(objectPath, variable: variable, as: Double.self)
            return MATCharacters.rows(codeUnits: codes.map { UInt16(truncatingIfNeeded: Int($0)) },
                                      dimensions: dimensions)
        case "cell":
            // One string per cell: the first row of each cell's char array ("" if empty).
            return try file.readReferencedPaths(objectPath).paths.map { try strings($0, variable: variable).first ?? "" }
        case let other:
            throw MATFileError.unsupportedClass(file: path, variable: variable, found: other,
                                                expected: "char or cell of char")
        }
    }
}
