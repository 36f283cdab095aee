import CHDF5
import Foundation

extension HDF5File {
    /// Checks the `count` variable-length strings that `read` reads (given a memory
    /// type and a buffer, it performs `H5Dread` or `H5Aread`) before libhdf5 follows
    /// them into the global heap: each non-null element must name an object of a
    /// well-formed global heap collection inside the file, of exactly the element's
    /// length (see ``HDF5GlobalHeapCollection``). libhdf5 1.10 follows such references
    /// unchecked, so a corrupt one crashes, hangs or allocates without bound inside
    /// `H5HG_read`.
    ///
    /// The elements are read as stored (``HDF5StoredVariableLength``), without libhdf5
    /// visiting the heap; the collections are read from the file with `pread`, each
    /// once.
    ///
    /// - Parameters:
    ///   - absolutePath: the dataset's path, or the path of the object carrying the
    ///     attribute `attribute`, for the error.
    ///   - failure: thrown when the stored elements or the file's parameters cannot be
    ///     read.
    /// - Throws: ``HDF5Error/corruptGlobalHeapReference(file:path:attribute:element:fault:)``
    ///   for the first element that fails, or `failure`.
    func checkGlobalHeapReferences(count: Int, at absolutePath: String, attribute: String?, failure: HDF5Error,
                                   read: (hid_t, UnsafeMutableRawPointer) -> herr_t) throws {
        guard count > 0 else { return }
        let properties = H5Fget_create_plist(identifier)
        guard properties >= 0 else { throw failure }
        var addressSize = 0
        var lengthSize = 0
        var baseAddress: hsize_t = 0
        let parametersRead = min(H5Pget_sizes(properties, &addressSize, &lengthSize),
                         H5Pget_userblock(properties, &baseAddress))
        H5Pclose(properties)
        guard parametersRead >= 0, let memoryType = HDF5StoredVariableLength.memoryType(addressSize: addressSize) else {
            throw failure
        }
        defer { H5Tclose(memoryType) }
        var bytes = [UInt8](repeating: 0, count: count * HDF5StoredVariableLength.elementSize(addressSize: addressSize))
        guard bytes.withUnsafeMutableBytes({ read(memoryType, $0.baseAddress!) }) >= 0 else { throw failure }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure }
        defer { Glibc.close(descriptor) }
        var fileStatus = stat()
        guard fstat(descriptor, &fileStatus) == 0 else { throw failure }
        var collections: [UInt64: Result<HDF5GlobalHeapCollection, HDF5GlobalHeapFault>] = [:]
        for (element, stored) in HDF5StoredVariableLength.elements(in: bytes, addressSize: addressSize).enumerated()
        where stored.collection != 0 {
            let collection = collections[stored.collection] ?? Result { () throws(HDF5GlobalHeapFault) in
                try HDF5GlobalHeapCollection.read(at: stored.collection, from: descriptor,
                                                  fileBytes: Int(fileStatus.st_size), baseAddress: baseAddress,
                                                  lengthSize: lengthSize)
            }
            collections[stored.collection] = collection
            do throws(HDF5GlobalHeapFault) {
                try collection.get().check(index: stored.index, length: stored.length)
            } catch {
                throw HDF5Error.corruptGlobalHeapReference(file: path, path: absolutePath, attribute: attribute,
                                                           element: element, fault: error)
            }
        }
    }
}
