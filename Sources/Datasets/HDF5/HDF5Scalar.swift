import CHDF5

/// A Swift number type that can be stored in and read from HDF5 datasets and
/// attributes.
///
/// Each conforming type names its native in-memory HDF5 type and the little-endian
/// type it is written as (`H5T_IEEE_F32LE`, `H5T_STD_I32LE`, …, the types h5py and
/// MATLAB write). Reading is strict: the stored element type must equal
/// ``hdf5ElementType`` (same class, size and signedness; byte order may differ).
///
/// Conforming types: `Float`, `Double`, `UInt8`, `Int8`, `Int32`, `Int64`, `UInt64`.
public protocol HDF5Scalar: Sendable {
    /// The element type values of this type are stored as.
    static var hdf5ElementType: HDF5ElementType { get }
    /// The HDF5 identifier of the native in-memory type (e.g. `H5T_NATIVE_FLOAT`).
    /// An implementation detail of this module.
    static var _hdf5MemoryType: Int64 { get }
    /// The HDF5 identifier of the little-endian type written to files (e.g.
    /// `H5T_IEEE_F32LE`). An implementation detail of this module.
    static var _hdf5FileType: Int64 { get }
}

extension Float: HDF5Scalar {
    public static var hdf5ElementType: HDF5ElementType { .float32 }
    public static var _hdf5MemoryType: Int64 { hashlab_H5T_NATIVE_FLOAT() }
    public static var _hdf5FileType: Int64 { hashlab_H5T_IEEE_F32LE() }
}

extension Double: HDF5Scalar {
    public static var hdf5ElementType: HDF5ElementType { .float64 }
    public static var _hdf5MemoryType: Int64 { hashlab_H5T_NATIVE_DOUBLE() }
    public static var _hdf5FileType: Int64 { hashlab_H5T_IEEE_F64LE() }
}

extension UInt8: HDF5Scalar {
    public static var hdf5ElementType: HDF5ElementType { .uint8 }
    public static var _hdf5MemoryType: Int64 { hashlab_H5T_NATIVE_UINT8() }
    public static var _hdf5FileType: Int64 { hashlab_H5T_STD_U8LE() }
}

extension Int8: HDF5Scalar {
    public static var hdf5ElementType: HDF5ElementType { .int8 }
    public static var _hdf5MemoryType: Int64 { hashlab_H5T_NATIVE_INT8() }
    public static var _hdf5FileType: Int64 { hashlab_H5T_STD_I8LE() }
}

extension Int32: HDF5Scalar {
    public static var hdf5ElementType: HDF5ElementType { .int32 }
    public static var _hdf5MemoryType: Int64 { hashlab_H5T_NATIVE_INT32() }
    public static var _hdf5FileType: Int64 { hashlab_H5T_STD_I32LE() }
}

extension Int64: HDF5Scalar {
    public static var hdf5ElementType: HDF5ElementType { .int64 }
    public static var _hdf5MemoryType: Int64 { hashlab_H5T_NATIVE_INT64() }
    public static var _hdf5FileType: Int64 { hashlab_H5T_STD_I64LE() }
}

extension UInt64: HDF5Scalar {
    public static var hdf5ElementType: HDF5ElementType { .uint64 }
    public static var _hdf5MemoryType: Int64 { hashlab_H5T_NATIVE_UINT64() }
    public static var _hdf5FileType: Int64 { hashlab_H5T_STD_U64LE() }
}
