import CHDF5
import Foundation

/// Temporary directories and files written with the HDF5 C API directly, for the
/// layouts `HDF5File` reads but does not write (fixed-length strings, big-endian
/// numbers, scalar and array attributes, 16-bit integers), as MATLAB and h5py
/// produce them.
enum HDF5Fixtures {
    /// Runs `body` with the path of a new empty directory, removed afterwards.
    static func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hashlab-hdf5-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try body(directory)
    }

    /// Writes a file holding:
    /// - `/nullpad`: fixed-length (10 bytes) null-padded UTF-8 strings
    ///   `["abc", "", "Ångström"]`;
    /// - `/spacepad`: fixed-length (6 bytes) space-padded ASCII strings
    ///   `["ab", "", "a b"]`;
    /// - `/nullterm`: fixed-length (5 bytes) null-terminated ASCII strings whose
    ///   bytes after the NUL are garbage, reading `["abc", "x"]`;
    /// - `/uint16`: `[1, 2, 65535]` as little-endian `uint16`;
    /// - `/bigendian`: `[1.5, -2]` as big-endian `float32`;
    /// - `/scalar`: a scalar `float64` dataset holding 4;
    /// - root attributes `fixed` (a 7-byte null-padded string "MATLAB"), `array`
    ///   (a one-element `float64` array holding 2.5) and `pair` (two `int32`s).
    static func writeForeignLayouts(to path: String) {
        H5Eset_auto2(hashlab_H5E_DEFAULT(), nil, nil)
        let file = H5Fcreate(path, hashlab_H5F_ACC_TRUNC(), hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT())
        precondition(file >= 0, "cannot create \(path)")
        defer { H5Fclose(file) }
        writeFixedLengthStrings(["abc", "", "Ångström"], size: 10, padding: H5T_STR_NULLPAD,
                                characterSet: H5T_CSET_UTF8, to: "/nullpad", in: file)
        writeFixedLengthStrings(["ab    ", "      ", "a b   "], size: 6, padding: H5T_STR_SPACEPAD,
                                characterSet: H5T_CSET_ASCII, to: "/spacepad", in: file)
        writeFixedLengthStrings(["abc\0z", "x\0yyy"], size: 5, padding: H5T_STR_NULLTERM,
                                characterSet: H5T_CSET_ASCII, to: "/nullterm", in: file)
        let shorts: [UInt16] = [1, 2, 65535]
        writeNumbers(shorts, shape: [3], fileType: hashlab_H5T_STD_U16LE(),
                     memoryType: hashlab_H5T_NATIVE_UINT16(), to: "/uint16", in: file)
        let bigEndian = H5Tcopy(hashlab_H5T_IEEE_F32LE())
        H5Tset_order(bigEndian, H5T_ORDER_BE)
        let floats: [Float] = [1.5, -2]
        writeNumbers(floats, shape: [2], fileType: bigEndian, memoryType: hashlab_H5T_NATIVE_FLOAT(),
                     to: "/bigendian", in: file)
        H5Tclose(bigEndian)
        let scalar: [Double] = [4]
        writeNumbers(scalar, shape: nil, fileType: hashlab_H5T_IEEE_F64LE(),
                     memoryType: hashlab_H5T_NATIVE_DOUBLE(), to: "/scalar", in: file)

        let root = H5Oopen(file, "/", hashlab_H5P_DEFAULT())
        defer { H5Oclose(root) }
        let fixedType = H5Tcopy(hashlab_H5T_C_S1())
        H5Tset_size(fixedType, 7)
        H5Tset_strpad(fixedType, H5T_STR_NULLPAD)
        writeAttribute(Array("MATLAB\0".utf8), shape: nil, type: fixedType, named: "fixed", on: root)
        H5Tclose(fixedType)
        writeAttribute([2.5] as [Double], shape: [1], type: hashlab_H5T_NATIVE_DOUBLE(), named: "array", on: root)
        writeAttribute([3, 4] as [Int32], shape: [2], type: hashlab_H5T_NATIVE_INT32(), named: "pair", on: root)
    }

    private static func writeFixedLengthStrings(_ strings: [String], size: Int, padding: H5T_str_t,
                                                characterSet: H5T_cset_t, to datasetPath: String,
                                                in file: hid_t) {
        let datatype = H5Tcopy(hashlab_H5T_C_S1())
        defer { H5Tclose(datatype) }
        H5Tset_size(datatype, size)
        H5Tset_strpad(datatype, padding)
        H5Tset_cset(datatype, characterSet)
        let bytes = strings.flatMap { string in
            Array(string.utf8) + [UInt8](repeating: 0, count: size - string.utf8.count)
        }
        writeNumbers(bytes, shape: [strings.count], fileType: datatype, memoryType: datatype,
                     to: datasetPath, in: file)
    }

    /// Writes `elements` as a dataset of the given shape (`nil`: scalar).
    private static func writeNumbers<Element>(_ elements: [Element], shape: [Int]?, fileType: hid_t,
                                              memoryType: hid_t, to datasetPath: String, in file: hid_t) {
        let dataspace = makeDataspace(shape)
        defer { H5Sclose(dataspace) }
        let dataset = H5Dcreate2(file, datasetPath, fileType, dataspace, hashlab_H5P_DEFAULT(),
                                 hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT())
        precondition(dataset >= 0, "cannot create \(datasetPath)")
        defer { H5Dclose(dataset) }
        let status = elements.withUnsafeBytes {
            H5Dwrite(dataset, memoryType, hashlab_H5S_ALL(), hashlab_H5S_ALL(), hashlab_H5P_DEFAULT(), $0.baseAddress)
        }
        precondition(status >= 0, "cannot write \(datasetPath)")
    }

    private static func writeAttribute<Element>(_ elements: [Element], shape: [Int]?, type: hid_t,
                                                named name: String, on object: hid_t) {
        let dataspace = makeDataspace(shape)
        defer { H5Sclose(dataspace) }
        let attribute = H5Acreate2(object, name, type, dataspace, hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT())
        precondition(attribute >= 0, "cannot create attribute \(name)")
        defer { H5Aclose(attribute) }
        let status = elements.withUnsafeBytes { H5Awrite(attribute, type, $0.baseAddress) }
        precondition(status >= 0, "cannot write attribute \(name)")
    }

    private static func makeDataspace(_ shape: [Int]?) -> hid_t {
        guard let shape else { return H5Screate(H5S_SCALAR) }
        let dimensions = shape.map { hsize_t($0) }
        return H5Screate_simple(Int32(dimensions.count), dimensions, nil)
    }
}
