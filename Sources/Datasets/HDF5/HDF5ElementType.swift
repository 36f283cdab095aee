import CHDF5

/// The element type of a stored dataset or attribute, as far as this module tells
/// types apart.
///
/// Integers and floating-point numbers are identified by class, size and signedness;
/// byte order is not part of the identity, because HDF5 converts it on reading.
/// Strings of every kind (fixed or variable length, ASCII or UTF-8) are ``string``.
/// Anything else (compound, enumeration, including h5py's booleans, half-precision
/// floats, bit fields, references, …) is ``other(_:)`` with a short description.
public enum HDF5ElementType: Equatable, Sendable, CustomStringConvertible {
    case float32
    case float64
    case int8
    case uint8
    case int16
    case uint16
    case int32
    case uint32
    case int64
    case uint64
    case string
    /// A type this module does not read, described e.g. as `"compound"`,
    /// `"enum"` or `"float16"`.
    case other(String)

    /// The name used in error messages: `float32`, `uint8`, `string`, or the
    /// description carried by ``other(_:)``.
    public var description: String {
        switch self {
        case .float32: "float32"
        case .float64: "float64"
        case .int8: "int8"
        case .uint8: "uint8"
        case .int16: "int16"
        case .uint16: "uint16"
        case .int32: "int32"
        case .uint32: "uint32"
        case .int64: "int64"
        case .uint64: "uint64"
        case .string: "string"
        case .other(let description): description
        }
    }

    /// Classifies an HDF5 datatype identifier.
    init(datatype: hid_t) {
        let size = H5Tget_size(datatype)
        switch H5Tget_class(datatype) {
        case H5T_FLOAT:
            switch size {
            case 4: self = .float32
            case 8: self = .float64
            default: self = .other("float\(size * 8)")
            }
        case H5T_INTEGER:
            let signed = H5Tget_sign(datatype) == H5T_SGN_2
            switch (size, signed) {
            case (1, true): self = .int8
            case (1, false): self = .uint8
            case (2, true): self = .int16
            case (2, false): self = .uint16
            case (4, true): self = .int32
            case (4, false): self = .uint32
            case (8, true): self = .int64
            case (8, false): self = .uint64
            default: self = .other(signed ? "int\(size * 8)" : "uint\(size * 8)")
            }
        case H5T_STRING: self = .string
        case H5T_COMPOUND: self = .other("compound")
        case H5T_ENUM: self = .other("enum")
        case H5T_ARRAY: self = .other("array")
        case H5T_VLEN: self = .other("variable-length sequence")
        case H5T_OPAQUE: self = .other("opaque")
        case H5T_BITFIELD: self = .other("bitfield")
        case H5T_REFERENCE: self = .other("reference")
        case H5T_TIME: self = .other("time")
        default: self = .other("unknown")
        }
    }
}
