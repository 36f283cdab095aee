import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// `datasets import lemon-mirflickr` on a small `MIRFLICKR.mat`: 12 train and 5 test
/// items, 4-d image and 7-d text features, 3 multi-hot labels.
@Suite struct LemonMIRFlickrImportTests {
    static let train = 12
    static let test = 5
    static var items: Int { train + test }

    /// Item `i` (0-based over train then test) values.
    static func image(_ item: Int, _ d: Int) -> Double { Double(item) * 1.5 + Double(d) * 0.125 }
    static func text(_ item: Int, _ d: Int) -> Double { Double((item * 7 + d) % 3 == 0 ? 1 : 0) + Double(d) }
    static func label(_ item: Int, _ c: Int) -> Double { (item + c) % 3 == 0 || (item * (c + 1)) % 5 == 1 ? 1 : 0 }

    static func values(_ range: Range<Int>, _ dimension: Int, _ value: (Int, Int) -> Double) -> [[Double]] {
        range.map { item in (0..<dimension).map { value(item, $0) } }
    }

    /// The file's variables, each matrix items × D unless `transposed` (then D × items);
    /// with `transposed`, image features are single and labels logical.
    static func variables(transposed: Bool = false) -> [MATTestVariable] {
        var result: [MATTestVariable] = []
        for (part, range) in [("tr", 0..<train), ("te", train..<items)] {
            result.append(itemMatrix("I_\(part)", values(range, 4, image), itemsInColumns: transposed,
                                     as: transposed ? .single : .double))
            result.append(itemMatrix("T_\(part)", values(range, 7, text), itemsInColumns: transposed))
            result.append(itemMatrix("L_\(part)", values(range, 3, label), itemsInColumns: transposed,
                                     as: transposed ? .logical : .double))
        }
        return result
    }

    static func check(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dataset = try Dataset(path: path)
        #expect(dataset.count == items, sourceLocation: sourceLocation)
        #expect(dataset.modalities == [.init(name: "image", dimension: 4), .init(name: "text", dimension: 7)],
                sourceLocation: sourceLocation)
        #expect(rows(try dataset.features("image")) == values(0..<items, 4, image).map { $0.map(Float.init) },
                sourceLocation: sourceLocation)
        #expect(rows(try dataset.features("text")) == values(0..<items, 7, text).map { $0.map(Float.init) },
                sourceLocation: sourceLocation)
        #expect(rows(dataset.labels) == values(0..<items, 3, label).map { $0.map { UInt8($0) } },
                sourceLocation: sourceLocation)
        #expect(dataset.classes == ["label-01", "label-02", "label-03"], sourceLocation: sourceLocation)
        let split = try #require(dataset.split("lemon"), sourceLocation: sourceLocation)
        #expect(split.part("train") == Array(0..<train), sourceLocation: sourceLocation)
        #expect(split.part("test") == Array(train..<items), sourceLocation: sourceLocation)
        #expect(split.parts.count == 2, sourceLocation: sourceLocation)
        #expect(dataset.attributes == nil, sourceLocation: sourceLocation)
        #expect(dataset.name == "mirflickr-lemon", sourceLocation: sourceLocation)
        #expect(dataset.provenance["importer"] == "lemon-mirflickr", sourceLocation: sourceLocation)
    }

    @Test func fixtureLabelsAreMultiHot() {
        let labels = Self.values(0..<Self.items, 3, Self.label)
        #expect(labels.contains { $0.reduce(0, +) >= 2 })
        #expect(labels.contains { $0.reduce(0, +) == 1 })
    }

    @Test(arguments: MATLayout.allCases)
    func stacksTrainThenTest(_ layout: MATLayout) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let source = directory.path("MIRFLICKR.mat")
        try layout.write(Self.variables(), to: source)
        let out = directory.path("lemon.h5")
        let log = try runImport(.lemonMIRFlickr, files: [source], to: out, name: "mirflickr-lemon")
        try Self.check(out)
        #expect(log.contains("17 items, 3 classes, modalities image (4-d), text (7-d)"))
    }

    @Test(arguments: [MATLayout.v5Compressed, .v73])
    func matricesStoredTransposedGiveTheSameDataset(_ layout: MATLayout) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let plain = directory.path("plain.mat")
        let transposed = directory.path("transposed.mat")
        try layout.write(Self.variables(), to: plain)
        try layout.write(Self.variables(transposed: true), to: transposed)
        try runImport(.lemonMIRFlickr, files: [plain], to: directory.path("a.h5"), name: "mirflickr-lemon")
        try runImport(.lemonMIRFlickr, files: [transposed], to: directory.path("b.h5"), name: "mirflickr-lemon")
        try Self.check(directory.path("b.h5"))
        let a = try Dataset(path: directory.path("a.h5"))
        let b = try Dataset(path: directory.path("b.h5"))
        #expect(try a.features("image") == b.features("image"))
        #expect(try a.features("text") == b.features("text"))
        #expect(a.labels == b.labels)
        #expect(a.splits == b.splits)
    }
}
