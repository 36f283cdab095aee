import Pipeline
import Testing

/// `--only` filters: read from text, checked against the specs' runs (an unknown axis
/// or value is an error naming the nearest valid one), and the runs they keep listed
/// by hand.
@Suite struct RunFilterTests {
    /// Two specs over the 4-cluster dataset: `grid` sweeps aszh's ratio beside lsh,
    /// `plain` runs itq; 12 and 2 runs.
    static func specs(_ fixture: SpecFixture) throws -> [ExperimentSpec] {
        let grid = try fixture.write("grid.yaml", """
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
        let plain = try fixture.write("plain.yaml", """
            experiment: plain
            dataset: clusters
            protocol: {unseen: [c, d], queries: 10}
            bits: [4]
            seeds: [1, 2]
            methods:
              - method: itq
            """)
        return try [grid, plain].map(ExperimentSpec.load(path:))
    }

    @Test func clausesAreReadAndAnAxisNamedTwiceAcceptsBothValues() throws {
        let filter = try RunFilter("method=aszh,bits=8|16,seed=1,seed=2")
        #expect(filter.conditions == ["method": ["aszh"], "bits": ["8", "16"], "seed": ["1", "2"]])
    }

    @Test func malformedClausesAreNamed() {
        for (text, clause) in [("bits", "bits"), ("=8", "=8"), ("bits=", "bits="), ("bits=8|", "bits=8|"),
                               ("bits=8,", ""), ("", "")] {
            #expect(throws: RunFilterError.malformed(clause: clause)) { _ = try RunFilter(text) }
        }
    }

    @Test func aMistypedAxisSuggestsTheNearest() throws {
        let fixture = try SpecFixture(withDataset: false)
        defer { fixture.remove() }
        let specs = try Self.specs(fixture)
        let error = RunFilterError.unknownAxis(axis: "bitz", known: ["method", "bits", "seed", "lambda", "ratio"],
                                               suggestion: "bits")
        #expect(throws: error) { try RunFilter("method=lsh,bitz=8").check(against: specs) }
        #expect(error.description
            == "--only: no axis \"bitz\" (did you mean \"bits\"?); axes: method, bits, seed, lambda, ratio")
    }

    @Test func aValueNoRunHasSuggestsTheNearest() throws {
        let fixture = try SpecFixture(withDataset: false)
        defer { fixture.remove() }
        let specs = try Self.specs(fixture)
        let error = RunFilterError.unknownValue(axis: "method", value: "lhs", known: ["aszh", "lsh", "itq"],
                                                suggestion: "lsh")
        #expect(throws: error) { try RunFilter("method=lhs").check(against: specs) }
        #expect(error.description == "--only: no run has method=lhs (did you mean \"lsh\"?); values of method: aszh, lsh, itq")
        // One unknown value among accepted ones is still an error; 1024 bits is in
        // neither sweep, and no value is near enough to suggest.
        #expect(throws: RunFilterError.unknownValue(axis: "bits", value: "1024", known: ["8", "16", "4"],
                                                    suggestion: nil)) {
            try RunFilter("bits=8|1024").check(against: specs)
        }
    }

    @Test func validFiltersKeepTheRunsWithTheirValues() throws {
        let fixture = try SpecFixture()
        defer { fixture.remove() }
        let specs = try Self.specs(fixture)
        let runs = try specs.flatMap { try $0.plannedRuns(root: fixture.root) }
        func kept(_ text: String) throws -> [[String: String]] {
            let filter = try RunFilter(text)
            try filter.check(against: specs)
            return runs.map(\.axes).filter(filter.matches)
        }
        // An axis of one spec only: the other spec's runs, which lack it, are not kept.
        #expect(try kept("ratio=5/-1,bits=16") == [
            ["method": "aszh", "bits": "16", "seed": "1", "ratio": "5/-1", "lambda": "1e-2"],
            ["method": "aszh", "bits": "16", "seed": "2", "ratio": "5/-1", "lambda": "1e-2"],
        ])
        #expect(try kept("method=lsh|itq,seed=2") == [
            ["method": "lsh", "bits": "8", "seed": "2"], ["method": "lsh", "bits": "16", "seed": "2"],
            ["method": "itq", "bits": "4", "seed": "2"],
        ])
        // Values that each exist but never together: valid, and nothing is kept.
        #expect(try kept("method=itq,bits=8") == [])
        #expect(runs.map(\.axes).filter(RunFilter.everyRun.matches).count == 14)
    }
}
