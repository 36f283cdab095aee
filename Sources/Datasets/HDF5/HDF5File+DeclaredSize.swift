import CHDF5
import Foundation

extension HDF5File {
    /// How many times the file's size a chunked dataset may declare: zlib, the filter
    /// MATLAB and h5py use, compresses at most about 1032:1, so a larger ratio means the
    /// declared shape is not backed by data (or by fill values of chunks never written,
    /// which no dataset hashlab reads consists of).
    public static let maximumExpansion = 1100

    /// Checks that the data `shape` declares fits the file before anything is allocated
    /// for it: data stored contiguously cannot take more bytes than the whole file;
    /// compact data no more than the object header stores (counting variable-length
    /// elements in their stored size); chunked data at most ``maximumExpansion`` times
    /// the file's size.
    ///
    /// A 28 KB file declaring 2000 × 5e7 floats (400 GB) is refused here, instead of a
    /// reader trying to allocate or stream 400 GB of fill values. Data in external files
    /// is bounded the same way (hashlab's datasets never use them).
    ///
    /// - Throws: ``HDF5Error/declaredSizeTooLarge(file:path:shape:bytes:limit:reason:)``
    ///   naming the file and the dataset.
    func checkDeclaredSize(of dataset: hid_t, at absolutePath: String, shape: [Int]) throws {
        let datatype = H5Dget_type(dataset)
        guard datatype >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        let variableLength = H5Tget_class(datatype) == H5T_VLEN || H5Tis_variable_str(datatype) > 0
        let elementSize = variableLength ? try storedVariableLengthSize(at: absolutePath) : H5Tget_size(datatype)
        H5Tclose(datatype)
        var bytes: Int? = max(1, elementSize)
        for dimension in shape {
            bytes = bytes.flatMap { product in
                let (result, overflow) = product.multipliedReportingOverflow(by: dimension)
                return overflow ? nil : result
            }
        }
        var status = stat()
        let fileBytes = stat(path, &status) == 0 ? Int(status.st_size) : 0
        let properties = H5Dget_create_plist(dataset)
        guard properties >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        let layout = H5Pget_layout(properties)
        H5Pclose(properties)
        let limit: Int
        let reason: String
        if layout == H5D_COMPACT {
            // libhdf5 1.10.8 copies the shape's bytes from the compact data without
            // comparing their sizes (a fuzzed file with 0 bytes of data crashed it).
            limit = Int(clamping: H5Dget_storage_size(dataset))
            reason = "the compact data in its object header holds"
        } else if layout == H5D_CHUNKED {
            limit = fileBytes.multipliedReportingOverflow(by: Self.maximumExpansion).partialValue
            reason = "\(Self.maximumExpansion) times the file's size for chunked data"
        } else {
            limit = fileBytes
            reason = "the whole file holds"
        }
        if let bytes, bytes <= limit { return }
        throw HDF5Error.declaredSizeTooLarge(file: path, path: absolutePath, shape: shape, bytes: bytes,
                                             limit: limit, reason: reason)
    }

    /// The size of a variable-length element as stored in this file
    /// (``HDF5StoredVariableLength/elementSize(addressSize:)``).
    private func storedVariableLengthSize(at absolutePath: String) throws -> Int {
        let properties = H5Fget_create_plist(identifier)
        guard properties >= 0 else { throw HDF5Error.readFailed(file: path, path: absolutePath) }
        defer { H5Pclose(properties) }
        var addressSize = 0
        var lengthSize = 0
        guard H5Pget_sizes(properties, &addressSize, &lengthSize) >= 0 else {
            throw HDF5Error.readFailed(file: path, path: absolutePath)
        }
        return HDF5StoredVariableLength.elementSize(addressSize: addressSize)
    }
}
