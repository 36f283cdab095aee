@testable import Pipeline
import Testing

/// Report headers and `hashlab report` count runs, not records: a cross-modal run gives
/// a record per direction, an online run also one per round and direction.
@Suite struct ReportRunCountTests {
    @Test func eachPlannedRunCountsOnce() {
        var records: [ReportRecord] = []
        for direction in ["a→b", "b→a"] {
            records.append(ReportRecord(axes: ["direction": direction], metrics: ["map": 0.5], run: 0))
            for round in 1...3 {
                records.append(ReportRecord(axes: ["direction": direction, "round": "\(round)"], metrics: ["map": 0.4],
                                            run: 0))
            }
            records.append(ReportRecord(axes: ["direction": direction], metrics: [:], notApplicable: "declined", run: 1))
            records.append(ReportRecord(axes: ["direction": direction], metrics: ["map": 0.6], run: 2))
        }
        records.append(ReportRecord(axes: [:], metrics: ["map": 0.3]))
        let counts = ReportRecord.runCounts(records)
        #expect(counts.found == 4 && counts.notApplicable == 1)
    }
}
