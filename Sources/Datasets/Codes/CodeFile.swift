import HashCore
import Linalg

/// Binary codes and their labels in one HDF5 file: the exchange format of
/// `hashlab evaluate`, so codes made by any tool can be scored.
///
/// Layout:
/// - `/codes`, one of
///   - `uint64 [N, W]`, packed in hashlab's bit order (bit j of a code is bit j % 64,
///     least significant first, of word j / 64; a set bit is +1), with the code
///     length K as an integer attribute `bits` on `/codes` (K = 64·W when absent);
///     bits beyond K must be zero;
///   - `int8`, `float32` or `float64 [N, K]` holding exactly +1 and −1
///     (as MATLAB and NumPy code matrices usually are);
/// - `/labels`, `uint8 [N, C]` multi-hot (single-label data one-hot).
/// Arrays are row-major with N rows, as h5py writes an `(N, K)` NumPy array.
public struct CodeFile: Equatable, Sendable {
    /// The codes, one per item.
    public var codes: BinaryCodes
    /// The label sets, one per item.
    public var labels: LabelSets

    public init(codes: BinaryCodes, labels: LabelSets) {
        self.codes = codes
        self.labels = labels
    }

    /// Reads and checks a code file; every error names the file and the dataset.
    public init(reading path: String) throws {
        let file = try HDF5File(reading: path)
        codes = try file.readCodes("/codes")
        labels = try file.readLabels("/labels")
        guard labels.count == codes.count else {
            throw CodeFileError.countMismatch(file: path, codes: codes.count, labels: labels.count)
        }
    }

    /// Writes the file atomically, codes packed as `uint64` with their `bits` attribute.
    public func write(to path: String) throws {
        try HDF5File.write(to: path) { file in
            try file.write(codes, to: "/codes")
            try file.write(labels, to: "/labels")
        }
    }
}
