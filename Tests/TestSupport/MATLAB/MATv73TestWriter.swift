import CHDF5
import Foundation

/// Writes MAT v7.3 files for the reader tests, through the HDF5 C API, laid out as
/// MATLAB writes them: an HDF5 file with a 512-byte user block holding MATLAB's
/// 128-byte header; each variable a root dataset of HDF5 shape `dimensions.reversed()`
/// (so its row-major elements are MATLAB's column-major order) with a fixed-length
/// `MATLAB_class` attribute. Logicals are uint8, chars uint16 code units, cell arrays
/// datasets of object references to arrays in `/#refs#`, sparse arrays groups holding
/// `data`, `ir` and `jc` with the row count in the attribute `MATLAB_sparse`.
public enum MATv73TestWriter {
    /// Writes `variables` to a new file at `path`.
    public static func write(_ variables: [MATTestVariable], to path: String) {
        H5Eset_auto2(hashlab_H5E_DEFAULT(), nil, nil)
        let creation = H5Pcreate(hashlab_H5P_FILE_CREATE())
        precondition(creation >= 0 && H5Pset_userblock(creation, 512) >= 0, "cannot set the user block")
        let file = H5Fcreate(path, hashlab_H5F_ACC_TRUNC(), creation, hashlab_H5P_DEFAULT())
        H5Pclose(creation)
        precondition(file >= 0, "cannot create \(path)")
        var referencedCount = 0
        for variable in variables {
            write(variable, at: "/" + variable.name, in: file, referencedCount: &referencedCount)
        }
        H5Fclose(file)
        writeHeader(to: path)
    }

    /// MATLAB's header text, version 0x0200 and endian indicator at the start of the
    /// user block.
    private static func writeHeader(to path: String) {
        let text = Array("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created by: hashlab tests HDF5 schema 1.00 .".utf8)
        let header = text + [UInt8](repeating: 0x20, count: 116 - text.count) + [UInt8](repeating: 0, count: 8)
            + [0x00, 0x02] + Array("IM".utf8)
        guard let handle = FileHandle(forUpdatingAtPath: path) else { preconditionFailure("cannot open \(path)") }
        handle.write(Data(header))
        handle.closeFile()
    }

    private static func write(_ variable: MATTestVariable, at objectPath: String, in file: hid_t,
                              referencedCount: inout Int) {
        switch variable.matlabClass {
        case .cell:
            if H5Lexists(file, "/#refs#", hashlab_H5P_DEFAULT()) <= 0 {
                let group = H5Gcreate2(file, "/#refs#", hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT(),
                                       hashlab_H5P_DEFAULT())
                precondition(group >= 0, "cannot create /#refs#")
                H5Gclose(group)
            }
            var references = [hobj_ref_t](repeating: 0, count: variable.cells.count)
            for (index, cell) in variable.cells.enumerated() {
                let cellPath = "/#refs#/r\(referencedCount)"
                referencedCount += 1
                write(cell, at: cellPath, in: file, referencedCount: &referencedCount)
                precondition(H5Rcreate(&references[index], file, cellPath, H5R_OBJECT, -1) >= 0,
                             "cannot reference \(cellPath)")
            }
            let dataset = createDataset(at: objectPath, shape: variable.dimensions.reversed(),
                                        type: hashlab_H5T_STD_REF_OBJ(), in: file)
            precondition(H5Dwrite(dataset, hashlab_H5T_STD_REF_OBJ(), hashlab_H5S_ALL(), hashlab_H5S_ALL(),
                                  hashlab_H5P_DEFAULT(), references) >= 0, "cannot write \(objectPath)")
            setClass("cell", on: dataset)
            H5Dclose(dataset)
        case .sparse:
            let group = H5Gcreate2(file, objectPath, hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT(),
                                   hashlab_H5P_DEFAULT())
            precondition(group >= 0, "cannot create \(objectPath)")
            writeNumbers(variable.values, at: objectPath + "/data", shape: [variable.values.count],
                         type: hashlab_H5T_IEEE_F64LE(), in: file)
            writeNumbers(variable.rowIndices.map(Double.init), at: objectPath + "/ir",
                         shape: [variable.rowIndices.count], type: hashlab_H5T_STD_U64LE(), in: file)
            writeNumbers(variable.columnStarts.map(Double.init), at: objectPath + "/jc",
                         shape: [variable.columnStarts.count], type: hashlab_H5T_STD_U64LE(), in: file)
            setClass("double", on: group)
            var rows = UInt64(variable.dimensions[0])
            writeAttribute("MATLAB_sparse", type: hashlab_H5T_STD_U64LE(), memoryType: hashlab_H5T_NATIVE_UINT64(),
                           value: &rows, on: group)
            H5Gclose(group)
        case .structure:
            let group = H5Gcreate2(file, objectPath, hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT(),
                                   hashlab_H5P_DEFAULT())
            precondition(group >= 0, "cannot create \(objectPath)")
            setClass("struct", on: group)
            H5Gclose(group)
        default:
            writeNumbers(variable.values, at: objectPath, shape: variable.dimensions.reversed(),
                         type: fileType(variable.matlabClass), in: file) { dataset in
                setClass(variable.matlabClass.rawValue, on: dataset)
                if variable.matlabClass == .char {
                    var decode: Int32 = 2
                    writeAttribute("MATLAB_int_decode", type: hashlab_H5T_STD_I32LE(),
                                   memoryType: hashlab_H5T_NATIVE_INT32(), value: &decode, on: dataset)
                }
            }
        }
    }

    /// The stored element type of a numeric, logical or char class.
    private static func fileType(_ matlabClass: MATTestVariable.Class) -> hid_t {
        switch matlabClass {
        case .single: return hashlab_H5T_IEEE_F32LE()
        case .uint8, .logical: return hashlab_H5T_STD_U8LE()
        case .int32: return hashlab_H5T_STD_I32LE()
        case .char: return hashlab_H5T_STD_U16LE()
        default: return hashlab_H5T_IEEE_F64LE()
        }
    }

    private static func createDataset(at objectPath: String, shape: [Int], type: hid_t, in file: hid_t) -> hid_t {
        let dimensions = shape.map { hsize_t($0) }
        let dataspace = H5Screate_simple(Int32(dimensions.count), dimensions, nil)
        defer { H5Sclose(dataspace) }
        let dataset = H5Dcreate2(file, objectPath, type, dataspace, hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT(),
                                 hashlab_H5P_DEFAULT())
        precondition(dataset >= 0, "cannot create \(objectPath)")
        return dataset
    }

    /// Creates a dataset of `type`, writes `values` (which HDF5 converts from doubles)
    /// and passes the dataset to `configure` (to set attributes) before closing it.
    private static func writeNumbers(_ values: [Double], at objectPath: String, shape: [Int], type: hid_t,
                                     in file: hid_t, configure: (hid_t) -> Void = { _ in }) {
        let dataset = createDataset(at: objectPath, shape: shape, type: type, in: file)
        defer { H5Dclose(dataset) }
        precondition(H5Dwrite(dataset, hashlab_H5T_NATIVE_DOUBLE(), hashlab_H5S_ALL(), hashlab_H5S_ALL(),
                              hashlab_H5P_DEFAULT(), values) >= 0, "cannot write \(objectPath)")
        configure(dataset)
    }

    /// The `MATLAB_class` attribute: a fixed-length, NUL-terminated ASCII string as
    /// MATLAB writes it.
    private static func setClass(_ name: String, on object: hid_t) {
        let type = H5Tcopy(hashlab_H5T_C_S1())
        defer { H5Tclose(type) }
        H5Tset_size(type, name.utf8.count)
        H5Tset_strpad(type, H5T_STR_NULLTERM)
        var characters = Array(name.utf8)
        writeAttribute("MATLAB_class", type: type, memoryType: type, value: &characters, on: object)
    }

    private static func writeAttribute(_ name: String, type: hid_t, memoryType: hid_t, value: UnsafeRawPointer,
                                       on object: hid_t) {
        let dataspace = H5Screate(H5S_SCALAR)
        defer { H5Sclose(dataspace) }
        let attribute = H5Acreate2(object, name, type, dataspace, hashlab_H5P_DEFAULT(), hashlab_H5P_DEFAULT())
        precondition(attribute >= 0 && H5Awrite(attribute, memoryType, value) >= 0, "cannot write \(name)")
        H5Aclose(attribute)
    }
}
