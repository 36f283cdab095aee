import Datasets
import Foundation
import Pipeline
import Testing

/// Specs expand into the runs listed by hand: cartesian products, zip groups, class
/// set sweeps and `extends` with overrides.
@Suite struct SpecExpansionTests {
    @Test func listsMultiplyInOrderWithTheLastAxisFastest() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let path = try fixture.write("grid.yaml", """
            experiment: grid
            dataset: clusters
            protocol: {unseen: [c, d], queries: 10}
            bits: [8, 16]
            seeds: [1, 2]
            methods:
              - method: aszh
                params: {ratio: ["1/-1", "5/-1"], lambda: 1e-2}
              - method: lsh
            """)
        let runs = try ExperimentSpec.load(path: path).plannedRuns(root: fixture.root)
        func aszh(_ bits: String, _ ratio: String, _ seed: String) -> [String: String] {
            ["method": "aszh", "bits": bits, "seed": seed, "ratio": ratio, "lambda": "1e-2"]
        }
        func lsh(_ bits: String, _ seed: String) -> [String: String] {
            ["method": "lsh", "bits": bits, "seed": seed]
        }
        #expect(runs.map(\.axes) == [
            aszh("8", "1/-1", "1"), aszh("8", "1/-1", "2"), aszh("8", "5/-1", "1"), aszh("8", "5/-1", "2"),
            aszh("16", "1/-1", "1"), aszh("16", "1/-1", "2"), aszh("16", "5/-1", "1"), aszh("16", "5/-1", "2"),
            lsh("8", "1"), lsh("8", "2"), lsh("16", "1"), lsh("16", "2"),
        ])
        #expect(runs.map(\.configuration.bits) == [8, 8, 8, 8, 16, 16, 16, 16, 8, 8, 16, 16])
        #expect(runs.map(\.configuration.seed) == [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2])
        #expect(runs.map { $0.configuration.parameters["ratio"] } == ["1/-1", "1/-1", "5/-1", "5/-1",
                                                                       "1/-1", "1/-1", "5/-1", "5/-1",
                                                                       nil, nil, nil, nil])
        #expect(runs.allSatisfy { $0.cutoffs == [100, 1000] && $0.configuration.dataset == "clusters" })
    }

    @Test func labelsNameMethodEntriesAndCanBeReportedOn() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let path = try fixture.write("labels.yaml", """
            experiment: labels
            dataset: clusters
            protocol: {unseen: [c, d], queries: 10}
            bits: [8]
            seeds: [1]
            methods:
              - {method: aszh, label: exact, params: {ratio: ["1/-1", "5/-1"], balance: exact}}
              - {method: aszh, label: discrete, params: {ratio: ["1/-1", "5/-1"], solver: discrete}}
            report:
              - ablation: {x: ratio, series: bits, value: map, plot: true, facet: label}
            """)
        let spec = try ExperimentSpec.load(path: path)
        let runs = try spec.plannedRuns(root: fixture.root)
        #expect(runs.map { $0.axes["label"] } == ["exact", "exact", "discrete", "discrete"])
        #expect(runs.map { $0.configuration.parameters["solver"] } == ["relaxed", "relaxed", "discrete", "discrete"])
        #expect(spec.report == [.ablation(x: "ratio", series: "bits", value: "map", plot: true, facet: ["label"])])
    }

    @Test func zippedAxesVaryTogether() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let path = try fixture.write("zip.yaml", """
            experiment: zip
            dataset: clusters
            protocol: {unseen: [c, d], queries: 10}
            bits: [8, 16]
            seeds: [1, 2]
            methods:
              - method: aszh
                params: {ratio: ["1/-5", "1/-1", "5/-1"], lambda: [1e-1, 1e-2, 1e-3], balance: [exact, none]}
                zip: [[ratio, lambda], [bits, seed]]
            """)
        let runs = try ExperimentSpec.load(path: path).plannedRuns(root: fixture.root)
        var expected: [[String: String]] = []
        for (bits, seed) in [("8", "1"), ("16", "2")] {
            for (ratio, lambda) in [("1/-5", "1e-1"), ("1/-1", "1e-2"), ("5/-1", "1e-3")] {
                for balance in ["exact", "none"] {
                    expected.append(["method": "aszh", "bits": bits, "seed": seed, "ratio": ratio, "lambda": lambda,
                                     "balance": balance])
                }
            }
        }
        #expect(runs.map(\.axes) == expected)
        #expect(runs.map { $0.configuration.parameters["lambda"]! } == Array(repeating: ["0.1", "0.01", "0.001"]
            .flatMap { [$0, $0] }, count: 2).flatMap { $0 })
    }

    @Test func aListOfClassListsSweepsTheUnseenClasses() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let path = try fixture.write("unseen.yaml", """
            experiment: unseen
            dataset: clusters
            protocol: {kind: zero-shot, unseen: [[a, b], [c, d]], queries: [5, 10], database: all}
            bits: 8
            seeds: 3
            methods:
              - method: lsh
            """)
        let runs = try ExperimentSpec.load(path: path).plannedRuns(root: fixture.root)
        #expect(runs.map(\.axes) == [
            ["method": "lsh", "bits": "8", "seed": "3", "unseen": "a,b", "queries": "5"],
            ["method": "lsh", "bits": "8", "seed": "3", "unseen": "a,b", "queries": "10"],
            ["method": "lsh", "bits": "8", "seed": "3", "unseen": "c,d", "queries": "5"],
            ["method": "lsh", "bits": "8", "seed": "3", "unseen": "c,d", "queries": "10"],
        ])
        #expect(runs.map(\.configuration.retrievalProtocol) == [
            .zeroShot(ZeroShotProtocol(unseen: .classes(["a", "b"]), queries: 5, database: .all)),
            .zeroShot(ZeroShotProtocol(unseen: .classes(["a", "b"]), queries: 10, database: .all)),
            .zeroShot(ZeroShotProtocol(unseen: .classes(["c", "d"]), queries: 5, database: .all)),
            .zeroShot(ZeroShotProtocol(unseen: .classes(["c", "d"]), queries: 10, database: .all)),
        ])
    }

    /// A list of preprocessings is the axis `preprocess`, swept like any protocol value,
    /// recorded in each configuration and reportable; `none` plans the configuration of
    /// a spec that does not name one.
    @Test func aListOfPreprocessingsSweepsThePreprocessAxis() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let spec = """
            experiment: preprocess
            dataset: clusters
            protocol: {unseen: [c, d], queries: 10, preprocess: [none, zscore, l2]}
            bits: 8
            seeds: 1
            methods:
              - method: lsh
            """
        let report = """

            report:
              - table: {rows: preprocess, columns: bits, value: map}
              - ablation: {x: preprocess, series: method, value: map, plot: true}
            """
        let loaded = try ExperimentSpec.load(path: fixture.write("preprocess.yaml", spec + report))
        let runs = try loaded.plannedRuns(root: fixture.root)
        #expect(runs.map(\.axes) == ["none", "zscore", "l2"].map {
            ["method": "lsh", "bits": "8", "seed": "1", "preprocess": $0]
        })
        #expect(runs.map(\.configuration.preprocessing) == [.none, .zscore, .l2])
        #expect(loaded.report.first == .table(rows: "preprocess", columns: "bits", value: "map"))
        let unnamed = try ExperimentSpec.load(path: fixture.write("unnamed.yaml", spec.replacingOccurrences(
            of: ", preprocess: [none, zscore, l2]", with: ""))).plannedRuns(root: fixture.root)
        #expect(unnamed.map(\.configuration) == [runs[0].configuration])
    }

    /// A list of modalities is the axis `modality`: UCI mfeat's views fac, fou, kar, pix
    /// and zer (mor left out) multiply the 4 runs of one view by 5, each configuration
    /// hashes its own view, and the axis can be reported on and sliced with `--only`. One
    /// named modality is no axis and plans the configurations of a spec naming none
    /// (mfeat's first view, fac).
    @Test func aListOfModalitiesSweepsTheModalityAxis() throws {
        let root = try SpecFixture.projectRootWithMFeat()
        let fixture = try SpecFixture(withDataset: false)
        defer { fixture.remove() }
        let spec = """
            experiment: views
            dataset: mfeat
            modality: [fac, fou, kar, pix, zer]
            protocol: {kind: zero-shot, unseen: [8, 9], queries: 200, database: rest}
            bits: [16, 32]
            seeds: [1, 2]
            methods:
              - method: lsh
            """
        let report = """

            report:
              - table: {rows: method, columns: modality, value: map}
              - ablation: {x: bits, series: method, value: map, plot: true, facet: modality}
            """
        let loaded = try ExperimentSpec.load(path: fixture.write("views.yaml", spec + report))
        let runs = try loaded.plannedRuns(root: root)
        let views = ["fac", "fou", "kar", "pix", "zer"]
        #expect(runs.map(\.axes) == views.flatMap { view in
            [("16", "1"), ("16", "2"), ("32", "1"), ("32", "2")].map { bits, seed in
                ["method": "lsh", "bits": bits, "seed": seed, "modality": view]
            }
        })
        #expect(runs.map(\.configuration.modality) == views.flatMap { Array(repeating: $0, count: 4) })
        #expect(loaded.report.first == .table(rows: "method", columns: "modality", value: "map"))
        let filter = try RunFilter("modality=pix")
        try filter.check(against: [loaded])
        #expect(runs.filter { filter.matches($0.axes) }.map(\.configuration) == Array(runs.map(\.configuration)[12..<16]))

        let single = try ExperimentSpec.load(path: fixture.write("fac.yaml", spec.replacingOccurrences(
            of: "modality: [fac, fou, kar, pix, zer]", with: "modality: fac"))).plannedRuns(root: root)
        let unnamed = try ExperimentSpec.load(path: fixture.write("unnamed.yaml", spec.replacingOccurrences(
            of: "modality: [fac, fou, kar, pix, zer]\n", with: ""))).plannedRuns(root: root)
        #expect(single.map(\.axes) == runs.prefix(4).map { $0.axes.filter { $0.key != "modality" } })
        #expect(single.map(\.configuration) == Array(runs.prefix(4).map(\.configuration)))
        #expect(unnamed.map(\.configuration) == single.map(\.configuration))
    }

    @Test func extendsTakesTheBaseKeysTheSpecDoesNotSet() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        try fixture.write("experiments/shared/common.yaml", """
            dataset: clusters
            cutoffs: [20]
            metrics: [map, map@20]
            """)
        try fixture.write("experiments/shared/base.yaml", """
            extends: common.yaml
            experiment: base
            protocol: {unseen: [c, d], queries: 10, database: all}
            bits: [8]
            seeds: [1, 2]
            methods:
              - method: lsh
            """)
        let path = try fixture.write("experiments/child.yaml", """
            experiment: child
            extends: shared/base.yaml
            protocol: {queries: 20}
            seeds: [3]
            """)
        let spec = try ExperimentSpec.load(path: path)
        #expect(spec.name == "child")
        #expect(spec.file == path)
        #expect(spec.cutoffs == [20])
        #expect(spec.metrics == ["map", "map@20"])
        let runs = try spec.plannedRuns(root: fixture.root)
        #expect(runs.map(\.axes) == [["method": "lsh", "bits": "8", "seed": "3"]])
        #expect(runs.first?.configuration.retrievalProtocol
                == .zeroShot(ZeroShotProtocol(unseen: .classes(["c", "d"]), queries: 20, database: .all)))
        #expect(runs.first?.cutoffs == [20])
    }

    @Test func reportAndPaperEntriesAreRead() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let path = try fixture.write("report.yaml", """
            experiment: report
            description: ASZH over the similarity ratio
            dataset: clusters
            protocol: {unseen: [c, d], queries: 10}
            bits: [8, 16]
            seeds: [1, 2]
            methods:
              - method: aszh
                params: {ratio: ["1/-1", "5/-1"], balance: [exact, none]}
              - method: lsh
            metrics: [map, map@1000, precision@100]
            report:
              - table: {rows: method, columns: bits, value: map}
              - ablation: {x: ratio, series: bits, value: map, plot: true, facet: balance}
              - ablation: {x: bits, series: method, value: map@1000}
              - compare: {by: ratio, baseline: "1/-1", value: map}
              - pr: {series: method, facet: bits}
              - pr: {series: ratio}
            paper:
              - {method: aszh, bits: 16, map: 0.521}
            """)
        let spec = try ExperimentSpec.load(path: path)
        #expect(spec.description == "ASZH over the similarity ratio")
        #expect(spec.metrics == ["map", "map@1000", "precision@100"])
        #expect(spec.report == [
            .table(rows: "method", columns: "bits", value: "map"),
            .ablation(x: "ratio", series: "bits", value: "map", plot: true, facet: ["balance"]),
            .ablation(x: "bits", series: "method", value: "map@1000", plot: false),
            .compare(by: "ratio", baseline: "1/-1", value: "map"),
            .precisionRecall(series: "method", facet: ["bits"]),
            .precisionRecall(series: "ratio"),
        ])
        #expect(spec.paper == [PaperValue(cell: ["method": "aszh", "bits": "16"], metric: "map", value: 0.521)])
    }

    /// A cross-modal online spec reports on the axes its results add, `direction` and
    /// `round`, and takes a facet as one axis or a list; an item naming `round` only in
    /// its facet counts as naming it.
    @Test func facetsOfCrossModalOnlineResultsAreRead() throws {
        let fixture = try SpecFixture(withDataset: false)
        defer { fixture.remove() }
        let path = try fixture.write("online.yaml", """
            experiment: online
            dataset: mfeat
            modalities: [fou, kar]
            protocol: {kind: online, chunk: 500}
            bits: [16, 32]
            seeds: [1, 2]
            methods:
              - method: lsh
              - method: itq
            metrics: [map, train_seconds]
            report:
              - table: {rows: method, columns: bits, value: map}
              - table: {rows: method, columns: round, value: map, facet: [direction, bits]}
              - ablation: {x: round, series: method, value: map, plot: true, facet: [direction, bits]}
              - ablation: {x: round, series: method, value: train_seconds, plot: true, facet: direction}
              - pr: {series: method, facet: [direction, bits]}
              - table: {rows: method, columns: bits, value: map, facet: [round]}
            """)
        let spec = try ExperimentSpec.load(path: path)
        #expect(spec.report == [
            .table(rows: "method", columns: "bits", value: "map"),
            .table(rows: "method", columns: "round", value: "map", facet: ["direction", "bits"]),
            .ablation(x: "round", series: "method", value: "map", plot: true, facet: ["direction", "bits"]),
            .ablation(x: "round", series: "method", value: "train_seconds", plot: true, facet: ["direction"]),
            .precisionRecall(series: "method", facet: ["direction", "bits"]),
            .table(rows: "method", columns: "bits", value: "map", facet: ["round"]),
        ])
        #expect(spec.report.map { $0.axes.contains("round") } == [false, true, true, true, false, true])
    }
}
