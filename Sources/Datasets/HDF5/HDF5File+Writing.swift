import CHDF5
import FileIO
import Foundation
import Linalg

extension HDF5File {
    /// Writes a new HDF5 file at `path` atomically.
    ///
    /// The file is created under a hidden, unique temporary name in `path`'s directory
    /// and handed to `body`. When `body` returns, the file is closed (`H5Fclose`),
    /// flushed to storage (`fsync`), renamed onto `path` (replacing any file there),
    /// and the directory is flushed. If `body` or any of these steps throws, the
    /// temporary file is removed and the error is rethrown; whatever was at `path`
    /// is then untouched (except when only the final directory flush fails, after the
    /// rename). The `HDF5File` given to `body` must not be used after `body` returns.
    ///
    /// Files are written with HDF5's default (earliest) format versions, which h5py
    /// and MATLAB read, and without object modification times, so the same contents
    /// give the same bytes.
    ///
    /// - Throws: ``AtomicWriteError`` when the temporary file cannot be created, synced
    ///   or renamed (naming the step and the system's reason, e.g. a missing directory);
    ///   ``HDF5Error/fileWriteFailed(file:reason:)`` when HDF5 cannot create or close
    ///   it; and whatever `body` throws.
    public static func write(to path: String, _ body: (HDF5File) throws -> Void) throws {
        HDF5Library.prepareCurrentThread()
        let replacement = AtomicFileReplacement(destination: path)
        // Creating the file first reports a missing or unwritable directory with the
        // system's reason; HDF5 then truncates it and writes its own structure.
        _ = Glibc.close(try replacement.create())
        let accessProperties = H5Pcreate(hashlab_H5P_FILE_ACCESS())
        guard accessProperties >= 0 else {
            replacement.discard()
            throw HDF5Error.fileWriteFailed(file: path, reason: "HDF5 cannot create file access properties")
        }
        defer { H5Pclose(accessProperties) }
        H5Pset_fclose_degree(accessProperties, H5F_CLOSE_STRONG)
        let creationProperties = untimedCreationProperties(hashlab_H5P_FILE_CREATE())
        defer { H5Pclose(creationProperties) }
        let identifier = H5Fcreate(replacement.temporaryPath, hashlab_H5F_ACC_TRUNC(), creationProperties,
                                   accessProperties)
        guard identifier >= 0 else {
            replacement.discard()
            throw HDF5Error.fileWriteFailed(file: path, reason: "HDF5 cannot create \(replacement.temporaryPath)")
        }
        let file = HDF5File(identifier: identifier, path: path)
        do {
            try body(file)
            guard file.close() else {
                throw HDF5Error.fileWriteFailed(file: path, reason: "HDF5 cannot close \(replacement.temporaryPath)")
            }
            try replacement.commit()
        } catch {
            file.close()
            replacement.discard()
            throw error
        }
    }

    /// Creates the group at `groupPath` and any missing groups above it. Nothing
    /// happens when the group already exists.
    ///
    /// - Throws: ``HDF5Error/notAGroup(file:path:)`` when the path or one of its
    ///   prefixes names an object that is not a group, or
    ///   ``HDF5Error/writeFailed(file:path:)`` naming the group HDF5 could not create
    ///   (e.g. in a file opened for reading).
    public func createGroup(_ groupPath: String) throws {
        HDF5Library.prepareCurrentThread()
        try createGroups(Self.components(of: groupPath))
    }

    /// Writes `values` as a new 1-D dataset of `T`'s little-endian file type (see
    /// ``HDF5Scalar``), creating missing groups above it. An empty array gives a
    /// dataset of shape `[0]`.
    ///
    /// - Throws: ``HDF5Error/alreadyExists(file:path:)`` when an object is at
    ///   `datasetPath`, ``HDF5Error/notAGroup(file:path:)`` when a prefix of it is not a
    ///   group, or ``HDF5Error/writeFailed(file:path:)``.
    public func write<T: HDF5Scalar>(_ values: [T], to datasetPath: String) throws {
        try createDataset(datasetPath, datatype: T._hdf5FileType, shape: [values.count]) { dataset in
            values.withUnsafeBytes {
                H5Dwrite(dataset, T._hdf5MemoryType, hashlab_H5S_ALL(), hashlab_H5S_ALL(),
                         hashlab_H5P_DEFAULT(), $0.baseAddress)
            }
        }
    }

    /// Writes `matrix` as a new 2-D dataset of shape `(rows, columns)` in row-major
    /// order (what h5py reads as an `(N, D)` array), of `T`'s little-endian file type,
    /// creating missing groups above it. Matrices with zero rows or columns are
    /// stored with that shape.
    ///
    /// - Throws: as the 1-D `write(_:to:)`.
    public func write<T: HDF5Scalar>(_ matrix: Matrix<T>, to datasetPath: String) throws {
        try createDataset(datasetPath, datatype: T._hdf5FileType, shape: [matrix.rows, matrix.columns]) { dataset in
            matrix.elements.withUnsafeBytes {
                H5Dwrite(dataset, T._hdf5MemoryType, hashlab_H5S_ALL(), hashlab_H5S_ALL(),
                         hashlab_H5P_DEFAULT(), $0.baseAddress)
            }
        }
    }

    /// Writes `strings` as a new 1-D dataset of variable-length, null-terminated UTF-8
    /// strings (what h5py writes for `h5py.string_dtype()`), creating missing groups
    /// above it.
    ///
    /// - Throws: ``HDF5Error/unrepresentableString(file:path:)`` when a string contains
    ///   a NUL character, otherwise as the 1-D `write(_:to:)`.
    public func write(_ strings: [String], to datasetPath: String) throws {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(datasetPath)
        guard !strings.contains(where: { $0.utf8.contains(0) }) else {
            throw HDF5Error.unrepresentableString(file: path, path: absolutePath)
        }
        let datatype = try Self.makeVariableLengthUTF8Type(orThrow: .writeFailed(file: path, path: absolutePath))
        defer { H5Tclose(datatype) }
        var characters: [CChar] = []
        var offsets: [Int] = []
        for string in strings {
            offsets.append(characters.count)
            characters.append(contentsOf: string.utf8.map { CChar(bitPattern: $0) })
            characters.append(0)
        }
        try characters.withUnsafeBufferPointer { buffer in
            let pointers = offsets.map { buffer.baseAddress! + $0 }
            try createDataset(absolutePath, datatype: datatype, shape: [strings.count]) { dataset in
                pointers.withUnsafeBytes {
                    H5Dwrite(dataset, datatype, hashlab_H5S_ALL(), hashlab_H5S_ALL(), hashlab_H5P_DEFAULT(),
                             $0.baseAddress)
                }
            }
        }
    }

    /// A new variable-length, null-terminated UTF-8 string datatype, which the caller
    /// closes with `H5Tclose`.
    static func makeVariableLengthUTF8Type(orThrow error: HDF5Error) throws -> hid_t {
        let datatype = H5Tcopy(hashlab_H5T_C_S1())
        guard datatype >= 0 else { throw error }
        guard H5Tset_size(datatype, hashlab_H5T_VARIABLE()) >= 0,
              H5Tset_cset(datatype, H5T_CSET_UTF8) >= 0,
              H5Tset_strpad(datatype, H5T_STR_NULLTERM) >= 0
        else {
            H5Tclose(datatype)
            throw error
        }
        return datatype
    }

    /// Creates a contiguous dataset of the given file datatype and shape (creating
    /// missing groups above it) and, unless it has no elements, fills it with
    /// `writeData`, which performs `H5Dwrite` on the dataset identifier.
    private func createDataset(_ datasetPath: String, datatype: hid_t, shape: [Int],
                               writeData: (hid_t) -> herr_t) throws {
        HDF5Library.prepareCurrentThread()
        let components = Self.components(of: datasetPath)
        let absolutePath = Self.normalized(datasetPath)
        guard !components.isEmpty, !exists(absolutePath) else {
            throw HDF5Error.alreadyExists(file: path, path: absolutePath)
        }
        try createGroups(components.dropLast())
        let dimensions = shape.map { hsize_t($0) }
        let dataspace = H5Screate_simple(Int32(dimensions.count), dimensions, nil)
        guard dataspace >= 0 else { throw HDF5Error.writeFailed(file: path, path: absolutePath) }
        defer { H5Sclose(dataspace) }
        let creationProperties = untimedCreationProperties(hashlab_H5P_DATASET_CREATE())
        defer { H5Pclose(creationProperties) }
        let dataset = H5Dcreate2(identifier, absolutePath, datatype, dataspace,
                                 hashlab_H5P_DEFAULT(), creationProperties, hashlab_H5P_DEFAULT())
        guard dataset >= 0 else { throw HDF5Error.writeFailed(file: path, path: absolutePath) }
        defer { H5Dclose(dataset) }
        guard shape.contains(0) || writeData(dataset) >= 0 else {
            throw HDF5Error.writeFailed(file: path, path: absolutePath)
        }
    }

    /// Creates, from the root down, every group along `components` that does not exist
    /// yet.
    private func createGroups<Components: Collection<String>>(_ components: Components) throws {
        var prefix = ""
        for component in components {
            prefix += "/" + component
            if H5Lexists(identifier, prefix, hashlab_H5P_DEFAULT()) > 0 {
                H5Oclose(try openObject(prefix, kind: .group))
            } else {
                let creationProperties = untimedCreationProperties(hashlab_H5P_GROUP_CREATE())
                defer { H5Pclose(creationProperties) }
                let group = H5Gcreate2(identifier, prefix, hashlab_H5P_DEFAULT(), creationProperties,
                                       hashlab_H5P_DEFAULT())
                guard group >= 0 else { throw HDF5Error.writeFailed(file: path, path: prefix) }
                H5Gclose(group)
            }
        }
    }
}

/// Object-creation properties of `propertyClass` (file, group or dataset creation)
/// with modification-time tracking off.
private func untimedCreationProperties(_ propertyClass: hid_t) -> hid_t {
    let properties = H5Pcreate(propertyClass)
    H5Pset_obj_track_times(properties, false)
    return properties
}
