import Datasets
import Foundation
import Testing
import TestSupport

/// The manifests compiled into hashlab are the repository's `datasets/*.yaml`, byte
/// for byte, and a project's own manifests may add datasets but not override them.
@Suite struct BuiltInManifestsTests {
    @Test func theBuiltInManifestsAreTheRepositorysFilesByteForByte() throws {
        let directory = CatalogTests.repositoryRoot + "/datasets"
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(DatasetCatalog.builtInNames == files.map { String($0.dropLast(5)) },
                "run scripts/embed-manifests.sh after adding or removing a manifest")
        for file in files {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            #expect(DatasetCatalog.builtInText(file) == text, "\(file): run scripts/embed-manifests.sh")
            #expect(DatasetCatalog.builtInManifest(String(file.dropLast(5)))
                    == (try DatasetManifest(path: directory + "/" + file)))
        }
    }

    @Test func aCatalogWithoutManifestFilesKnowsTheBuiltInOnes() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let catalog = DatasetCatalog(root: root.url.path)
        #expect(try catalog.manifests().map(\.name) == DatasetCatalog.builtInNames)
        #expect(try catalog.manifest("awa2").source("res101.mat")?.sha256
                == "3592d2002a4e2d7ea4ef19069f9c35b8ad86c5e1a43b2d30257eba7018fd6dfa")
        #expect(try catalog.knownManifest("wikipedia") == nil)
    }

    @Test func aProjectManifestAddsADatasetButCannotOverrideABuiltInOne() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path("datasets"), withIntermediateDirectories: true)
        try "name: wikipedia\ndescription: d\nimporter: mat\nlicence: l\ncitation: c\nsources: []\n"
            .write(toFile: root.path("datasets/wikipedia.yaml"), atomically: true, encoding: .utf8)
        let catalog = DatasetCatalog(root: root.url.path)
        #expect(try catalog.manifests().map(\.name) == (DatasetCatalog.builtInNames + ["wikipedia"]).sorted())
        #expect(try catalog.manifest("wikipedia").importer == "mat")

        // The same contents as the built-in manifest are accepted (a copy of the repository).
        let awa2 = root.path("datasets/awa2.yaml")
        try #require(DatasetCatalog.builtInText("awa2.yaml")).write(toFile: awa2, atomically: true, encoding: .utf8)
        #expect(try catalog.manifest("awa2") == DatasetCatalog.builtInManifest("awa2"))

        // Other contents are refused, naming the file.
        let weakened = try #require(DatasetCatalog.builtInText("awa2.yaml"))
            .replacingOccurrences(of: "3592d2002a4e2d7ea4ef19069f9c35b8ad86c5e1a43b2d30257eba7018fd6dfa",
                                  with: String(repeating: "0", count: 64))
        try weakened.write(toFile: awa2, atomically: true, encoding: .utf8)
        #expect(throws: ManifestError.overridesBuiltIn(file: awa2, name: "awa2")) { try catalog.manifest("awa2") }
        #expect(throws: ManifestError.overridesBuiltIn(file: awa2, name: "awa2")) { try catalog.manifests() }
    }
}
