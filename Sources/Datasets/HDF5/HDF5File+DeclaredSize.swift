import CHDF5
import Foundation

extension HDF5File {
    /// How many times the file's size a chunked dataset may declare: zlib, the filter
    /// MATLAB and h5py use, compresses at most about 1032:1, so a larger ratio means the
    /// declared shape is not backed by data (or by fill values of chunks never written,
    /// which no dataset hashlab reads consists of).
    public static let maximumExpansion = 1100

    /// Checks that the data `shape` declares fits the file before anything is allocated
    /// for it: data stored contiguously or compactly cannot take more bytes than the
    /// whole file; chunked data at most ``maximumExpansion`` times the file's size.
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
        let elementSize = H5Tget_size(datatype)
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
        if layout == H5D_CHUNKED {
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
}
