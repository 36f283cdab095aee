import CHDF5
import Foundation

/// An open HDF5 file: reading with ``init(reading:)``, writing through
/// ``write(to:_:)``.
///
/// Object paths are absolute paths inside the file (`"/features/image"`); a path
/// without a leading slash is taken from the root, empty components are ignored, and
/// `"/"` is the root group. Errors name the file as ``path`` and the object by its
/// normalized absolute path.
///
/// The file is closed when the object is deinitialized. An `HDF5File` is not
/// `Sendable`: use it from one task or thread at a time (the library itself is the
/// thread-safe build, so separate files may be used concurrently).
public final class HDF5File {
    /// The file's path as given to ``init(reading:)``, or the destination path given
    /// to ``write(to:_:)`` (not the temporary file being written).
    public let path: String

    /// The HDF5 file identifier, or -1 once closed.
    private(set) var identifier: hid_t

    /// Opens an existing HDF5 file read-only.
    ///
    /// - Throws: ``HDF5Error/fileNotFound(file:)`` when nothing exists at `path`;
    ///   ``HDF5Error/notHDF5(file:)`` when the file has no HDF5 signature
    ///   (`H5Fis_hdf5`); ``HDF5Error/unreadableFile(file:)`` when it cannot be
    ///   examined or opened although it looks like HDF5 (a truncated or corrupt file,
    ///   a directory, missing permission).
    public convenience init(reading path: String) throws {
        HDF5Library.prepareCurrentThread()
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw errno == ENOENT || errno == ENOTDIR
                ? HDF5Error.fileNotFound(file: path) : HDF5Error.unreadableFile(file: path)
        }
        let signature = H5Fis_hdf5(path)
        guard signature != 0 else { throw HDF5Error.notHDF5(file: path) }
        guard signature > 0 else { throw HDF5Error.unreadableFile(file: path) }
        let identifier = H5Fopen(path, hashlab_H5F_ACC_RDONLY(), hashlab_H5P_DEFAULT())
        guard identifier >= 0 else { throw HDF5Error.unreadableFile(file: path) }
        self.init(identifier: identifier, path: path)
    }

    /// Takes ownership of an open file identifier.
    init(identifier: hid_t, path: String) {
        self.identifier = identifier
        self.path = path
    }

    deinit {
        close()
    }

    /// Closes the file (`H5Fclose`) unless it is already closed, and reports whether
    /// closing succeeded. Later calls do nothing and return `true`.
    @discardableResult
    func close() -> Bool {
        guard identifier >= 0 else { return true }
        let status = H5Fclose(identifier)
        identifier = -1
        return status >= 0
    }

    /// Whether an object exists at `objectPath`.
    ///
    /// Each prefix of the path is checked with `H5Lexists` in turn, so a path whose
    /// parents are missing (or are datasets) gives `false` rather than an error, and
    /// a soft link whose target is missing gives `false` too. The root always exists.
    public func exists(_ objectPath: String) -> Bool {
        HDF5Library.prepareCurrentThread()
        let components = Self.components(of: objectPath)
        var prefix = ""
        for component in components {
            prefix += "/" + component
            guard H5Lexists(identifier, prefix, hashlab_H5P_DEFAULT()) > 0 else { return false }
        }
        return components.isEmpty || H5Oexists_by_name(identifier, prefix, hashlab_H5P_DEFAULT()) > 0
    }

    /// The names of the links in the group at `groupPath`, sorted.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)``,
    ///   ``HDF5Error/notAGroup(file:path:)``, or ``HDF5Error/readFailed(file:path:)``.
    public func members(ofGroup groupPath: String) throws -> [String] {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(groupPath)
        let group = try openObject(absolutePath, kind: .group)
        defer { H5Oclose(group) }
        var information = H5G_info_t()
        guard H5Gget_info(group, &information) >= 0 else {
            throw HDF5Error.readFailed(file: path, path: absolutePath)
        }
        var names: [String] = []
        for index in 0..<information.nlinks {
            let name = Self.readName { buffer, size in
                H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, buffer, size,
                                   hashlab_H5P_DEFAULT())
            }
            guard let name else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
            names.append(name)
        }
        return names.sorted()
    }

    /// The dimensions of the dataset at `datasetPath`, slowest-varying first (h5py's
    /// `shape`); `[]` for a scalar dataset.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)``,
    ///   ``HDF5Error/notADataset(file:path:)``, or ``HDF5Error/readFailed(file:path:)``.
    public func shape(of datasetPath: String) throws -> [Int] {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(datasetPath)
        let dataset = try openObject(absolutePath, kind: .dataset)
        defer { H5Oclose(dataset) }
        return try dataspaceShape(of: dataset, at: absolutePath)
    }

    /// The element type stored in the dataset at `datasetPath`.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)``,
    ///   ``HDF5Error/notADataset(file:path:)``, or ``HDF5Error/readFailed(file:path:)``.
    public func elementType(of datasetPath: String) throws -> HDF5ElementType {
        HDF5Library.prepareCurrentThread()
        let absolutePath = Self.normalized(datasetPath)
        let dataset = try openObject(absolutePath, kind: .dataset)
        defer { H5Oclose(dataset) }
        let datatype = H5Dget_type(dataset)
        guard datatype >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Tclose(datatype) }
        return HDF5ElementType(datatype: datatype)
    }
}

extension HDF5File {
    /// The kinds of object ``openObject(_:kind:)`` can require.
    enum ObjectKind {
        case any
        case group
        case dataset
    }

    /// The non-empty components of an object path.
    static func components(of objectPath: String) -> [String] {
        objectPath.split(separator: "/").map(String.init)
    }

    /// The absolute form of an object path: `"/"` followed by its non-empty
    /// components joined by `"/"`.
    static func normalized(_ objectPath: String) -> String {
        "/" + components(of: objectPath).joined(separator: "/")
    }

    /// Opens the object at the normalized `absolutePath` (`H5Oopen`); the caller closes
    /// it with `H5Oclose`.
    ///
    /// - Throws: ``HDF5Error/missingObject(file:path:)`` when nothing is there,
    ///   ``HDF5Error/notAGroup(file:path:)`` or ``HDF5Error/notADataset(file:path:)``
    ///   when the object is of another kind than `kind`, and
    ///   ``HDF5Error/readFailed(file:path:)`` when HDF5 cannot open it.
    func openObject(_ absolutePath: String, kind: ObjectKind) throws -> hid_t {
        guard exists(absolutePath) else {
            throw HDF5Error.missingObject(file: path, path: absolutePath)
        }
        let object = H5Oopen(identifier, absolutePath, hashlab_H5P_DEFAULT())
        guard object >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        let type = H5Iget_type(object)
        switch kind {
        case .any:
            return object
        case .group where type != H5I_GROUP:
            H5Oclose(object)
            throw HDF5Error.notAGroup(file: path, path: absolutePath)
        case .dataset where type != H5I_DATASET:
            H5Oclose(object)
            throw HDF5Error.notADataset(file: path, path: absolutePath)
        case .group, .dataset:
            return object
        }
    }

    /// The dimensions of a dataset's dataspace, after checking that the file can hold
    /// that much data (see ``checkDeclaredSize(of:at:shape:)``), so no reader allocates
    /// for a shape the file cannot back.
    ///
    /// - Throws: ``HDF5Error/declaredSizeTooLarge(file:path:shape:bytes:limit:reason:)``
    ///   or ``HDF5Error/readFailed(file:path:)``.
    func dataspaceShape(of dataset: hid_t, at absolutePath: String) throws -> [Int] {
        let dataspace = H5Dget_space(dataset)
        guard dataspace >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Sclose(dataspace) }
        guard let shape = Self.shape(ofDataspace: dataspace) else {
            throw HDF5Error.readFailed(file: path, path: absolutePath)
        }
        try checkDeclaredSize(of: dataset, at: absolutePath, shape: shape)
        return shape
    }

    /// The dimensions of a simple or scalar dataspace (`[]` for a scalar or null
    /// dataspace), or `nil` when HDF5 cannot tell.
    static func shape(ofDataspace dataspace: hid_t) -> [Int]? {
        let rank = H5Sget_simple_extent_ndims(dataspace)
        guard rank >= 0 else { return nil }
        var dimensions = [hsize_t](repeating: 0, count: Int(rank))
        guard rank == 0 || H5Sget_simple_extent_dims(dataspace, &dimensions, nil) == rank else {
            return nil
        }
        return dimensions.map { Int(clamping: $0) }
    }

    /// Reads a name through the HDF5 convention of asking for its length first (a call
    /// with a null buffer) and then filling a buffer one byte longer; `nil` when
    /// either call fails.
    static func readName(_ call: (UnsafeMutablePointer<CChar>?, Int) -> Int) -> String? {
        let length = call(nil, 0)
        guard length >= 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: length + 1)
        guard call(&buffer, length + 1) == length else { return nil }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
