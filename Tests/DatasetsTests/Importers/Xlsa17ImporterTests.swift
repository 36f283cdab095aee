import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// `datasets import xlsa17` on a small `res101.mat` + `att_splits.mat` pair written in
/// each MAT layout: features, labels, classes, attributes and the proposed split come
/// back as the test wrote them.
@Suite struct Xlsa17ImportTests {
    typealias F = Xlsa17Fixture

    /// Checks the dataset at `path` against ``Xlsa17Fixture``.
    static func check(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dataset = try Dataset(path: path)
        #expect(dataset.count == F.items, sourceLocation: sourceLocation)
        #expect(dataset.modalities == [.init(name: "features", dimension: F.dimension)], sourceLocation: sourceLocation)
        let features = try dataset.features("features")
        #expect(features.rows == F.items && features.columns == F.dimension, sourceLocation: sourceLocation)
        // Item i is column i of the MATLAB D × N matrix.
        #expect(rows(features) == (0..<F.items).map { item in (0..<F.dimension).map { Float(F.feature(item, $0)) } },
                sourceLocation: sourceLocation)
        #expect(dataset.classes == F.classes, sourceLocation: sourceLocation)
        #expect(rows(dataset.labels) == F.classIDs.map { id in (1...F.classes.count).map { $0 == id ? 1 : 0 } },
                sourceLocation: sourceLocation)
        let attributes = try #require(dataset.attributes, sourceLocation: sourceLocation)
        // C × A, the transpose of MATLAB's A × C `att`.
        #expect(rows(attributes) == (0..<F.classes.count).map { c in
            (0..<F.attributeCount).map { Float(F.attribute($0, c)) }
        }, sourceLocation: sourceLocation)
        let split = try #require(dataset.split("proposed"), sourceLocation: sourceLocation)
        #expect(Set(split.parts.map(\.name)) == Set(F.locations.map(\.part)), sourceLocation: sourceLocation)
        for (part, items) in F.locations {
            #expect(split.part(part) == items.map { $0 - 1 }, "\(part)", sourceLocation: sourceLocation)
        }
        #expect(dataset.splits.count == 1, sourceLocation: sourceLocation)
        #expect(dataset.name == "awa2", sourceLocation: sourceLocation)
        #expect(dataset.provenance["importer"] == "xlsa17", sourceLocation: sourceLocation)
    }

    @Test(arguments: MATLayout.allCases)
    func importsEveryLayout(_ layout: MATLayout) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try F.write(in: directory, layout: layout)
        let out = directory.path("awa2.h5")
        let log = try runImport(.xlsa17, files: [res, att], to: out, name: "awa2")
        try Self.check(out)
        let dataset = try Dataset(path: out)
        #expect(dataset.provenance["sha256:res101.mat"] == (try FileDigest.sha256(of: res)))
        #expect(dataset.provenance["sha256:att_splits.mat"] == (try FileDigest.sha256(of: att)))
        #expect(dataset.provenance["licence"] == nil)
        #expect(log.contains("20 items, 4 classes, modalities features (6-d)"))
        #expect(log.last == "wrote \(out)")
    }

    /// MATLAB stores small integral doubles (labels, item indices) as miUINT8 in v5.
    @Test func readsIntegralDoublesStoredNarrow() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try F.write(in: directory, layout: .v5Compressed, res101: F.res101(storage: .uint8),
                                     attSplits: F.attSplits(storage: .uint8))
        let out = directory.path("awa2.h5")
        try runImport(.xlsa17, files: [res, att], to: out, name: "awa2")
        try Self.check(out)
    }

    @Test(arguments: [MATLayout.v5, .v73])
    func transposesFeaturesStoredItemsByDimensions(_ layout: MATLayout) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (res, att) = try F.write(in: directory, layout: layout, res101: F.res101(itemsInRows: true))
        let out = directory.path("awa2.h5")
        try runImport(.xlsa17, files: [res, att], to: out, name: "awa2")
        try Self.check(out)
    }

    @Test func takesTheFilesInEitherOrderAndUnderAnyName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try MATLayout.v5.write(F.attSplits(), to: directory.path("a.mat"))
        try MATLayout.v73.write(F.res101(), to: directory.path("b.mat"))
        let out = directory.path("awa2.h5")
        try runImport(.xlsa17, files: [directory.path("a.mat"), directory.path("b.mat")], to: out, name: "awa2")
        try Self.check(out)
    }

    /// One file holding every variable is enough.
    @Test func readsASingleFileHoldingEverything() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("all.mat")
        try MATLayout.v5Compressed.write(F.res101() + F.attSplits(), to: path)
        let out = directory.path("awa2.h5")
        try runImport(.xlsa17, files: [path], to: out, name: "awa2")
        try Self.check(out)
    }
}
