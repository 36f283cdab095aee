import CHDF5

extension HDF5File {
    /// The elements and shape of the numeric dataset at `datasetPath` (any rank, any
    /// integer or floating-point element type), converted by HDF5 to `T` as they are
    /// read. For files whose writers choose the element type (MATLAB v7.3 stores
    /// logicals as uint8, chars as uint16, integral data in its own class).
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)``,
    ///   ``HDF5Error/notADataset(file:path:)``,
    ///   ``HDF5Error/wrongType(file:path:expected:found:)`` when the elements are not
    ///   numbers, or ``HDF5Error/readFailed(file:path:)``.
    public func readConverting<T: HDF5Scalar>(_ datasetPath: String,
                                              as type: T.Type = T.self) throws -> (elements: [T], shape: [Int]) {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(datasetPath)
        let dataset = try openObject(absolutePath, kind: .dataset)
        defer { H5Oclose(dataset) }
        let shape = try dataspaceShape(of: dataset, at: absolutePath)
        let found = try elementType(of: absolutePath)
        switch found {
        case .string, .other:
            throw HDF5Error.wrongType(file: path, path: absolutePath, expected: T.hdf5ElementType, found: found)
        default:
            break
        }
        let count = shape.reduce(1, *)
        let elements = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 {
                let status = H5Dread(dataset, T._hdf5MemoryType, hashlab_H5S_ALL(), hashlab_H5S_ALL(),
                                     hashlab_H5P_DEFAULT(), buffer.baseAddress)
                guard status >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
            }
            initialized = count
        }
        return (elements, shape)
    }

    /// The paths of the objects that the object-reference dataset at `datasetPath`
    /// points to, in stored order (MATLAB v7.3 cell arrays point into `/#refs#`).
    ///
    /// - Throws: ``HDF5Error/wrongType(file:path:expected:found:)`` unless the
    ///   dataset holds object references, or ``HDF5Error/readFailed(file:path:)``.
    public func readReferencedPaths(_ datasetPath: String) throws -> (paths: [String], shape: [Int]) {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(datasetPath)
        let dataset = try openObject(absolutePath, kind: .dataset)
        defer { H5Oclose(dataset) }
        let shape = try dataspaceShape(of: dataset, at: absolutePath)
        let datatype = H5Dget_type(dataset)
        guard datatype >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Tclose(datatype) }
        guard H5Tget_class(datatype) == H5T_REFERENCE else {
            throw HDF5Error.wrongType(file: path, path: absolutePath, expected: .other("object reference"),
                                      found: HDF5ElementType(datatype: datatype))
        }
        let count = shape.reduce(1, *)
        var references = [hobj_ref_t](repeating: 0, count: count)
        if count > 0 {
            guard H5Dread(dataset, hashlab_H5T_STD_REF_OBJ(), hashlab_H5S_ALL(), hashlab_H5S_ALL(),
                          hashlab_H5P_DEFAULT(), &references) >= 0 else {
                throw HDF5Error.readFailed(file: path, path: absolutePath)
            }
        }
        var paths: [String] = []
        for var reference in references {
            let object = H5Rdereference2(dataset, hashlab_H5P_DEFAULT(), H5R_OBJECT, &reference)
            guard object >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
            defer { H5Oclose(object) }
            guard let name = Self.readName({ H5Iget_name(object, $0, $1) }) else {
                throw HDF5Error.readFailed(file: path, path: absolutePath)
            }
            paths.append(name)
        }
        return (paths, shape)
    }
}
