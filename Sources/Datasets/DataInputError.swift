/// An error that blames the data a command was given: a dataset, HDF5, MAT or code
/// file that is missing, malformed, of the wrong shape or type, lacks a variable,
/// holds NaN/Inf or values out of range, or fails its manifest's checksum. The CLI
/// exits with status 3 for such an error (2 is kept for spec errors, 1 for the rest).
///
/// Error types of the Datasets module adopt it; a type some of whose cases blame
/// something else (a write failure, an unknown option value) answers ``isDataInputError``
/// per case.
public protocol DataInputError: Error {
    /// Whether this error is a fault of the input data (default `true`).
    var isDataInputError: Bool { get }
}

extension DataInputError {
    public var isDataInputError: Bool { true }
}
