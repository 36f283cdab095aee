import CHDF5

/// How a stored HDF5 string type lays out its characters, and how to read such
/// strings into Swift.
///
/// Variable-length strings are read through a variable-length memory type of the
/// same character set and freed with `H5Dvlen_reclaim`; callers first check the
/// strings' global heap references (``HDF5File/checkGlobalHeapReferences(count:at:attribute:failure:read:)``),
/// which libhdf5 follows unchecked. Fixed-length strings are read
/// as their raw bytes and cut according to their padding: `NULLTERM` at the first
/// NUL, `NULLPAD` by dropping trailing NULs, `SPACEPAD` by dropping trailing spaces
/// (Fortran's and MATLAB's convention). Bytes are decoded as UTF-8 (ASCII is a
/// subset); invalid sequences become U+FFFD.
struct HDF5StringLayout {
    /// The size of one fixed-length string in bytes, or `nil` for variable length.
    let fixedLength: Int?
    /// The padding of fixed-length strings.
    let padding: H5T_str_t
    /// The stored character set.
    let characterSet: H5T_cset_t

    /// The layout of a stored string datatype, or `nil` when `datatype` is not a string
    /// type or HDF5 cannot describe it.
    init?(datatype: hid_t) {
        guard H5Tget_class(datatype) == H5T_STRING else { return nil }
        let variable = H5Tis_variable_str(datatype)
        let size = H5Tget_size(datatype)
        padding = H5Tget_strpad(datatype)
        characterSet = H5Tget_cset(datatype)
        guard variable >= 0, size > 0, padding != H5T_STR_ERROR, characterSet != H5T_CSET_ERROR else {
            return nil
        }
        fixedLength = variable > 0 ? nil : size
    }

    /// Reads `count` strings with `read`, which is given a memory datatype and a buffer
    /// and performs `H5Dread` or `H5Aread`; `dataspace` describes the stored elements
    /// (needed to free variable-length data, which is freed even when reading
    /// fails). `nil` when reading fails.
    func readStrings(count: Int, dataspace: hid_t,
                     read: (hid_t, UnsafeMutableRawPointer) -> herr_t) -> [String]? {
        guard count > 0 else { return [] }
        let memoryType = H5Tcopy(hashlab_H5T_C_S1())
        guard memoryType >= 0 else { return nil }
        defer { H5Tclose(memoryType) }
        guard H5Tset_size(memoryType, fixedLength ?? hashlab_H5T_VARIABLE()) >= 0,
              H5Tset_cset(memoryType, characterSet) >= 0,
              H5Tset_strpad(memoryType, padding) >= 0
        else { return nil }
        if let fixedLength {
            var bytes = [UInt8](repeating: 0, count: count * fixedLength)
            guard bytes.withUnsafeMutableBytes({ read(memoryType, $0.baseAddress!) }) >= 0 else {
                return nil
            }
            return (0..<count).map { index in
                decode(bytes[(index * fixedLength)..<((index + 1) * fixedLength)])
            }
        }
        var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
        let status = pointers.withUnsafeMutableBytes { read(memoryType, $0.baseAddress!) }
        let strings = status >= 0 ? pointers.map { $0.map { String(cString: $0) } ?? "" } : nil
        H5Dvlen_reclaim(memoryType, dataspace, hashlab_H5P_DEFAULT(), &pointers)
        return strings
    }

    /// The string in one fixed-length element, cut according to ``padding``.
    private func decode(_ element: ArraySlice<UInt8>) -> String {
        let content: ArraySlice<UInt8>
        switch padding {
        case H5T_STR_NULLTERM:
            content = element.prefix { $0 != 0 }
        case H5T_STR_SPACEPAD:
            content = Self.dropping(trailing: UInt8(ascii: " "), from: element)
        default:
            content = Self.dropping(trailing: 0, from: element)
        }
        return String(decoding: content, as: UTF8.self)
    }

    /// `bytes` without the run of `byte` at its end.
    private static func dropping(trailing byte: UInt8, from bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end > bytes.startIndex && bytes[end - 1] == byte { end -= 1 }
        return bytes[..<end]
    }
}
