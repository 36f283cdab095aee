import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// The file formats `datasets import mat` reads.
enum GenericSourceFormat: String, CaseIterable, CustomStringConvertible, Sendable {
    case v5
    case v73 = "v7.3"
    case h5py

    var description: String { rawValue }

    /// Writes `variables`, given as MATLAB or NumPy shows them, to a new file at `path`.
    func write(_ variables: [MATTestVariable], to path: String) throws {
        switch self {
        case .v5: try MATLayout.v5Compressed.write(variables, to: path)
        case .v73: try MATLayout.v73.write(variables, to: path)
        case .h5py: H5pyTestWriter.write(variables, to: path)
        }
    }
}

/// How the fixture's label variables hold the labels.
enum LabelEncoding: String, CaseIterable, CustomStringConvertible, Sendable {
    case oneBasedIDs = "1-based ids"
    case zeroBasedIDs = "0-based ids"
    case multiHot = "multi-hot"

    var description: String { rawValue }
}

/// A cross-modal source in the layout of the Wikipedia and NUS-WIDE `.mat` files:
/// `I_tr`/`I_te` (3-d image features), `T_tr`/`T_te` (5-d text features), `L_tr`/`L_te`
/// (4 classes), with `train` then `test` items. Every value is a function of the item's
/// index over both parts, so the imported dataset can be checked item by item.
struct GenericMATFixture {
    static let imageDimension = 3
    static let textDimension = 5
    static let classCount = 4

    var train = 7
    var test = 6
    var items: Int { train + test }

    /// Feature `d` of item `item` (0-based over train then test), exact in float32.
    static func image(_ item: Int, _ d: Int) -> Double { Double(item) * 10 + Double(d) * 0.25 + 1 }
    static func text(_ item: Int, _ d: Int) -> Double { Double(d) * 100 - Double(item) * 0.5 }
    /// The 0-based class of an item, for class-id labels.
    static func classOf(_ item: Int) -> Int { (item * 3 + 1) % classCount }
    /// Whether an item has class `c`, for multi-hot labels: its class and sometimes another.
    static func hasClass(_ item: Int, _ c: Int) -> Bool { c == classOf(item) || (item + c) % 5 == 0 }

    /// The labels the dataset must hold, item by item.
    func expectedLabels(_ encoding: LabelEncoding) -> [[UInt8]] {
        (0..<items).map { item in
            (0..<Self.classCount).map { c in
                encoding == .multiHot ? (Self.hasClass(item, c) ? 1 : 0) : (c == Self.classOf(item) ? 1 : 0)
            }
        }
    }

    /// The class names the dataset must hold.
    static func expectedClasses(_ encoding: LabelEncoding) -> [String] {
        encoding == .zeroBasedIDs ? ["0", "1", "2", "3"] : ["1", "2", "3", "4"]
    }

    /// The items of part `part` ("tr" or "te").
    func range(_ part: String) -> Range<Int> { part == "tr" ? 0..<train : train..<items }

    /// `value` for the items of `part`, one row per item.
    func partRows(_ part: String, _ dimension: Int, _ value: (Int, Int) -> Double) -> [[Double]] {
        range(part).map { item in (0..<dimension).map { value(item, $0) } }
    }

    /// The label variable of `part`: a vector of ids (a row vector when `transposed`,
    /// 1-D in an h5py file otherwise) or a multi-hot matrix (classes × items and
    /// logical or uint8 when `transposed`).
    func labels(_ part: String, _ encoding: LabelEncoding, format: GenericSourceFormat,
                transposed: Bool) -> MATTestVariable {
        let name = "L_\(part)"
        let count = range(part).count
        switch encoding {
        case .multiHot:
            // h5py's booleans are HDF5 enumerations, which hashlab refuses: uint8 there.
            return itemMatrix(name, partRows(part, Self.classCount) { Self.hasClass($0, $1) ? 1 : 0 },
                              itemsInColumns: transposed,
                              as: transposed ? (format == .h5py ? .uint8 : .logical) : .double)
        case .oneBasedIDs, .zeroBasedIDs:
            let ids = range(part).map { Double(Self.classOf($0) + (encoding == .oneBasedIDs ? 1 : 0)) }
            let dimensions = transposed ? [1, count] : format == .h5py ? [count] : [count, 1]
            return .numeric(name, .double, dimensions: dimensions, columnMajor: ids)
        }
    }

    /// Every variable: image features items × D and text features D × items, or the
    /// other way round when `transposed` (image features then single).
    func variables(_ encoding: LabelEncoding, format: GenericSourceFormat,
                   transposed: Bool = false) -> [MATTestVariable] {
        ["tr", "te"].flatMap { part in
            [
                itemMatrix("I_\(part)", partRows(part, Self.imageDimension, Self.image), itemsInColumns: transposed,
                           as: transposed ? .single : .double),
                itemMatrix("T_\(part)", partRows(part, Self.textDimension, Self.text), itemsInColumns: !transposed),
                labels(part, encoding, format: format, transposed: transposed),
            ]
        }
    }

    /// The map of the fixture's variables, parts `train` and `test`.
    static func map(classNames: String? = nil) throws -> MATVariableMap {
        try MATVariableMap(modalities: ["image=I_tr,I_te", "text=T_tr,T_te"], labels: "L_tr,L_te",
                           split: "train,test", classNames: classNames)
    }

    /// Checks the dataset at `path` item by item against the values written.
    func check(_ path: String, _ encoding: LabelEncoding, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dataset = try Dataset(path: path)
        #expect(dataset.count == items, sourceLocation: sourceLocation)
        #expect(dataset.modalities == [.init(name: "image", dimension: Self.imageDimension),
                                       .init(name: "text", dimension: Self.textDimension)],
                sourceLocation: sourceLocation)
        let all = (0..<items).map { $0 }
        #expect(rows(try dataset.features("image"))
                    == all.map { item in (0..<Self.imageDimension).map { Float(Self.image(item, $0)) } },
                sourceLocation: sourceLocation)
        #expect(rows(try dataset.features("text"))
                    == all.map { item in (0..<Self.textDimension).map { Float(Self.text(item, $0)) } },
                sourceLocation: sourceLocation)
        #expect(rows(dataset.labels) == expectedLabels(encoding), sourceLocation: sourceLocation)
        #expect(dataset.classes == Self.expectedClasses(encoding), sourceLocation: sourceLocation)
        let split = try #require(dataset.split(MATVariableMap.splitName), sourceLocation: sourceLocation)
        #expect(split.parts.map(\.name).sorted() == ["test", "train"], sourceLocation: sourceLocation)
        #expect(split.part("train") == Array(0..<train), sourceLocation: sourceLocation)
        #expect(split.part("test") == Array(train..<items), sourceLocation: sourceLocation)
        #expect(dataset.provenance["importer"] == "mat", sourceLocation: sourceLocation)
    }
}

/// Runs a `mat` import of `files` with `map` to `path`, returning the log lines.
@discardableResult
func runMATImport(files: [String], map: MATVariableMap, to path: String, name: String = "test") throws -> [String] {
    var lines: [String] = []
    try DatasetImport(kind: .mat, name: name, files: files, manifest: nil, variables: map).run(writingTo: path) {
        lines.append($0)
    }
    return lines
}
