import CHDF5
import Linalg

extension HDF5File {
    /// The elements of the 1-D dataset at `datasetPath`.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)``,
    ///   ``HDF5Error/notADataset(file:path:)``, ``HDF5Error/wrongRank(file:path:expected:found:)``
    ///   unless the dataset has exactly one dimension,
    ///   ``HDF5Error/wrongType(file:path:expected:found:)`` unless its element type is
    ///   `T`'s exactly (class, size and signedness), or
    ///   ``HDF5Error/readFailed(file:path:)``.
    public func readVector<T: HDF5Scalar>(_ datasetPath: String, as type: T.Type = T.self) throws -> [T] {
        try readNumbers(datasetPath, rank: 1, as: T.self).elements
    }

    /// The 2-D dataset at `datasetPath` as a matrix in its stored row-major order: a
    /// dataset of shape `(N, D)` (h5py's and C's convention) has `N` rows and `D`
    /// columns.
    ///
    /// MATLAB writes column-major arrays, so a MATLAB `D × N` variable appears here
    /// with shape `(N, D)`.
    ///
    /// - Throws: as ``readVector(_:as:)``, with rank 2 required.
    public func readMatrix<T: HDF5Scalar>(_ datasetPath: String, as type: T.Type = T.self) throws -> Matrix<T> {
        let (elements, shape) = try readNumbers(datasetPath, rank: 2, as: T.self)
        return Matrix(rows: shape[0], columns: shape[1], elements: elements)
    }

    /// The strings of the 1-D string dataset at `datasetPath`, fixed or variable
    /// length, ASCII or UTF-8.
    ///
    /// Fixed-length strings are cut according to their padding (at the first NUL for
    /// null-terminated strings, trailing NULs or spaces dropped for null- or
    /// space-padded ones); bytes that are not valid UTF-8 become U+FFFD.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)``,
    ///   ``HDF5Error/notADataset(file:path:)``,
    ///   ``HDF5Error/wrongRank(file:path:expected:found:)`` unless the dataset is 1-D,
    ///   ``HDF5Error/wrongType(file:path:expected:found:)`` unless it holds strings,
    ///   ``HDF5Error/corruptGlobalHeapReference(file:path:attribute:element:fault:)`` when a
    ///   variable-length string refers into the global heap in a way libhdf5 cannot
    ///   follow safely (checked before libhdf5 follows any), or
    ///   ``HDF5Error/readFailed(file:path:)``.
    public func readStrings(_ datasetPath: String) throws -> [String] {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(datasetPath)
        let dataset = try openObject(absolutePath, kind: .dataset)
        defer { H5Oclose(dataset) }
        let shape = try dataspaceShape(of: dataset, at: absolutePath)
        guard shape.count == 1 else {
            throw HDF5Error.wrongRank(file: path, path: absolutePath, expected: 1, found: shape)
        }
        let datatype = H5Dget_type(dataset)
        guard datatype >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Tclose(datatype) }
        let found = HDF5ElementType(datatype: datatype)
        guard found == .string else {
            throw HDF5Error.wrongType(file: path, path: absolutePath, expected: .string, found: found)
        }
        let dataspace = H5Dget_space(dataset)
        guard dataspace >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Sclose(dataspace) }
        let failure = HDF5Error.readFailed(file: path, path: absolutePath)
        guard let layout = HDF5StringLayout(datatype: datatype) else { throw failure }
        let read = { (memoryType: hid_t, buffer: UnsafeMutableRawPointer) in
            H5Dread(dataset, memoryType, hashlab_H5S_ALL(), hashlab_H5S_ALL(), hashlab_H5P_DEFAULT(), buffer)
        }
        if layout.fixedLength == nil {
            try checkGlobalHeapReferences(count: shape[0], at: absolutePath, attribute: nil, failure: failure,
                                          read: read)
        }
        guard let strings = layout.readStrings(count: shape[0], dataspace: dataspace, read: read) else {
            throw failure
        }
        return strings
    }

    /// The elements and shape of a numeric dataset of the given rank, after checking
    /// rank and element type.
    private func readNumbers<T: HDF5Scalar>(_ datasetPath: String, rank: Int,
                                            as type: T.Type) throws -> (elements: [T], shape: [Int]) {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(datasetPath)
        let dataset = try openObject(absolutePath, kind: .dataset)
        defer { H5Oclose(dataset) }
        let shape = try dataspaceShape(of: dataset, at: absolutePath)
        guard shape.count == rank else {
            throw HDF5Error.wrongRank(file: path, path: absolutePath, expected: rank, found: shape)
        }
        let datatype = H5Dget_type(dataset)
        guard datatype >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Tclose(datatype) }
        let found = HDF5ElementType(datatype: datatype)
        guard found == T.hdf5ElementType else {
            throw HDF5Error.wrongType(file: path, path: absolutePath, expected: T.hdf5ElementType, found: found)
        }
        let count = shape.reduce(1, *)
        let elements = try [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            if count > 0 {
                let status = H5Dread(dataset, T._hdf5MemoryType, hashlab_H5S_ALL(), hashlab_H5S_ALL(),
                                     hashlab_H5P_DEFAULT(), buffer.baseAddress)
                guard status >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
            }
            initializedCount = count
        }
        return (elements, shape)
    }
}
