import CHDF5
import Foundation

/// Writes plain HDF5 files as h5py writes NumPy arrays (`f[name] = array`), for the
/// importer tests, through the HDF5 C API: no user block and no attributes; each
/// numeric variable a root dataset whose HDF5 shape is the variable's dimensions as
/// given (NumPy's shape, not reversed as in MAT v7.3) holding its elements in row-major
/// (C) order; a cell array of strings a 1-D dataset of variable-length UTF-8 strings
/// (what h5py writes for a list of `str`). Element types: double → float64, single →
/// float32, uint8 → uint8, int32 → int32, and logical → h5py's boolean, an HDF5
/// enumeration over int8 with `FALSE` = 0 and `TRUE` = 1.
public enum H5pyTestWriter {
    /// Writes `variables` to a new file at `path`.
    public static func write(_ variables: [MATTestVariable], to path: String) {
        H5Eset_auto2(hashlab_H5E_DEFAULT(), nil, nil)
        let file = H5Fcreate(path, hashlab_H5F_ACC_TRUNC(), hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT())
        precondition(file >= 0, "cannot create \(path)")
        defer { H5Fclose(file) }
        for variable in variables {
            switch variable.matlabClass {
            case .cell:
                writeStrings(variable.cells.map { String(decoding: $0.values.map { UInt16($0) }, as: UTF16.self) },
                             to: "/" + variable.name, in: file)
            case .logical:
                let type = H5Tenum_create(hashlab_H5T_NATIVE_INT8())
                defer { H5Tclose(type) }
                for (name, value) in [("FALSE", Int8(0)), ("TRUE", Int8(1))] {
                    var value = value
                    H5Tenum_insert(type, name, &value)
                }
                write(rowMajor(variable).map { Int8($0) }, shape: variable.dimensions, fileType: type,
                      memoryType: type, to: "/" + variable.name, in: file)
            case .double, .single, .uint8, .int32:
                write(rowMajor(variable), shape: variable.dimensions, fileType: fileType(variable.matlabClass),
                      memoryType: hashlab_H5T_NATIVE_DOUBLE(), to: "/" + variable.name, in: file)
            case .char, .sparse, .structure:
                preconditionFailure("h5py writes no MATLAB \(variable.matlabClass.rawValue) arrays")
            }
        }
    }

    /// The variable's values (given column-major, as MATLAB stores them) in row-major
    /// order of its dimensions: the last subscript varies fastest.
    private static func rowMajor(_ variable: MATTestVariable) -> [Double] {
        let dimensions = variable.dimensions
        return (0..<dimensions.reduce(1, *)).map { rowMajorIndex in
            var remainder = rowMajorIndex
            var subscripts = [Int](repeating: 0, count: dimensions.count)
            for axis in dimensions.indices.reversed() {
                subscripts[axis] = remainder % dimensions[axis]
                remainder /= dimensions[axis]
            }
            var columnMajorIndex = 0
            var stride = 1
            for axis in dimensions.indices {
                columnMajorIndex += subscripts[axis] * stride
                stride *= dimensions[axis]
            }
            return variable.values[columnMajorIndex]
        }
    }

    private static func fileType(_ matlabClass: MATTestVariable.Class) -> hid_t {
        switch matlabClass {
        case .single: return hashlab_H5T_IEEE_F32LE()
        case .uint8: return hashlab_H5T_STD_U8LE()
        case .int32: return hashlab_H5T_STD_I32LE()
        default: return hashlab_H5T_IEEE_F64LE()
        }
    }

    /// Writes `values` (of `memoryType`, converted by HDF5 to `fileType`) as a dataset of `shape`.
    private static func write<Element>(_ values: [Element], shape: [Int], fileType: hid_t, memoryType: hid_t,
                                       to objectPath: String, in file: hid_t) {
        let dimensions = shape.map { hsize_t($0) }
        let dataspace = H5Screate_simple(Int32(dimensions.count), dimensions, nil)
        defer { H5Sclose(dataspace) }
        let dataset = H5Dcreate2(file, objectPath, fileType, dataspace, hashlab_H5P_DEFAULT(),
                                 hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT())
        precondition(dataset >= 0, "cannot create \(objectPath)")
        defer { H5Dclose(dataset) }
        let status = values.withUnsafeBytes {
            H5Dwrite(dataset, memoryType, hashlab_H5S_ALL(), hashlab_H5S_ALL(), hashlab_H5P_DEFAULT(), $0.baseAddress)
        }
        precondition(status >= 0, "cannot write \(objectPath)")
    }

    /// Writes `strings` as a 1-D dataset of variable-length UTF-8 strings.
    private static func writeStrings(_ strings: [String], to objectPath: String, in file: hid_t) {
        let type = H5Tcopy(hashlab_H5T_C_S1())
        defer { H5Tclose(type) }
        H5Tset_size(type, hashlab_H5T_VARIABLE())
        H5Tset_cset(type, H5T_CSET_UTF8)
        var dimension = hsize_t(strings.count)
        let dataspace = H5Screate_simple(1, &dimension, nil)
        defer { H5Sclose(dataspace) }
        let dataset = H5Dcreate2(file, objectPath, type, dataspace, hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT(),
                                 hashlab_H5P_DEFAULT())
        precondition(dataset >= 0, "cannot create \(objectPath)")
        defer { H5Dclose(dataset) }
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        precondition(H5Dwrite(dataset, type, hashlab_H5S_ALL(), hashlab_H5S_ALL(), hashlab_H5P_DEFAULT(),
                              pointers) >= 0, "cannot write \(objectPath)")
    }
}
