import CHDF5

extension HDF5File {
    /// Stores `value` as a scalar variable-length UTF-8 string attribute called `name`
    /// on the object (group or dataset) at `objectPath`, replacing an existing
    /// attribute of that name.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)``,
    ///   ``HDF5Error/unrepresentableString(file:path:)`` when `value` contains a NUL
    ///   character, or ``HDF5Error/attributeWriteFailed(file:path:name:)``.
    public func setAttribute(_ name: String, _ value: String, on objectPath: String = "/") throws {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(objectPath)
        guard !value.utf8.contains(0) else {
            throw HDF5Error.unrepresentableString(file: path, path: absolutePath)
        }
        let failure = HDF5Error.attributeWriteFailed(file: path, path: absolutePath, name: name)
        let datatype = try Self.makeVariableLengthUTF8Type(orThrow: failure)
        defer { H5Tclose(datatype) }
        try value.withCString { characters in
            try withUnsafeBytes(of: characters) {
                try writeAttribute(name, on: absolutePath, fileType: datatype, memoryType: datatype,
                                   value: $0.baseAddress!)
            }
        }
    }

    /// Stores `value` as a scalar attribute called `name`, of `T`'s little-endian file
    /// type, on the object at `objectPath`, replacing an existing attribute of that
    /// name.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)`` or
    ///   ``HDF5Error/attributeWriteFailed(file:path:name:)``.
    public func setAttribute<T: HDF5Scalar>(_ name: String, _ value: T, on objectPath: String = "/") throws {
        HDF5Library.prepareCurrentThread()
        try withUnsafeBytes(of: value) {
            try writeAttribute(name, on: Self.normalized(objectPath), fileType: T._hdf5FileType,
                               memoryType: T._hdf5MemoryType, value: $0.baseAddress!)
        }
    }

    /// The string attribute called `name` on the object at `objectPath`: fixed or
    /// variable length, ASCII or UTF-8, holding exactly one string (a scalar, or a
    /// one-element array as MATLAB writes). Fixed-length strings are cut according to
    /// their padding, as in ``readStrings(_:)``.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)``,
    ///   ``HDF5Error/missingAttribute(file:path:name:)``,
    ///   ``HDF5Error/wrongAttributeType(file:path:name:expected:found:)`` unless it holds
    ///   strings, ``HDF5Error/attributeNotScalar(file:path:name:shape:)``,
    ///   ``HDF5Error/corruptGlobalHeapReference(file:path:attribute:element:fault:)`` when a
    ///   variable-length string refers into the global heap in a way libhdf5 cannot
    ///   follow safely, or ``HDF5Error/attributeReadFailed(file:path:name:)``.
    public func stringAttribute(_ name: String, on objectPath: String = "/") throws -> String {
        let absolutePath = Self.normalized(objectPath)
        return try readAttribute(name, on: absolutePath, expected: .string) { attribute, datatype, dataspace in
            guard let layout = HDF5StringLayout(datatype: datatype) else { return nil }
            let read = { H5Aread(attribute, $0, $1) }
            if layout.fixedLength == nil {
                try checkGlobalHeapReferences(
                    count: 1, at: absolutePath, attribute: name,
                    failure: .attributeReadFailed(file: path, path: absolutePath, name: name), read: read)
            }
            return layout.readStrings(count: 1, dataspace: dataspace, read: read)?.first
        }
    }

    /// The numeric attribute called `name` on the object at `objectPath`, holding
    /// exactly one value (a scalar, or a one-element array) whose element type is `T`'s
    /// exactly (class, size and signedness).
    ///
    /// - Throws: as ``stringAttribute(_:on:)``, with `T`'s element type expected.
    public func numericAttribute<T: HDF5Scalar>(_ name: String, on objectPath: String = "/",
                                                as type: T.Type = T.self) throws -> T {
        try readAttribute(name, on: Self.normalized(objectPath), expected: T.hdf5ElementType) { attribute, _, _ in
            let values = [T](unsafeUninitializedCapacity: 1) { buffer, initializedCount in
                initializedCount = H5Aread(attribute, T._hdf5MemoryType, buffer.baseAddress) >= 0 ? 1 : 0
            }
            return values.first
        }
    }

    /// The names of the attributes on the object at `objectPath`, sorted.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)`` or
    ///   ``HDF5Error/readFailed(file:path:)``.
    public func attributeNames(on objectPath: String = "/") throws -> [String] {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(objectPath)
        let object = try openObject(absolutePath, kind: .any)
        defer { H5Oclose(object) }
        var information = H5O_info_t()
        guard H5Oget_info2(object, &information, UInt32(H5O_INFO_NUM_ATTRS)) >= 0 else {
            throw HDF5Error.readFailed(file: path, path: absolutePath)
        }
        var names: [String] = []
        for index in 0..<information.num_attrs {
            let name = Self.readName { buffer, size in
                H5Aget_name_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, index, buffer, size,
                                   hashlab_H5P_DEFAULT())
            }
            guard let name else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
            names.append(name)
        }
        return names.sorted()
    }

    /// Creates a scalar attribute of `fileType` on the object at the normalized
    /// `absolutePath` (replacing one of the same name) and writes the value at `value`,
    /// whose memory layout is `memoryType`.
    private func writeAttribute(_ name: String, on absolutePath: String, fileType: hid_t,
                                memoryType: hid_t, value: UnsafeRawPointer) throws {
        let object = try openObject(absolutePath, kind: .any)
        defer { H5Oclose(object) }
        let failure = HDF5Error.attributeWriteFailed(file: path, path: absolutePath, name: name)
        let existing = H5Aexists(object, name)
        guard existing >= 0, existing == 0 || H5Adelete(object, name) >= 0 else { throw failure }
        let dataspace = H5Screate(H5S_SCALAR)
        guard dataspace >= 0 else { throw failure }
        defer { H5Sclose(dataspace) }
        let attribute = H5Acreate2(object, name, fileType, dataspace, hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT())
        guard attribute >= 0 else { throw failure }
        defer { H5Aclose(attribute) }
        guard H5Awrite(attribute, memoryType, value) >= 0 else { throw failure }
    }

    /// Opens the attribute called `name` on the object at the normalized
    /// `absolutePath`, checks that it holds one value of the `expected` element type,
    /// and returns what `read` gives for the attribute, its datatype and its dataspace
    /// (`nil` meaning that reading failed; an error `read` throws passes through).
    private func readAttribute<Value>(_ name: String, on absolutePath: String, expected: HDF5ElementType,
                                      read: (hid_t, hid_t, hid_t) throws -> Value?) throws -> Value {
        HDF5Library.prepareCurrentThread()
        let object = try openObject(absolutePath, kind: .any)
        defer { H5Oclose(object) }
        let failure = HDF5Error.attributeReadFailed(file: path, path: absolutePath, name: name)
        let existing = H5Aexists(object, name)
        guard existing >= 0 else { throw failure }
        guard existing > 0 else {
            throw HDF5Error.missingAttribute(file: path, path: absolutePath, name: name)
        }
        let attribute = H5Aopen(object, name, hashlab_H5P_DEFAULT())
        guard attribute >= 0 else { throw failure }
        defer { H5Aclose(attribute) }
        let datatype = H5Aget_type(attribute)
        guard datatype >= 0 else { throw failure }
        defer { H5Tclose(datatype) }
        let found = HDF5ElementType(datatype: datatype)
        guard found == expected else {
            throw HDF5Error.wrongAttributeType(file: path, path: absolutePath, name: name,
                                               expected: expected, found: found)
        }
        let dataspace = H5Aget_space(attribute)
        guard dataspace >= 0 else { throw failure }
        defer { H5Sclose(dataspace) }
        guard let shape = Self.shape(ofDataspace: dataspace) else { throw failure }
        guard shape.reduce(1, *) == 1, H5Sget_simple_extent_type(dataspace) != H5S_NULL else {
            throw HDF5Error.attributeNotScalar(file: path, path: absolutePath, name: name, shape: shape)
        }
        guard let value = try read(attribute, datatype, dataspace) else { throw failure }
        return value
    }
}
