/// A failure to read or write an HDF5 file.
///
/// Every case carries the file's path as the caller gave it (for a file being
/// written by ``HDF5File/write(to:_:)``, the destination path, not the temporary
/// one) and, where an object is involved, the object's absolute path inside the file.
/// Descriptions start with both, e.g.
/// `codes.h5: /codes: expected a 2-D dataset, found 3-D [4, 2, 2]`.
public enum HDF5Error: DataInputError, Equatable, Sendable, CustomStringConvertible {
    /// Nothing exists at the file path.
    case fileNotFound(file: String)
    /// The file exists but has no HDF5 signature.
    case notHDF5(file: String)
    /// The file looks like HDF5 but cannot be opened: truncated, corrupt or not
    /// readable by this process.
    case unreadableFile(file: String)
    /// Creating, syncing or renaming the file failed; `reason` is the system's message.
    case fileWriteFailed(file: String, reason: String)
    /// No object exists at `path`.
    case missingObject(file: String, path: String)
    /// The object at `path` is not a dataset.
    case notADataset(file: String, path: String)
    /// The object at `path` is not a group.
    case notAGroup(file: String, path: String)
    /// A dataset was to be created at `path`, but an object is already there.
    case alreadyExists(file: String, path: String)
    /// The dataset has `found.count` dimensions (its shape is `found`) instead of
    /// `expected`.
    case wrongRank(file: String, path: String, expected: Int, found: [Int])
    /// The dataset's element type is `found` instead of `expected`.
    case wrongType(file: String, path: String, expected: HDF5ElementType, found: HDF5ElementType)
    /// HDF5 could not read the dataset's data, e.g. because its region is truncated.
    case readFailed(file: String, path: String)
    /// The dataset's declared shape needs `bytes` bytes (`nil` when the count
    /// overflows), more than `limit`: the file's size for data stored contiguously, or
    /// the bound ``HDF5File/maximumExpansion`` times the file's size for chunked or
    /// compressed data. Nothing was allocated.
    case declaredSizeTooLarge(file: String, path: String, shape: [Int], bytes: Int?, limit: Int, reason: String)
    /// Element `element` of the variable-length string dataset at `path`, or of its
    /// attribute `attribute`, refers into the file's global heap in a way libhdf5 1.10
    /// cannot follow safely (`fault`); nothing was read.
    case corruptGlobalHeapReference(file: String, path: String, attribute: String?, element: Int,
                                    fault: HDF5GlobalHeapFault)
    /// Rows `rows` were asked of a dataset that has `count` rows.
    case rowsOutOfRange(file: String, path: String, rows: Range<Int>, count: Int)
    /// HDF5 could not create or write the dataset or group.
    case writeFailed(file: String, path: String)
    /// A string to be written contains a NUL character, which HDF5 strings cannot hold.
    case unrepresentableString(file: String, path: String)
    /// The object at `path` has no attribute called `name`.
    case missingAttribute(file: String, path: String, name: String)
    /// The attribute's element type is `found` instead of `expected`.
    case wrongAttributeType(file: String, path: String, name: String,
                            expected: HDF5ElementType, found: HDF5ElementType)
    /// The attribute holds `shape.reduce(1, *)` values instead of exactly one.
    case attributeNotScalar(file: String, path: String, name: String, shape: [Int])
    /// HDF5 could not read the attribute.
    case attributeReadFailed(file: String, path: String, name: String)
    /// HDF5 could not create or write the attribute.
    case attributeWriteFailed(file: String, path: String, name: String)

    public var description: String {
        switch self {
        case .fileNotFound(let file):
            "\(file): no such file"
        case .notHDF5(let file):
            "\(file): not an HDF5 file"
        case .unreadableFile(let file):
            "\(file): cannot be opened as HDF5 (truncated, corrupt or unreadable)"
        case .fileWriteFailed(let file, let reason):
            "\(file): cannot write the file: \(reason)"
        case .missingObject(let file, let path):
            "\(file): \(path): no such object"
        case .notADataset(let file, let path):
            "\(file): \(path): not a dataset"
        case .notAGroup(let file, let path):
            "\(file): \(path): not a group"
        case .alreadyExists(let file, let path):
            "\(file): \(path): an object already exists there"
        case .wrongRank(let file, let path, let expected, let found):
            "\(file): \(path): expected a \(expected)-D dataset, found \(Self.describe(shape: found))"
        case .wrongType(let file, let path, let expected, let found):
            "\(file): \(path): expected \(expected) elements, found \(found)"
        case .readFailed(let file, let path):
            "\(file): \(path): reading the data failed (truncated or corrupt file?)"
        case .declaredSizeTooLarge(let file, let path, let shape, let bytes, let limit, let reason):
            "\(file): \(path): declared shape \(shape) needs \(bytes.map { "\($0) bytes" } ?? "more bytes than can be counted")"
                + ", more than \(reason) (\(limit) bytes); refusing to read it"
        case .corruptGlobalHeapReference(let file, let path, let attribute, let element, let fault):
            "\(file): \(path): \(attribute.map { "attribute \"\($0)\": " } ?? "")variable-length string \(element) \(fault)"
        case .rowsOutOfRange(let file, let path, let rows, let count):
            "\(file): \(path): rows \(rows.lowerBound)..<\(rows.upperBound) asked of a dataset with \(count) rows"
        case .writeFailed(let file, let path):
            "\(file): \(path): writing failed"
        case .unrepresentableString(let file, let path):
            "\(file): \(path): a string contains a NUL character, which HDF5 strings cannot hold"
        case .missingAttribute(let file, let path, let name):
            "\(file): \(path): no attribute \"\(name)\""
        case .wrongAttributeType(let file, let path, let name, let expected, let found):
            "\(file): \(path): attribute \"\(name)\": expected \(expected), found \(found)"
        case .attributeNotScalar(let file, let path, let name, let shape):
            "\(file): \(path): attribute \"\(name)\": expected a single value, found shape \(shape)"
        case .attributeReadFailed(let file, let path, let name):
            "\(file): \(path): attribute \"\(name)\": reading failed"
        case .attributeWriteFailed(let file, let path, let name):
            "\(file): \(path): attribute \"\(name)\": writing failed"
        }
    }

    /// Whether the file read is at fault: every case but the failures to write.
    public var isDataInputError: Bool {
        switch self {
        case .fileWriteFailed, .writeFailed, .alreadyExists, .unrepresentableString, .attributeWriteFailed:
            false
        case .fileNotFound, .notHDF5, .unreadableFile, .missingObject, .notADataset, .notAGroup, .wrongRank,
             .wrongType, .readFailed, .rowsOutOfRange, .missingAttribute, .wrongAttributeType, .attributeNotScalar,
             .attributeReadFailed, .declaredSizeTooLarge, .corruptGlobalHeapReference:
            true
        }
    }

    /// `3-D [4, 2, 2]`, or `a scalar` for rank 0.
    private static func describe(shape: [Int]) -> String {
        shape.isEmpty ? "a scalar" : "\(shape.count)-D \(shape)"
    }
}
