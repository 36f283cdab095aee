import Foundation
@testable import Pipeline
import Testing

/// A spec of more than ``LargeSweepWarning/threshold`` runs gets a warning with its run
/// count (two method entries' runs added); one of exactly the threshold does not.
@Suite struct LargeSweepWarningTests {
    @Test func warnsAboveTheThresholdOnly() throws {
        let fixture = try SpecFixture(withDataset: false)
        defer { fixture.remove() }
        func spec(seeds: Int) throws -> ExperimentSpec {
            let path = try fixture.write("spec.yaml", """
                experiment: large
                dataset: clusters
                protocol: {unseen: [a]}
                bits: [8, 16]
                seeds: [\((1...seeds).map(String.init).joined(separator: ", "))]
                methods: [{method: lsh}, {method: itq}]
                """)
            return try ExperimentSpec.load(path: path)
        }
        #expect(LargeSweepWarning.threshold == 10_000)
        #expect(LargeSweepWarning(try spec(seeds: 2500)) == nil)
        let warning = try #require(LargeSweepWarning(try spec(seeds: 2501)))
        #expect(warning.runs == 2 * 2 * 2501)
        #expect(warning.description.hasPrefix("hashlab: warning: \(fixture.directory.path("spec.yaml")): large expands to "
                                              + "10004 runs (more than 10000); "))
    }
}
