import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// `datasets import dcmh-mirflickr` on small `mirflickr25k-{yall,lall,iall}.mat`: 10
/// items, 5-d tag vectors, 3 labels, and `IAll` absent, 2-D features or 4-D images.
@Suite struct DCMHMIRFlickrImportTests {
    static let items = 10

    static func tags(_ item: Int, _ d: Int) -> Double { (item + 2 * d) % 4 == 0 ? 1 : 0 }
    static func label(_ item: Int, _ c: Int) -> Double { (item * (c + 2)) % 3 == 0 ? 1 : 0 }
    static func image(_ item: Int, _ d: Int) -> Double { Double(item) - Double(d) * 0.75 }

    static func values(_ dimension: Int, _ value: (Int, Int) -> Double) -> [[Double]] {
        (0..<items).map { item in (0..<dimension).map { value(item, $0) } }
    }

    /// Writes the yall and lall files (and `iall`, when given) in `layout`; returns the paths.
    static func write(in directory: TemporaryDirectory, layout: MATLayout, iall: MATTestVariable? = nil) throws
        -> [String] {
        var paths = [directory.path("mirflickr25k-yall.mat"), directory.path("mirflickr25k-lall.mat")]
        try layout.write([.matrix("YAll", .double, rows: values(5, tags))], to: paths[0])
        try layout.write([.matrix("LAll", .double, rows: values(3, label))], to: paths[1])
        if let iall {
            paths.append(directory.path("mirflickr25k-iall.mat"))
            try layout.write([iall], to: paths[2])
        }
        return paths
    }

    static func checkTextAndLabels(_ dataset: Dataset, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(dataset.count == items, sourceLocation: sourceLocation)
        #expect(rows(try dataset.features("text")) == values(5, tags).map { $0.map(Float.init) },
                sourceLocation: sourceLocation)
        #expect(rows(dataset.labels) == values(3, label).map { $0.map { UInt8($0) } }, sourceLocation: sourceLocation)
        #expect(dataset.classes == ["label-01", "label-02", "label-03"], sourceLocation: sourceLocation)
        #expect(dataset.splits.isEmpty, sourceLocation: sourceLocation)
        #expect(dataset.provenance["importer"] == "dcmh-mirflickr", sourceLocation: sourceLocation)
    }

    @Test(arguments: [MATLayout.v5Compressed, .v73])
    func textOnlyWithoutIAll(_ layout: MATLayout) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let files = try Self.write(in: directory, layout: layout)
        let out = directory.path("dcmh.h5")
        let log = try runImport(.dcmhMIRFlickr, files: files.reversed(), to: out)
        let dataset = try Dataset(path: out)
        #expect(dataset.modalities == [.init(name: "text", dimension: 5)])
        try Self.checkTextAndLabels(dataset)
        #expect(log.contains("no IAll among the sources; the dataset has the text modality only"))
    }

    @Test(arguments: [MATLayout.v5, .v73])
    func twoDimensionalIAllIsTheImageModality(_ layout: MATLayout) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let files = try Self.write(in: directory, layout: layout,
                                   iall: .matrix("IAll", .single, rows: Self.values(4, Self.image)))
        let out = directory.path("dcmh.h5")
        let log = try runImport(.dcmhMIRFlickr, files: files, to: out)
        let dataset = try Dataset(path: out)
        #expect(dataset.modalities == [.init(name: "image", dimension: 4), .init(name: "text", dimension: 5)])
        #expect(rows(try dataset.features("image")) == Self.values(4, Self.image).map { $0.map(Float.init) })
        try Self.checkTextAndLabels(dataset)
        #expect(!log.contains { $0.contains("text modality only") })
        #expect(log.contains("10 items, 3 classes, modalities image (4-d), text (5-d)"))
    }

    @Test(arguments: [MATLayout.v5Compressed, .v73])
    func fourDimensionalIAllIsSkippedWithANote(_ layout: MATLayout) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pixels = (0..<(2 * 2 * 3 * Self.items)).map { Double($0 % 256) }
        let files = try Self.write(in: directory, layout: layout,
                                   iall: .numeric("IAll", .uint8, dimensions: [2, 2, 3, Self.items],
                                                  columnMajor: pixels))
        let out = directory.path("dcmh.h5")
        let log = try runImport(.dcmhMIRFlickr, files: files, to: out)
        let dataset = try Dataset(path: out)
        #expect(dataset.modalities == [.init(name: "text", dimension: 5)])
        try Self.checkTextAndLabels(dataset)
        #expect(log.contains("\(files[2]): IAll is 2 × 2 × 3 × 10 (raw images, not features); "
                             + "the dataset has the text modality only"))
    }
}
