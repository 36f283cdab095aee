import Datasets
import Testing

/// The registry of synthetic generators: names, lookup and mistyped names.
@Suite struct SyntheticDatasetsTests {
    @Test func knownNamesMatchTheCatalogsSyntheticManifests() {
        #expect(SyntheticDatasets.names == ["synthetic-awa2", "synthetic-mirflickr"])
    }

    @Test func defaultShapesAreThePapers() {
        let awa2 = SyntheticAWA2()
        #expect(awa2.shape.items == 37_322 && awa2.shape.dimension == 2048 && awa2.shape.classes == 50)
        let mirflickr = SyntheticMIRFlickr()
        #expect(mirflickr.shape.items == 20_015 && mirflickr.shape.labels == 24)
        #expect(mirflickr.shape.imageDimension + mirflickr.shape.textDimension == 512 + 1_386)
    }

    @Test func unknownNameListsKnownOnesAndSuggestsTheNearest() throws {
        #expect(try SyntheticDatasets.generator(named: "synthetic-mirflickr").name == "synthetic-mirflickr")
        let error = #expect(throws: CatalogError.self) { try SyntheticDatasets.generator(named: "synthetic-awa") }
        #expect(error == .unknownDataset(name: "synthetic-awa", known: ["synthetic-awa2", "synthetic-mirflickr"],
                                         suggestion: "synthetic-awa2"))
        #expect(error?.description.contains("did you mean \"synthetic-awa2\"") == true)
    }
}
