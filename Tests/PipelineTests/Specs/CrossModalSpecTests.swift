import Datasets
import Foundation
import Linalg
@testable import Pipeline
import Testing
import TestSupport

/// Specs of cross-modal and online runs: `modalities` names a pair (or sweeps pairs),
/// the online settings plan, and a spec that gives a method what it cannot use is an
/// error at the line that does.
@Suite struct CrossModalSpecTests {
    static func fixture() throws -> SpecFixture {
        let fixture = try SpecFixture()
        try PairedClusterDataset.write(to: fixture.directory.path("datasets/data/pairs.h5"))
        return fixture
    }

    static let online = """
        experiment: stream
        dataset: pairs
        modality: b
        protocol: {kind: online, queries: 20, chunk: 40}
        bits: 8
        seeds: [1, 2]
        methods:
          - method: itq
        metrics: [map, train_seconds]
        report:
          - table: {rows: method, columns: round, value: map}
          - table: {rows: method, columns: bits, value: map}
        """

    @Test func onlineSpecsPlanWithRoundsAndTrainingSeconds() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let spec = try ExperimentSpec.load(path: fixture.write("spec.yaml", Self.online))
        let runs = try spec.plannedRuns(root: fixture.root)
        #expect(runs.count == 2)
        let configuration = try #require(runs.first?.configuration)
        #expect(configuration.modalities == ["b"] && configuration.databaseCodes == .learned)
        #expect(configuration.retrievalProtocol
                == .online(OnlineProtocol(base: CrossModalProtocol(queries: 20, training: nil), chunkSize: 40)))
        #expect(spec.report.first == .table(rows: "method", columns: "round", value: "map"))
    }

    @Test func roundAndTrainingSecondsBelongToOnlineSpecs() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let offline = Self.online.replacingOccurrences(of: "kind: online, queries: 20, chunk: 40",
                                                       with: "kind: cross-modal, queries: 20")
        let error = try fixture.error(offline)
        guard case let .unknownMetric(location, metric, _, _)? = error else {
            Issue.record("expected an unknown metric, got \(String(describing: error))")
            return
        }
        #expect(location.line == 9 && metric == "train_seconds")
        let roundTable = offline.replacingOccurrences(of: "metrics: [map, train_seconds]", with: "metrics: [map]")
        guard case let .unknownAxis(axisLocation, axis, _, _)? = try fixture.error(roundTable) else {
            Issue.record("expected an unknown axis")
            return
        }
        #expect(axisLocation.line == 11 && axis == "round")
    }

    @Test func aPairGoesToCrossModalMethodsOnly() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let paired = Self.online.replacingOccurrences(of: "modality: b", with: "modalities: [a, b]")
        guard case let .invalidValue(location, reason)? = try fixture.error(paired) else {
            Issue.record("expected an invalid value")
            return
        }
        #expect(location.line == 3)
        #expect(reason.contains("itq hashes one modality") && reason.contains("a, b"), "\(reason)")
    }

    @Test func pairsAreTwoDistinctModalitiesOfTheDataset() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        func reason(_ line: String) throws -> String? {
            guard case let .invalidValue(location, reason)? = try fixture.error(
                Self.online.replacingOccurrences(of: "modality: b", with: line)) else { return nil }
            #expect(location.line == 3, "\(line): \(location)")
            return reason
        }
        #expect(try reason("modalities: [a, a]")?.contains("two distinct modalities") == true)
        #expect(try reason("modalities: [a]")?.contains("two distinct modalities") == true)
        #expect(try reason("modalities: [[a, b], [a, c]]")?.contains("no modality \"c\"") == true)
        #expect(try reason("modality: b\nmodalities: [a, b]")?.contains("not both") == true)
    }

    @Test func aOneModalityDatasetSaysItHasNoPair() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let spec = Self.online.replacingOccurrences(of: "dataset: pairs", with: "dataset: clusters")
            .replacingOccurrences(of: "modality: b", with: "modalities: [x, text]")
        guard case let .invalidValue(_, reason)? = try fixture.error(spec) else {
            Issue.record("expected an invalid value")
            return
        }
        #expect(reason.contains("no modality \"text\"") && reason.contains("holds one modality"), "\(reason)")
    }

    @Test func aTextOnlyDCMHImportSaysHowToGetTheImages() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        var contents = DatasetContents(name: "mirflickr-dcmh",
                                       modalities: [.init(name: "text", features: Matrix(rows: 4, columns: 3, repeating: 1))],
                                       labels: Matrix(rows: 4, columns: 2, elements: [1, 0, 0, 1, 1, 0, 0, 1]),
                                       classes: ["p", "q"])
        contents.provenance["importer"] = "dcmh-mirflickr"
        try contents.write(to: fixture.directory.path("datasets/data/mirflickr-dcmh.h5"))
        let spec = Self.online.replacingOccurrences(of: "dataset: pairs", with: "dataset: mirflickr-dcmh")
            .replacingOccurrences(of: "modality: b", with: "modalities: [image, text]")
        guard case let .invalidValue(location, reason)? = try fixture.error(spec) else {
            Issue.record("expected an invalid value")
            return
        }
        #expect(location.line == 3)
        #expect(reason.contains("no modality \"image\"") && reason.contains("DCMH layout without image features")
                && reason.contains("mirflickr25k-iall.mat"), "\(reason)")
    }
}
