import Datasets
import Foundation
@testable import Methods
@testable import Pipeline
import Testing

/// Every kind of spec error, each at its exact line and key, with the suggestion the
/// nearest name gives. Each test edits one line of ``valid``.
@Suite struct SpecValidationTests {
    /// A valid spec over the 4-cluster dataset; the tests below change one line.
    static let valid = """
        experiment: checks
        dataset: clusters
        protocol: {unseen: [c, d], queries: 10}
        bits: [8, 16]
        seeds: [1, 2]
        methods:
          - method: aszh
            params: {ratio: ["1/-1", "5/-1"], lambda: 1e-2}
          - method: lsh
        report:
          - table: {rows: method, columns: bits, value: map}
        """

    /// The error of ``valid`` with `line` (1-based) replaced by `text`.
    static func error(_ fixture: SpecFixture, line: Int, _ text: String) throws -> SpecError? {
        var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return try fixture.error(lines.joined(separator: "\n"))
    }

    @Test func theValidSpecPlans() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        #expect(try fixture.error(Self.valid) == nil)
    }

    @Test func unknownKeysSuggestTheNearest() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        #expect(try Self.error(fixture, line: 4, "bitz: [8, 16]")
                == .unknownKey(fixture.at(4, "bitz"), known: SpecDocument.keys, suggestion: "bits"))
        #expect(try Self.error(fixture, line: 3, "protocol: {unseen: [c, d], querys: 10}")
                == .unknownKey(fixture.at(3, "protocol.querys"), known: ProtocolSettings.keys, suggestion: "queries"))
        #expect(try Self.error(fixture, line: 8, "    parms: {ratio: \"1/-1\"}")
                == .unknownKey(fixture.at(8, "methods[0].parms"), known: MethodEntry.keys, suggestion: "params"))
        #expect(try Self.error(fixture, line: 11, "  - tabel: {rows: method, columns: bits, value: map}")
                == .unknownKey(fixture.at(11, "report[0].tabel"), known: ["table", "ablation", "compare", "pr"],
                               suggestion: "table"))
        #expect(try Self.error(fixture, line: 11, "  - table: {rows: method, colums: bits, value: map}")
                == .unknownKey(fixture.at(11, "report[0].table.colums"), known: ["rows", "columns", "value", "facet"],
                               suggestion: "columns"))
        let description = try #require(try Self.error(fixture, line: 4, "bitz: [8, 16]")).description
        #expect(description.hasPrefix(fixture.at(4, "bitz").file + ":4: bitz: unknown key (did you mean \"bits\"?)"))
    }

    @Test func wrongTypesNameWhatBelongs() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        #expect(try Self.error(fixture, line: 4, "bits: \"x\"") == .wrongType(fixture.at(4, "bits"), expected: "an integer"))
        #expect(try Self.error(fixture, line: 5, "seeds: [1, 2.5]")
                == .wrongType(fixture.at(5, "seeds[1]"), expected: "an integer"))
        #expect(try Self.error(fixture, line: 5, "seeds: {first: 1}")
                == .wrongType(fixture.at(5, "seeds"), expected: "a single value"))
        #expect(try Self.error(fixture, line: 3, "protocol: {unseen: [c, d], queries: ten}")
                == .wrongType(fixture.at(3, "protocol.queries"), expected: "an integer"))
        #expect(try Self.error(fixture, line: 3, "protocol: [c, d]")
                == .wrongType(fixture.at(3, "protocol"), expected: "a mapping"))
        #expect(try Self.error(fixture, line: 4, "bits: [8, 0]")
                == .invalidValue(fixture.at(4, "bits[1]"), reason: "0 is not in 1...4096"))
    }

    @Test func missingRequiredKeysAreNamed() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        for (line, key) in [(1, "experiment"), (2, "dataset"), (4, "bits"), (5, "seeds")] {
            #expect(try Self.error(fixture, line: line, "# no \(key)") == .missingKey(fixture.at(line == 1 ? 2 : 1, key)))
        }
        #expect(try fixture.error("experiment: checks\ndataset: clusters\nbits: 8\nseeds: 1\n")
                == .missingKey(fixture.at(1, "methods")))
        #expect(try Self.error(fixture, line: 9, "  - params: {}") == .missingKey(fixture.at(9, "methods[1].method")))
        #expect(try Self.error(fixture, line: 11, "  - table: {rows: method, value: map}")
                == .missingKey(fixture.at(11, "report[0].table.columns")))
    }

    @Test func unknownMethodsParametersAndValuesWrapTheParameterError() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        #expect(try Self.error(fixture, line: 9, "  - method: lhs")
                == .parameter(fixture.at(9, "methods[1].method"), .unknownMethod(
                    name: "lhs", known: MethodRegistry.methods.map { $0.name }, suggestion: "lsh")))
        #expect(try Self.error(fixture, line: 8, "    params: {ratoi: \"1/-1\"}")
                == .parameter(fixture.at(8, "methods[0].params.ratoi"), .unknownParameter(
                    method: "aszh", parameter: "ratoi", known: ASZH.parameters.map(\.name), suggestion: "ratio")))
        let ratio = try #require(ASZH.parameters.first { $0.name == "ratio" })
        let invalid = #expect(throws: ParameterError.self) { try ratio.parse("1/5", method: "aszh") }
        #expect(try Self.error(fixture, line: 8, "    params: {ratio: [\"5/-1\", \"1/5\"]}")
                == .parameter(fixture.at(8, "methods[0].params.ratio[1]"), try #require(invalid)))
    }

    @Test func zipNeedsSweptAxesOfEqualLength() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        var lines = Self.valid.split(separator: "\n").map(String.init)
        lines[7] = "    params: {ratio: [\"1/-1\", \"5/-1\"], lambda: [1e-2, 1e-3, 1e-4]}"
        lines[8] = "    zip: [ratio, lambda]"
        #expect(try fixture.error(lines.joined(separator: "\n"))
                == .zipLengths(fixture.at(9, "methods[0].zip"), lengths: ["ratio": 2, "lambda": 3]))
        lines[7] = "    params: {ratio: [\"1/-1\", \"5/-1\"], lambda: 1e-2}"
        #expect(try fixture.error(lines.joined(separator: "\n"))
                == .notSwept(fixture.at(9, "methods[0].zip[1]"), axis: "lambda", swept: ["bits", "ratio", "seed"],
                             suggestion: nil))
        lines[8] = "    zip: [ratoi, bits]"
        #expect(try fixture.error(lines.joined(separator: "\n"))
                == .notSwept(fixture.at(9, "methods[0].zip[0]"), axis: "ratoi", swept: ["bits", "ratio", "seed"],
                             suggestion: "ratio"))
    }

    @Test func reportsAndPaperValuesNameAxesAndMetricsOfTheSpec() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let axes = ["method", "bits", "seed", "lambda", "ratio"]
        let metrics = EvaluationReport.metricNames(cutoffs: [100, 1000])
        #expect(try Self.error(fixture, line: 11, "  - ablation: {x: ration, series: bits, value: map}")
                == .unknownAxis(fixture.at(11, "report[0].ablation.x"), axis: "ration", known: axes, suggestion: "ratio"))
        #expect(try Self.error(fixture, line: 11, "  - table: {rows: method, columns: bits, value: mAP}")
                == .unknownMetric(fixture.at(11, "report[0].table.value"), metric: "mAP", known: metrics,
                                  suggestion: "map"))
        #expect(try Self.error(fixture, line: 11, "  - compare: {by: ratio, baseline: \"1/-2\", value: map}")
                == .invalidValue(fixture.at(11, "report[0].compare.baseline"),
                                 reason: "\"1/-2\" is not a value of ratio (did you mean \"1/-1\"?); its values: 1/-1, 5/-1"))
        #expect(try fixture.error(Self.valid + "\nmetrics: [map, precison@100]")
                == .unknownMetric(fixture.at(12, "metrics[1]"), metric: "precison@100", known: metrics,
                                  suggestion: "precision@100"))
        #expect(try fixture.error(Self.valid + "\npaper:\n  - {method: lsh, bitz: 8, map: 0.5}")
                == .unknownAxis(fixture.at(13, "paper[0].bitz"), axis: "bitz", known: axes + metrics, suggestion: "bits"))
    }

    @Test func precisionRecallItemsNameAxesOfTheSpec() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let axes = ["method", "bits", "seed", "lambda", "ratio"]
        #expect(try Self.error(fixture, line: 11, "  - pr: {series: method, facet: bits}") == nil)
        #expect(try Self.error(fixture, line: 11, "  - pr: {series: methd}")
                == .unknownAxis(fixture.at(11, "report[0].pr.series"), axis: "methd", known: axes, suggestion: "method"))
        #expect(try Self.error(fixture, line: 11, "  - pr: {series: method, facet: bitz}")
                == .unknownAxis(fixture.at(11, "report[0].pr.facet"), axis: "bitz", known: axes, suggestion: "bits"))
        #expect(try Self.error(fixture, line: 11, "  - pr: {serie: method}")
                == .unknownKey(fixture.at(11, "report[0].pr.serie"), known: ["series", "facet"], suggestion: "series"))
        #expect(try Self.error(fixture, line: 11, "  - pr: {facet: bits}")
                == .missingKey(fixture.at(11, "report[0].pr.series")))
    }

    /// A facet is one axis or a list of them, each checked as an axis at its own index;
    /// an empty list, a repeated axis or one the item already uses are refused.
    @Test func facetsAreAnAxisOrAListOfAxes() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let axes = ["method", "bits", "seed", "lambda", "ratio"]
        for item in ["table: {rows: method, columns: bits, value: map, facet: [ratio, lambda]}",
                     "table: {rows: method, columns: bits, value: map, facet: ratio}",
                     "ablation: {x: ratio, series: method, value: map, plot: true, facet: [bits, lambda]}",
                     "pr: {series: method, facet: [bits, ratio]}"] {
            #expect(try Self.error(fixture, line: 11, "  - " + item) == nil, "\(item)")
        }
        let table = "  - table: {rows: method, columns: bits, value: map, "
        #expect(try Self.error(fixture, line: 11, table + "facet: [ratio, lamda]}")
                == .unknownAxis(fixture.at(11, "report[0].table.facet[1]"), axis: "lamda", known: axes,
                                suggestion: "lambda"))
        #expect(try Self.error(fixture, line: 11, table + "facet: ratoi}")
                == .unknownAxis(fixture.at(11, "report[0].table.facet"), axis: "ratoi", known: axes,
                                suggestion: "ratio"))
        #expect(try Self.error(fixture, line: 11, "  - ablation: {x: ratio, series: bits, value: map, facet: [sed]}")
                == .unknownAxis(fixture.at(11, "report[0].ablation.facet[0]"), axis: "sed", known: axes,
                                suggestion: "seed"))
        #expect(try Self.error(fixture, line: 11, "  - pr: {series: method, facet: [bits, ratoi]}")
                == .unknownAxis(fixture.at(11, "report[0].pr.facet[1]"), axis: "ratoi", known: axes,
                                suggestion: "ratio"))
        #expect(try Self.error(fixture, line: 11, table + "facet: []}")
                == .invalidValue(fixture.at(11, "report[0].table.facet"),
                                 reason: "a facet is an axis or a non-empty list of axes"))
        #expect(try Self.error(fixture, line: 11, table + "facet: [ratio, ratio]}")
                == .invalidValue(fixture.at(11, "report[0].table.facet[1]"), reason: "ratio is in the facet twice"))
        #expect(try Self.error(fixture, line: 11, table + "facet: [ratio, bits]}")
                == .invalidValue(fixture.at(11, "report[0].table.facet[1]"),
                                 reason: "bits is already the item's columns; a facet takes other axes"))
        #expect(try Self.error(fixture, line: 11, "  - ablation: {x: ratio, series: bits, value: map, facet: ratio}")
                == .invalidValue(fixture.at(11, "report[0].ablation.facet"),
                                 reason: "ratio is already the item's x; a facet takes other axes"))
        #expect(try Self.error(fixture, line: 11, "  - pr: {series: method, facet: {bits: 8}}")
                == .wrongType(fixture.at(11, "report[0].pr.facet"), expected: "an axis name"))
    }

    @Test func protocolSettingsAreCheckedTogether() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        #expect(try Self.error(fixture, line: 3, "protocol: {queries: 10}")
                == .invalidValue(fixture.at(3, "protocol.unseen"),
                                 reason: "zero-shot needs the unseen classes or an unseen_split"))
        #expect(try Self.error(fixture, line: 3, "protocol: {unseen: [c, d], database: rset}")
                == .invalidValue(fixture.at(3, "protocol.database"),
                                 reason: "must be one of rest, unseen, seen, all, not \"rset\" (did you mean \"rest\"?)"))
        let preprocessings = "must be one of none, center, zscore, l2, not \"zscroe\" (did you mean \"zscore\"?)"
        #expect(try Self.error(fixture, line: 3, "protocol: {unseen: [c, d], preprocess: zscroe}")
                == .invalidValue(fixture.at(3, "protocol.preprocess"), reason: preprocessings))
        #expect(try Self.error(fixture, line: 3, "protocol: {unseen: [c, d], preprocess: [l2, zscroe]}")
                == .invalidValue(fixture.at(3, "protocol.preprocess[1]"), reason: preprocessings))
        let description = try #require(try Self.error(fixture, line: 3, "protocol: {unseen: [c, d], preprocess: zscroe}"))
            .description
        #expect(description.hasPrefix(fixture.at(3, "").file + ":3: protocol.preprocess: " + preprocessings))
        #expect(try Self.error(fixture, line: 3, "protocol: {kind: cross-modal, unseen: [c, d]}")
                == .invalidValue(fixture.at(3, "protocol.unseen"), reason: "applies to zero-shot protocols only"))
        #expect(try Self.error(fixture, line: 3, "protocol: {unseen: [c, cc]}")
                == .invalidValue(fixture.at(3, "protocol.unseen"),
                                 reason: "clusters has no class \"cc\" (did you mean \"c\"?); its classes: a, b, c, d"))
        #expect(try fixture.error(Self.valid + "\nmodality: y")
                == .invalidValue(fixture.at(12, "modality"),
                                 reason: "clusters has no modality \"y\" (did you mean \"x\"?); its modalities: x"))
        #expect(try fixture.error(Self.valid + "\nmodality: [x, y]")
                == .invalidValue(fixture.at(12, "modality[1]"),
                                 reason: "clusters has no modality \"y\" (did you mean \"x\"?); its modalities: x"))
    }

    /// Regression (issue 16's probe): `bits: [16, 16]` planned every run twice, and a
    /// sweep of 38 million runs ran `plan` out of memory; both are spec errors.
    @Test func repeatedValuesAndHugeSweepsAreErrors() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        #expect(try Self.error(fixture, line: 4, "bits: [8, 16, 8]")
                == .invalidValue(fixture.at(4, "bits[2]"), reason: "bits takes 8 twice, which would list its runs twice"))
        guard case let .invalidValue(location, reason)? = try Self.error(
            fixture, line: 8, "    params: {ratio: [\"1/-1\", \"5/-1\"], lambda: [1e-2, 1e-3, 1e-2]}") else {
            Issue.record("expected an invalid value")
            return
        }
        #expect(location.line == 8 && reason == "lambda takes 1e-2 twice, which would list its runs twice")
        let lambdas = (1...600).map { "\($0)e-3" }.joined(separator: ", ")
        let seeds = (1...1000).map(String.init).joined(separator: ", ")
        var huge = Self.valid.replacingOccurrences(of: "seeds: [1, 2]", with: "seeds: [\(seeds)]")
        huge = huge.replacingOccurrences(of: "lambda: 1e-2}", with: "lambda: [\(lambdas)]}")
        guard case let .invalidValue(hugeLocation, hugeReason)? = try fixture.error(huge) else {
            Issue.record("expected an invalid value")
            return
        }
        #expect(hugeLocation == fixture.at(5, "seeds"))
        #expect(hugeReason == "the sweep expands to 2400000 runs (bits 2 × ratio 2 × lambda 600 × seed 1000); "
                + "hashlab plans at most 1000000 per method entry — split the spec")
    }

    /// Regression (issue 16's probe): `experiment: ""` wrote hidden report files, a
    /// 10,000-character name failed with "File name too long" and a 200,000-character
    /// label with E2BIG when the worker started.
    @Test func experimentNamesAndLabelsAreShortFileSafeNames() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let rules = "; it names report files and table cells, so it takes 1 to 100 characters, no slash, not starting "
            + "with a dot"
        #expect(try Self.error(fixture, line: 1, "experiment: \"\"")
                == .invalidValue(fixture.at(1, "experiment"), reason: "the experiment's name is empty" + rules))
        #expect(try Self.error(fixture, line: 1, "experiment: .hidden")
                == .invalidValue(fixture.at(1, "experiment"),
                                 reason: "the experiment's name starts with a dot (report files would be hidden)" + rules))
        #expect(try Self.error(fixture, line: 1, "experiment: a/b")
                == .invalidValue(fixture.at(1, "experiment"), reason: "the experiment's name holds a slash" + rules))
        #expect(try Self.error(fixture, line: 1, "experiment: " + String(repeating: "x", count: 10_000))
                == .invalidValue(fixture.at(1, "experiment"),
                                 reason: "the experiment's name has 10000 characters, more than 100" + rules))
        guard case let .invalidValue(location, reason)? = try Self.error(
            fixture, line: 9, "  - {method: lsh, label: " + String(repeating: "y", count: 200_000) + "}") else {
            Issue.record("expected an invalid value")
            return
        }
        #expect(location.line == 9 && reason == "a label has 200000 characters, more than 100" + rules)
    }

    /// Regression (issue 16's probe): `queries: 100000` on a dataset of 120 items passed
    /// `plan` and failed every run; a protocol the dataset cannot satisfy is a spec error.
    @Test func protocolsTheDatasetCannotSatisfyAreSpecErrors() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        #expect(try Self.error(fixture, line: 3, "protocol: {unseen: [c, d], queries: 100000}")
                == .invalidValue(fixture.at(3, "protocol.queries"),
                                 reason: "clusters: queries (unseen items) asks for 100000 items but only 60 are available"))
        #expect(try Self.error(fixture, line: 3, "protocol: {unseen: [a, b, c, d], queries: 10}")
                == .invalidValue(fixture.at(3, "protocol.unseen"),
                                 reason: "clusters: no training items: every labelled item has an unseen class "
                                     + "(4 of 4 classes are unseen)"))
    }

    /// Each listed modality is checked against the dataset: a typo in mfeat's third view
    /// names `modality[2]` and the view it was meant to be.
    @Test func aTypoInAListedModalityNamesItsIndexAndTheNearestView() throws {
        let root = try SpecFixture.projectRootWithMFeat()
        let fixture = try SpecFixture(withDataset: false)
        defer { fixture.remove() }
        let path = try fixture.write("spec.yaml", """
            experiment: views
            dataset: mfeat
            modality: [fac, fou, karr, pix]
            protocol: {kind: zero-shot, unseen: [8, 9], queries: 200}
            bits: 16
            seeds: 1
            methods:
              - method: lsh
            """)
        let error = try #require(throws: SpecError.self) { try ExperimentSpec.load(path: path).plannedRuns(root: root) }
        let reason = "mfeat has no modality \"karr\" (did you mean \"kar\"?); its modalities: fac, fou, kar, mor, pix, zer"
        #expect(error == .invalidValue(fixture.at(3, "modality[2]"), reason: reason))
        #expect(error.description == "\(path):3: modality[2]: " + reason)
    }

    @Test func extendsCyclesAndMissingFilesAreNamed() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let first = try fixture.write("first.yaml", "experiment: first\nextends: second.yaml\n")
        let second = try fixture.write("second.yaml", "dataset: clusters\n\nextends: first.yaml\n")
        #expect(throws: SpecError.extendsCycle(SpecLocation(file: second, line: 3, key: "extends"),
                                               chain: [first, second, first])) {
            try ExperimentSpec.load(path: first)
        }
        #expect(try fixture.error(Self.valid + "\nextends: base/missing.yaml")
                == .extendsMissing(fixture.at(12, "extends"), path: fixture.directory.path("base/missing.yaml")))
    }

    @Test func aDatasetNotBuiltNamesTheCommandThatBuildsIt() throws {
        let fixture = try SpecFixture(withDataset: false)
        defer { fixture.remove() }
        let manifest = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets/mfeat.yaml")
        try fixture.write("datasets/mfeat.yaml", try String(contentsOf: manifest, encoding: .utf8))
        let spec = Self.valid.replacingOccurrences(of: "dataset: clusters", with: "dataset: mfeat")
        let error = try fixture.error(spec)
        #expect(error == .dataset(fixture.at(2, "dataset"), .notPresent(
            name: "mfeat", path: fixture.root + "/datasets/data/mfeat.h5", howToGet: "hashlab datasets fetch mfeat")))
        #expect(error?.description.contains("build it with: hashlab datasets fetch mfeat") == true)
        #expect(try fixture.error(spec.replacingOccurrences(of: "mfeat", with: "mfaet"))
                == .dataset(fixture.at(2, "dataset"), .unknownDataset(name: "mfaet", known: DatasetCatalog.builtInNames,
                                                                      suggestion: "mfeat")))
    }

    @Test func invalidYAMLNamesItsLine() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let error = try Self.error(fixture, line: 4, "bits: [8, 16")
        guard case let .syntax(file, line, _) = error else {
            Issue.record("expected a syntax error, not \(String(describing: error))")
            return
        }
        #expect(file == fixture.at(1, "").file)
        #expect(line == 5)
    }
}
