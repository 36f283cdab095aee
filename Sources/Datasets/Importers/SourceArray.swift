import Linalg

/// A numeric variable of a source file, with the dimensions the program that wrote it
/// shows: MATLAB's for a variable of a MAT v5 or v7.3 file, NumPy's shape for a
/// dataset of a plain HDF5 file as h5py writes it.
///
/// Both v7.3 and h5py files are HDF5; a variable is MATLAB's when its object carries
/// the `MATLAB_class` attribute, which MATLAB always writes and h5py never does.
/// MATLAB stores arrays column-major, so a v7.3 variable of MATLAB dimensions r × c has
/// the HDF5 shape (c, r); h5py stores NumPy's row-major (C-order) array with its shape
/// as is, so an (N, D) array has the HDF5 shape (N, D). Taken by the HDF5 shape alone,
/// one kind would read as the other's transpose.
struct SourceArray {
    /// The axis of a 2-D variable, as shown, along which its items lie.
    enum ItemAxis: Equatable {
        /// One item per row (items × D).
        case rows
        /// One item per column (D × items).
        case columns
    }

    let file: MATFile
    let variable: String
    /// The dimensions as MATLAB or NumPy shows them, e.g. `[N, D]`.
    let dimensions: [Int]
    /// The file opened as plain HDF5 when the variable is not MATLAB's.
    private let plainHDF5: HDF5File?

    /// The variable `variable` of the first source file that holds it.
    ///
    /// - Throws: ``ImportError/missingVariable(variable:files:)``; ``MATFileError`` or
    ///   ``HDF5Error`` naming the file when the variable cannot be examined.
    init(_ variable: String, in sources: MATSources) throws {
        file = try sources.file(holding: variable)
        self.variable = variable
        plainHDF5 = try sources.plainHDF5(file, holding: variable)
        dimensions = try plainHDF5?.shape(of: "/" + variable) ?? file.dimensions(of: variable)
    }

    /// The variable and its file, as error messages refer to it.
    var reference: String { "\"\(variable)\" in \(file.path)" }

    /// Whether the variable is a vector.
    var isVector: Bool { Self.isVector(dimensions) }

    /// Whether an array of `dimensions` is a vector: 1-D, or 2-D with an axis of length 1.
    static func isVector(_ dimensions: [Int]) -> Bool {
        dimensions.count == 1 || (dimensions.count == 2 && dimensions.contains(1))
    }

    /// The elements converted to `T`, in the order stored: MATLAB's column-major order,
    /// or row-major order for a plain HDF5 dataset. The `position` of an
    /// ``ImportError/invalidValue(file:variable:position:value:expected:)`` counts in
    /// this order.
    ///
    /// - Throws: ``MATFileError/unsupportedClass(file:variable:found:expected:)`` for
    ///   elements that are not numbers (MATLAB strings, cells, structs; HDF5 strings and
    ///   enumerations, as which h5py stores NumPy booleans); other ``MATFileError`` or
    ///   ``HDF5Error`` read errors, naming the file and variable.
    func storedElements<T: HDF5Scalar & BinaryFloatingPoint>(as type: T.Type) throws -> [T] {
        guard let plainHDF5 else { return try file.columnMajor(variable, as: T.self).elements }
        do {
            return try plainHDF5.readConverting("/" + variable, as: T.self).elements
        } catch let HDF5Error.wrongType(_, _, _, found) {
            throw MATFileError.unsupportedClass(
                file: file.path, variable: variable, found: "HDF5 \(found)",
                expected: "a numeric array (h5py stores NumPy booleans as an enum: save them as uint8)")
        }
    }

    /// The 2-D variable's `elements` (in the order ``storedElements(as:)`` gives them)
    /// as an items × D matrix, its items lying along `axis` of the variable as shown.
    /// At most one transposition is made: a MATLAB D × N variable and an h5py (N, D)
    /// array are stored item after item already.
    func itemRows<T>(_ elements: [T], itemsAlong axis: ItemAxis) -> Matrix<T> {
        let (rows, columns) = (dimensions[0], dimensions[1])
        let rowMajor = plainHDF5 != nil
        let stored = rowMajor ? Matrix(rows: rows, columns: columns, elements: elements)
            : Matrix(rows: columns, columns: rows, elements: elements)
        return rowMajor == (axis == .rows) ? stored : stored.transposed()
    }
}
