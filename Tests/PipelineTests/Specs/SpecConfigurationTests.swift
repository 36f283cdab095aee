import Datasets
import Foundation
import Methods
import Pipeline
import Testing

/// A planned run's configuration is the one ``SingleRun`` builds and records: every
/// parameter resolved with its default, the dataset's first modality when the spec
/// names none.
@Suite struct SpecConfigurationTests {
    static let spec = """
        experiment: configuration
        dataset: clusters
        protocol: {unseen: [c, d], queries: 10}
        bits: 16
        seeds: [2]
        cutoffs: [50]
        methods:
          - method: aszh
            params: {ratio: "5/-1", lambda: 1e-2}
          - method: lsh
        """

    @Test func parametersAreResolvedWithTheirDefaults() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let runs = try ExperimentSpec.load(path: fixture.write("spec.yaml", Self.spec)).plannedRuns(root: fixture.root)
        let aszh = try #require(runs.first)
        #expect(Set(aszh.configuration.parameters.keys) == Set(ASZH.parameters.map(\.name)))
        #expect(aszh.configuration.parameters["anchors"] == "1000")
        #expect(aszh.configuration.parameters["lambda"] == "0.01")
        #expect(aszh.configuration.parameters["ratio"] == "5/-1")
        #expect(aszh.axes == ["method": "aszh", "bits": "16", "seed": "2", "ratio": "5/-1", "lambda": "1e-2"])
        #expect(runs.last?.configuration.parameters == [:])
    }

    @Test func theConfigurationIsTheOneSingleRunBuildsAndRecords() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let runs = try ExperimentSpec.load(path: fixture.write("spec.yaml", Self.spec)).plannedRuns(root: fixture.root)
        #expect(runs.count == 2)
        let zeroShot = RetrievalProtocol.zeroShot(ZeroShotProtocol(unseen: .classes(["c", "d"]), queries: 10))
        let aszh = try SingleRun(dataset: "clusters", retrievalProtocol: zeroShot, method: "aszh",
                                 parameters: ["ratio": "5/-1", "lambda": "1e-2"], bits: 16, modality: "x", seed: 2,
                                 cutoffs: [50])
        #expect(runs[0].configuration == aszh.configuration)
        #expect(runs[0].cutoffs == aszh.cutoffs)

        let lsh = try SingleRun(dataset: "clusters", retrievalProtocol: zeroShot, method: "lsh", parameters: [:],
                                bits: 16, modality: nil, seed: 2, cutoffs: [50])
        let result = try lsh.execute(catalog: DatasetCatalog(root: fixture.root)) { _ in }
        #expect(runs[1].configuration == result.configuration)
        #expect(runs[1].configuration.modality == "x")
    }

    /// A preprocessing the spec names (not swept) is in the configuration, not an axis.
    @Test func aNamedPreprocessingIsInTheConfiguration() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let spec = Self.spec.replacingOccurrences(of: "queries: 10}", with: "queries: 10, preprocess: center}")
        let runs = try ExperimentSpec.load(path: fixture.write("spec.yaml", spec)).plannedRuns(root: fixture.root)
        #expect(runs.allSatisfy { $0.configuration.preprocessing == .center && $0.axes["preprocess"] == nil })
        let lsh = try SingleRun(dataset: "clusters", retrievalProtocol: runs[1].configuration.retrievalProtocol,
                                preprocessing: .center, method: "lsh", parameters: [:], bits: 16, modality: nil, seed: 2,
                                cutoffs: [50])
        let result = try lsh.execute(catalog: DatasetCatalog(root: fixture.root)) { _ in }
        #expect(runs[1].configuration == result.configuration)
        #expect(result.summary.hasPrefix("lsh on clusters (zero-shot), 16 bits, seed 2, modality x, preprocess center\n"))
    }

    @Test func aNamedModalityIsKept() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let runs = try ExperimentSpec.load(path: fixture.write("spec.yaml", Self.spec + "\nmodality: x"))
            .plannedRuns(root: fixture.root)
        #expect(runs.allSatisfy { $0.configuration.modality == "x" })
    }

    @Test func mfeatClassesGivenAsIntegersAreNames() throws {
        let root = try SpecFixture.projectRootWithMFeat()
        let fixture = try SpecFixture(withDataset: false)
        defer { fixture.remove() }
        let path = try fixture.write("mfeat.yaml", """
            experiment: mfeat-lsh
            dataset: mfeat
            protocol: {kind: zero-shot, unseen: [[8, 9], [3, 5]], queries: 200, database: rest}
            bits: [16, 32]
            seeds: [1]
            methods:
              - method: lsh
            """)
        let runs = try ExperimentSpec.load(path: path).plannedRuns(root: root)
        #expect(runs.map { $0.axes["unseen"] } == ["8,9", "8,9", "3,5", "3,5"])
        #expect(runs.allSatisfy { $0.configuration.modality == "fac" })
        #expect(runs.first?.configuration.retrievalProtocol
                == .zeroShot(ZeroShotProtocol(unseen: .classes(["8", "9"]), queries: 200, database: .rest)))
    }
}
