import Foundation
import Testing
import TestSupport

/// Malformed specs through the real CLI: `hashlab plan` and `hashlab run` (into a fresh
/// results folder) each exit with code 2, print one `hashlab: error: file:line: key: …`
/// message (the same from both commands), are not killed by a signal, and write nothing
/// (the results folder is never made). Each case changes the valid spec ``BadSpec/valid``
/// on mfeat, or writes its own files; `DIR` is the case's folder.
@Suite struct BadSpecTests {
    static let cases: [BadSpec] = syntax + types + names + sweeps + values + dataset + files + options

    /// YAML the parser refuses, at the line where it notices.
    static let syntax: [BadSpec] = [
        .line(4, "bits: [16, 32", "an unclosed flow list",
              message: "DIR/spec.yaml:5: not valid YAML: while parsing a flow sequence: did not find expected ',' or ']'"),
        .text("experiment: \"bad\ndataset: mfeat\n", "an unterminated quote",
              message: "DIR/spec.yaml:3: not valid YAML: while scanning a quoted scalar: found unexpected end of stream"),
        .text("experiment: bad\n\tdataset: mfeat\n", "a tab in the indentation",
              message: "DIR/spec.yaml:2: not valid YAML: while scanning a plain scalar: found a tab character that "
                  + "violates indentation"),
        .line(5, "seeds: [1, 2]\nbits: [8]", "a top-level key twice",
              message: "DIR/spec.yaml:4: not valid YAML: duplicate key bits"),
        .line(8, "    params: {ratio: \"1/-1\", lambda: 1e-2, lambda: 1e-3}", "a parameter twice",
              message: "DIR/spec.yaml:8: not valid YAML: duplicate key lambda"),
        .line(7, "  - method: aszh\n   oops: 1", "a key indented into the wrong mapping",
              message: "DIR/spec.yaml:8: not valid YAML: while parsing a block collection: did not find expected '-' "
                  + "indicator"),
        .text("- experiment: bad\n- dataset: mfeat\n", "a list at the top level",
              message: "DIR/spec.yaml:1: expected a mapping of the spec's keys at the top level (experiment: …, "
                  + "dataset: …), not a list"),
        .text("just some words\n", "a single word at the top level",
              message: "DIR/spec.yaml:1: expected a mapping of the spec's keys at the top level (experiment: …, "
                  + "dataset: …), not a single value"),
        .text("", "an empty file", message: "DIR/spec.yaml:1: experiment: missing (required)"),
    ]

    /// A value of the wrong kind.
    static let types: [BadSpec] = [
        .line(4, "bits: sixteen", "bits as text", message: "DIR/spec.yaml:4: bits: expected an integer"),
        .line(5, "seeds: [1, 2.5]", "a fractional seed", message: "DIR/spec.yaml:5: seeds[1]: expected an integer"),
        .line(5, "seeds: {first: 1}", "seeds as a mapping", message: "DIR/spec.yaml:5: seeds: expected a single value"),
        .line(3, "protocol: [8, 9]", "the protocol as a list", message: "DIR/spec.yaml:3: protocol: expected a mapping"),
        .line(3, "protocol: {unseen: [8, 9], queries: ten}", "queries as text",
              message: "DIR/spec.yaml:3: protocol.queries: expected an integer"),
        .text("experiment: bad\ndataset: mfeat\nbits: 16\nseeds: 1\nmethods: lsh\n", "methods as one word",
              message: "DIR/spec.yaml:5: methods: expected a list"),
        .line(1, "experiment: {name: bad}", "the experiment's name as a mapping",
              message: "DIR/spec.yaml:1: experiment: expected the experiment's name"),
        .line(2, "dataset: [mfeat, awa2]", "two datasets",
              message: "DIR/spec.yaml:2: dataset: expected a dataset name or path"),
        .line(11, "  - ablation: {x: ratio, series: bits, value: map, plot: maybe}", "plot neither true nor false",
              message: "DIR/spec.yaml:11: report[0].ablation.plot: expected true or false"),
        .appending("paper:\n  - {method: lsh, bits: 16, map: high}", "a paper value as text",
                   message: "DIR/spec.yaml:13: paper[0].map: expected a number"),
    ]

    /// Unknown keys and names, each with the nearest valid one.
    static let names: [BadSpec] = [
        .line(4, "bitz: [16, 32]", "a typo in a top-level key",
              message: "DIR/spec.yaml:4: bitz: unknown key (did you mean \"bits\"?); known keys: experiment, "),
        .line(3, "protocol: {unseen: [8, 9], querys: 100}", "a typo in a protocol key",
              message: "DIR/spec.yaml:3: protocol.querys: unknown key (did you mean \"queries\"?)"),
        .line(8, "    parms: {ratio: \"1/-1\"}", "a typo in a method entry's key",
              message: "DIR/spec.yaml:8: methods[0].parms: unknown key (did you mean \"params\"?)"),
        .line(9, "  - method: lhs", "an unknown method",
              message: "DIR/spec.yaml:9: methods[1].method: unknown method \"lhs\" (did you mean \"lsh\"?)"),
        .line(8, "    params: {ratoi: \"1/-1\"}", "an unknown parameter",
              message: "DIR/spec.yaml:8: methods[0].params.ratoi: method aszh has no parameter \"ratoi\" (did you mean \"ratio\"?)"),
        .line(11, "  - tabel: {rows: method, columns: bits, value: map}", "a typo in a report kind",
              message: "DIR/spec.yaml:11: report[0].tabel: unknown key (did you mean \"table\"?)"),
        .line(11, "  - table: {rows: method, columns: bits, value: mAP}", "a metric in the wrong case",
              message: "DIR/spec.yaml:11: report[0].table.value: no metric \"mAP\" (did you mean \"map\"?)"),
        .line(11, "  - ablation: {x: ration, series: bits, value: map}", "an ablation over an unknown axis",
              message: "DIR/spec.yaml:11: report[0].ablation.x: no axis \"ration\" (did you mean \"ratio\"?)"),
        .line(3, "protocol: {kind: zeroshot, unseen: [8, 9]}", "an unknown protocol kind",
              message: "DIR/spec.yaml:3: protocol.kind: must be zero-shot, cross-modal or online, not \"zeroshot\" "
                  + "(did you mean \"zero-shot\"?)"),
        .line(3, "protocol: {unseen: [8, 9], preprocess: zscroe}", "an unknown preprocessing",
              message: "DIR/spec.yaml:3: protocol.preprocess: must be one of none, center, zscore, l2, not \"zscroe\" "
                  + "(did you mean \"zscore\"?)"),
        .appending("modality: pic", "an unknown modality",
                   message: "DIR/spec.yaml:12: modality: mfeat has no modality \"pic\" (did you mean \"pix\"?)"),
        .appending("metrics: [map, precison@100]", "a typo in a metric",
                   message: "DIR/spec.yaml:12: metrics[1]: no metric \"precison@100\" (did you mean \"precision@100\"?)"),
    ]

    /// Empty sweeps, zips and extends.
    static let sweeps: [BadSpec] = [
        .line(4, "bits: []", "no code length", message: "DIR/spec.yaml:4: bits: needs at least one value"),
        .line(5, "seeds: []", "no seed", message: "DIR/spec.yaml:5: seeds: needs at least one value"),
        .line(8, "    params: {ratio: [], lambda: 1e-2}", "an empty parameter sweep",
              message: "DIR/spec.yaml:8: methods[0].params.ratio: needs at least one value"),
        .line(3, "protocol: {unseen: [], queries: 10}", "no unseen class",
              message: "DIR/spec.yaml:3: protocol.unseen: needs at least one class"),
        .text("experiment: bad\ndataset: mfeat\nbits: 16\nseeds: 1\nmethods: []\n", "no method",
              message: "DIR/spec.yaml:5: methods: needs at least one method"),
        .line(8, "    params: {ratio: [\"1/-1\", \"5/-1\"], lambda: [1e-2, 1e-3, 1e-4]}\n    zip: [ratio, lambda]",
              "zipped axes of unequal length",
              message: "DIR/spec.yaml:9: methods[0].zip: zipped axes need equal numbers of values, not lambda 3, ratio 2"),
        .line(8, "    params: {ratio: [\"1/-1\", \"5/-1\"], lambda: [1e-2, 1e-3]}\n    zip: [ratio, lamda]",
              "a zip naming an unknown axis",
              message: "DIR/spec.yaml:9: methods[0].zip[1]: \"lamda\" is not a swept axis (did you mean \"lambda\"?)"),
        .line(4, "bits: [16, 32, 16]", "a code length twice",
              message: "DIR/spec.yaml:4: bits[2]: bits takes 16 twice, which would list its runs twice"),
        BadSpec("a sweep of more than a million runs", files: ["spec.yaml": Array(validSpec(
            replacing: "seeds: [1, 2]", with: "seeds: [" + (1...1001).map(String.init).joined(separator: ", ") + "]")
            .replacingOccurrences(of: "lambda: 1e-2}", with: "lambda: [" + (1...600).map { "\($0)e-3" }
                .joined(separator: ", ") + "]}").utf8)],
                message: "DIR/spec.yaml:5: seeds: the sweep expands to 2402400 runs (bits 2 × ratio 2 × lambda 600 × "
                    + "seed 1001); hashlab plans at most 1000000 per method entry — split the spec"),
    ]

    /// Values out of range, and protocols the dataset cannot satisfy.
    static let values: [BadSpec] = [
        .line(4, "bits: [16, 0]", "0 bits", message: "DIR/spec.yaml:4: bits[1]: 0 is not in 1...4096"),
        .line(4, "bits: 4097", "more than 4096 bits", message: "DIR/spec.yaml:4: bits: 4097 is not in 1...4096"),
        .line(4, "bits: -8", "negative bits", message: "DIR/spec.yaml:4: bits: -8 is not in 1...4096"),
        .line(5, "seeds: [-1, 2]", "a negative seed", message: "DIR/spec.yaml:5: seeds[0]: -1 is not in 0..."),
        .line(3, "protocol: {unseen: [8, 9], queries: -5}", "negative queries",
              message: "DIR/spec.yaml:3: protocol.queries: must be positive, not -5"),
        .line(3, "protocol: {unseen: [8, 9], queries: 100, training: 0}", "no training item asked for",
              message: "DIR/spec.yaml:3: protocol.training: must be positive, not 0"),
        .line(3, "protocol: {kind: online, queries: 100, chunk: -2}", "a negative chunk",
              message: "DIR/spec.yaml:3: protocol.chunk: must be positive, not -2"),
        .line(5, "seeds: [1, 2]\ncutoffs: [0, 100]", "a cutoff of 0", message: "DIR/spec.yaml:6: cutoffs[0]: 0 is not in 1..."),
        .line(8, "    params: {anchors: -5}", "negative anchors",
              message: "DIR/spec.yaml:8: methods[0].params.anchors: method aszh, parameter anchors: \"-5\" is not an "
                  + "integer in 1...100000"),
        .line(8, "    params: {ratio: \"1/5\"}", "a ratio with r_s < r_d",
              message: "DIR/spec.yaml:8: methods[0].params.ratio: method aszh, parameter ratio: \"1/5\" is not a ratio"),
        .line(3, "protocol: {unseen: [8, 10], queries: 100}", "an unseen class the dataset lacks",
              message: "DIR/spec.yaml:3: protocol.unseen: mfeat has no class \"10\" (did you mean \"0\"?); its classes: "
                  + "0, 1, 2, 3, 4, 5, 6, 7, 8, 9"),
        .line(3, "protocol: {unseen: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], queries: 100}", "every class unseen",
              message: "DIR/spec.yaml:3: protocol.unseen: mfeat: no training items: every labelled item has an unseen "
                  + "class (10 of 10 classes are unseen)"),
        .line(3, "protocol: {unseen: [8, 9], queries: 100000}", "more queries than unseen items",
              message: "DIR/spec.yaml:3: protocol.queries: mfeat: queries (unseen items) asks for 100000 items but only "
                  + "400 are available"),
        .line(3, "protocol: {kind: cross-modal, queries: 2000}", "every item a query",
              message: "DIR/spec.yaml:3: protocol.queries: mfeat: queries asks for 2000 items but only 1999 are available"),
        .line(9, "  - method: lsh\nmodalities: [fac, pix]", "a cross-modal pair for single-modal methods",
              message: "DIR/spec.yaml:10: modalities: aszh hashes one modality (single-modal)"),
        .line(1, "experiment: \"\"", "an empty experiment name",
              message: "DIR/spec.yaml:1: experiment: the experiment's name is empty"),
        .line(9, "  - {method: lsh, label: .hidden}", "a label starting with a dot",
              message: "DIR/spec.yaml:9: methods[1].label: a label starts with a dot"),
        .line(11, "  - compare: {by: ratio, baseline: \"1/-2\", value: map}", "a baseline that is no value of its axis",
              message: "DIR/spec.yaml:11: report[0].compare.baseline: \"1/-2\" is not a value of ratio (did you mean \"1/-1\"?)"),
    ]

    /// Datasets that are unknown, not built, or not datasets.
    static let dataset: [BadSpec] = [
        .line(2, "dataset: mfaet", "a typo in the dataset's name",
              message: "DIR/spec.yaml:2: dataset: unknown dataset \"mfaet\" (did you mean \"mfeat\"?)"),
        .line(2, "dataset: DIR/absent.h5", "a dataset path that does not exist",
              message: "DIR/spec.yaml:2: dataset: cannot open the dataset: DIR/absent.h5: no such file"),
        BadSpec("a dataset file that is not HDF5",
                files: ["spec.yaml": Array(validSpec(replacing: "dataset: mfeat", with: "dataset: DIR/fake.h5").utf8),
                        "fake.h5": Array("not an HDF5 file\n".utf8)],
                message: "DIR/spec.yaml:2: dataset: cannot open the dataset: DIR/fake.h5: not an HDF5 file"),
    ]

    /// Spec files that are no spec files, and `extends` chains that break.
    static let files: [BadSpec] = [
        BadSpec("a spec file that does not exist", files: [:], spec: "DIR/absent.yaml",
                message: "DIR/absent.yaml: cannot read the spec: no such file"),
        BadSpec("a directory given as the spec", files: ["folder/spec.yaml": Array(BadSpec.valid.utf8)], spec: "DIR/folder",
                message: "DIR/folder: is a directory, not a spec file"),
        BadSpec("a spec that is not UTF-8 (Latin-1)",
                files: ["spec.yaml": Array("experiment: bad\ndataset: mfeat\ndescription: caf".utf8) + [0xE9]
                    + Array("\nbits: 16\nseeds: 1\nmethods: [{method: lsh}]\n".utf8)],
                message: "DIR/spec.yaml:3: not UTF-8 text: byte 47 (0xE9) starts no valid UTF-8 sequence; save the "
                    + "spec as UTF-8"),
        BadSpec("an extends cycle",
                files: ["spec.yaml": Array("extends: base.yaml\nexperiment: bad\n".utf8),
                        "base.yaml": Array("dataset: mfeat\nextends: spec.yaml\n".utf8)],
                message: "DIR/base.yaml:2: extends: extends goes round in a cycle: DIR/spec.yaml → DIR/base.yaml → "
                    + "DIR/spec.yaml"),
        .appending("extends: base/missing.yaml", "an extended spec that does not exist",
                   message: "DIR/spec.yaml:12: extends: cannot read the extended spec DIR/base/missing.yaml"),
        BadSpec("an extended spec that is a directory",
                files: ["spec.yaml": Array((BadSpec.valid + "\nextends: base").utf8), "base/spec.yaml": Array(BadSpec.valid.utf8)],
                message: "DIR/spec.yaml:12: extends: DIR/base is a directory, not a spec file"),
    ]

    /// `--only` naming what no run of the spec has (`run` only: `plan` takes no `--only`).
    static let options: [BadSpec] = [
        BadSpec("--only with an unknown axis", files: ["spec.yaml": Array(BadSpec.valid.utf8)], arguments: ["--only", "bitz=16"],
                commands: ["run"], message: "--only: no axis \"bitz\" (did you mean \"bits\"?); axes: method, bits, seed"),
        BadSpec("--only with a value no run has", files: ["spec.yaml": Array(BadSpec.valid.utf8)],
                arguments: ["--only", "bits=64"], commands: ["run"],
                message: "--only: no run has bits=64 (did you mean \"16\"?); values of bits: 16, 32"),
    ]

    static func validSpec(replacing old: String, with new: String) -> String {
        BadSpec.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func theSuiteHoldsAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count, "case names are unique")
    }

    /// The valid spec itself plans, so each case fails for its own change only.
    @Test func theValidSpecPlans() throws {
        try #require(FileManager.default.fileExists(atPath: RunOneCommandTests.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data(BadSpec.valid.utf8).write(to: URL(fileURLWithPath: directory.path("spec.yaml")))
        let plan = try HashlabProcess(["plan", directory.path("spec.yaml"), "--root", RunOneCommandTests.root,
                                       "--results", directory.path("results")])
        #expect(plan.status == 0, "\(plan.error)")
        #expect(plan.output.hasPrefix("bad (\(directory.path("spec.yaml"))): 12 runs, 0 done, 12 to do\n"))
    }

    @Test(arguments: cases) func isRefusedWithItsFileLineAndKey(_ bad: BadSpec) throws {
        try #require(FileManager.default.fileExists(atPath: RunOneCommandTests.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let directory = try TemporaryDirectory("hashlab-bad-spec")
        defer { directory.remove() }
        let folder = directory.url.path
        for (name, bytes) in bad.files {
            let path = directory.path(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            let text = String(decoding: bytes, as: UTF8.self)
            let contents = String(validating: bytes, as: UTF8.self) == nil ? bytes
                : Array(text.replacingOccurrences(of: "DIR", with: folder).utf8)
            try Data(contents).write(to: URL(fileURLWithPath: path))
        }
        let spec = bad.spec.replacingOccurrences(of: "DIR", with: folder)
        let expected = "hashlab: error: " + bad.message.replacingOccurrences(of: "DIR", with: folder)
        let results = directory.path("results")
        var messages: [String] = []
        for command in bad.commands {
            let process = try HashlabProcess([command, spec, "--root", RunOneCommandTests.root, "--results", results]
                                             + bad.arguments)
            #expect(process.status == 2, "\(command): \(process.error)")
            #expect(process.error.hasPrefix(expected), "\(command): \(process.error)")
            #expect(process.error.hasSuffix("\n") && process.error.dropLast().contains("\n") == false,
                    "\(command): one line, \(process.error)")
            #expect(process.output.isEmpty, "\(command): \(process.output)")
            #expect(!FileManager.default.fileExists(atPath: results), "\(command) wrote \(results)")
            messages.append(process.error)
        }
        #expect(Set(messages).count == 1, "plan and run say the same: \(messages)")
    }
}
