import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// The MAT layouts the importer tests write their sources in.
enum MATLayout: String, CaseIterable, CustomStringConvertible, Sendable {
    case v5Compressed = "v5-compressed"
    case v5 = "v5-uncompressed"
    case v5BigEndian = "v5-big-endian"
    case v73 = "v7.3"

    var description: String { rawValue }

    /// Writes `variables` to a new file at `path` in this layout.
    func write(_ variables: [MATTestVariable], to path: String) throws {
        switch self {
        case .v5Compressed: try MATv5TestWriter(compressed: true).write(variables, to: path)
        case .v5: try MATv5TestWriter(compressed: false).write(variables, to: path)
        case .v5BigEndian: try MATv5TestWriter(byteOrder: .bigEndian, compressed: true).write(variables, to: path)
        case .v73: MATv73TestWriter.write(variables, to: path)
        }
    }
}

extension Array where Element == MATTestVariable {
    /// The variables with the one called `name` replaced by `variable` (or removed
    /// when `variable` is `nil`).
    func replacing(_ name: String, with variable: MATTestVariable?) -> [MATTestVariable] {
        compactMap { $0.name == name ? variable : $0 }
    }
}

/// A numeric variable holding `rows` (items × D, as the test thinks of them) either as
/// such or transposed (D × items, one item per column).
func itemMatrix(_ name: String, _ rows: [[Double]], itemsInColumns: Bool,
                as matlabClass: MATTestVariable.Class = .double) -> MATTestVariable {
    guard itemsInColumns else { return .matrix(name, matlabClass, rows: rows) }
    let columns = rows.first?.count ?? 0
    return .matrix(name, matlabClass, rows: (0..<columns).map { column in rows.map { $0[column] } })
}

/// A column vector of `values`.
func columnVector(_ name: String, _ values: [Int], storedAs storage: MATTestVariable.StorageType? = nil)
    -> MATTestVariable {
    .numeric(name, .double, dimensions: [values.count, 1], columnMajor: values.map(Double.init), storedAs: storage)
}

/// The rows of `matrix` as arrays.
func rows<T>(_ matrix: Matrix<T>) -> [[T]] {
    (0..<matrix.rows).map { row in (0..<matrix.columns).map { matrix[row, $0] } }
}

/// Runs `run` once writing to a fresh path and once over a valid dataset already
/// at the output path; expects `expected` both times, no new file in the output
/// directory, and the earlier file unchanged byte for byte.
func expectNothingWritten<E: Error & Equatable>(
    _ expected: E, in directory: TemporaryDirectory, sourceLocation: SourceLocation = #_sourceLocation,
    _ run: (String) throws -> Void
) throws {
    try expectNothingWritten(in: directory, sourceLocation: sourceLocation, { _ in expected }, run)
}

/// As above, with the expected error depending on the output path.
func expectNothingWritten<E: Error & Equatable>(
    in directory: TemporaryDirectory, sourceLocation: SourceLocation = #_sourceLocation,
    _ expected: (String) -> E, _ run: (String) throws -> Void
) throws {
    let outputDirectory = directory.path("out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
    let fresh = outputDirectory + "/fresh.h5"
    #expect(throws: expected(fresh), sourceLocation: sourceLocation) { try run(fresh) }
    #expect(!FileManager.default.fileExists(atPath: fresh), sourceLocation: sourceLocation)

    let existing = outputDirectory + "/existing.h5"
    try DatasetContents(name: "earlier", modalities: [.init(name: "x", features: Matrix(rows: 2, columns: 1,
                                                                                            elements: [1, 2]))],
                        labels: Matrix(rows: 2, columns: 1, elements: [1, 0]), classes: ["a"]).write(to: existing)
    let before = try Data(contentsOf: URL(fileURLWithPath: existing))
    #expect(throws: expected(existing), sourceLocation: sourceLocation) { try run(existing) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == before, sourceLocation: sourceLocation)
    #expect(try FileManager.default.contentsOfDirectory(atPath: outputDirectory) == ["existing.h5"],
            sourceLocation: sourceLocation)
}

/// Runs an import of `kind` from `files` to `path`, returning the log lines.
@discardableResult
func runImport(_ kind: DatasetImport.Kind, files: [String], to path: String, name: String = "test",
               manifest: DatasetManifest? = nil) throws -> [String] {
    var lines: [String] = []
    try DatasetImport(kind: kind, name: name, files: files, manifest: manifest).run(writingTo: path) {
        lines.append($0)
    }
    return lines
}

/// A small xlsa17 pair: 20 images of 6-d features in 4 classes with 3 attributes and
/// the five split parts, all with distinct, exactly representable values.
struct Xlsa17Fixture {
    static let items = 20
    static let dimension = 6
    static let classes = ["antelope", "grizzly+bear", "killer+whale", "beaver"]
    static let attributeCount = 3

    /// The feature `d` of item `i` (0-based).
    static func feature(_ item: Int, _ d: Int) -> Double { Double(item) * 10 + Double(d) * 0.25 - 7 }
    /// Attribute `a` of class `c` (0-based).
    static func attribute(_ a: Int, _ c: Int) -> Double { Double(c) * 0.5 - Double(a) * 0.125 + 0.0625 }
    /// The 1-based class id of each item.
    static let classIDs = (0..<items).map { ($0 * 3 + 1) % 4 + 1 }
    /// The 1-based item indices of each split part, in stored order.
    static let locations: [(part: String, items: [Int])] = [
        ("trainval", [3, 1, 2, 5, 4, 7, 6, 9, 8, 11, 10, 12, 14, 13]),
        ("train", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        ("val", [14, 11, 12, 13]),
        ("test_seen", [15, 17, 16]),
        ("test_unseen", [20, 18, 19]),
    ]

    /// `res101.mat`'s variables; `features` D × N (one column per image) unless
    /// `itemsInRows`.
    static func res101(itemsInRows: Bool = false, storage: MATTestVariable.StorageType? = nil) -> [MATTestVariable] {
        let features = (0..<items).map { item in (0..<dimension).map { feature(item, $0) } }
        return [
            .cellOfStrings("image_files", dimensions: [items, 1],
                           (0..<items).map { "/BS/xian/AWA2/JPEGImages/img_\($0 + 1).jpg" }),
            itemMatrix("features", features, itemsInColumns: !itemsInRows),
            columnVector("labels", classIDs, storedAs: storage),
        ]
    }

    /// `att_splits.mat`'s variables.
    static func attSplits(storage: MATTestVariable.StorageType? = nil) -> [MATTestVariable] {
        let att = (0..<attributeCount).map { a in (0..<classes.count).map { attribute(a, $0) } }
        return [
            .cellOfStrings("allclasses_names", dimensions: [classes.count, 1], classes),
            .matrix("att", .double, rows: att),
            .matrix("original_att", .double, rows: att.map { $0.map { $0 * 100 } }),
        ] + locations.map { columnVector($0.part + "_loc", $0.items, storedAs: storage) }
    }

    /// Writes both files into `directory` in `layout`; returns their paths.
    static func write(in directory: TemporaryDirectory, layout: MATLayout, res101 res: [MATTestVariable]? = nil,
                      attSplits att: [MATTestVariable]? = nil) throws -> (res101: String, attSplits: String) {
        let paths = (directory.path("res101.mat"), directory.path("att_splits.mat"))
        try layout.write(res ?? res101(), to: paths.0)
        try layout.write(att ?? attSplits(), to: paths.1)
        return paths
    }
}
