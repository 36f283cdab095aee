import Foundation
import Pipeline
import TestSupport
import Testing

@Suite struct ReportTableDiffTests {
    /// The table of ``ReportTableTests`` written twice: the second time aszh's 32-bit
    /// seed 3 scored 0.68 instead of 0.65 (mean 0.62 → 0.63; std √((0.03² + 0.02² +
    /// 0.05²)/2) = 0.0436), which moves beyond 0.005, and itq's 16-bit seed 1 scored
    /// 0.403 instead of 0.40 (mean 0.4210, std 0.0185), which stays within it.
    @Test func findsTheMovedCellsAndIgnoresThoseWithinTolerance() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let item = ReportItem.table(rows: "method", columns: "bits", value: "map")
        _ = try ReportTableTests.writer(items: [item]).write(to: directory.path("old"))
        let records = ReportTableTests.records.map { record -> ReportRecord in
            var record = record
            switch (record.axes["method"], record.axes["bits"], record.axes["seed"]) {
            case ("aszh", "32", "3"): record.metrics["map"] = 0.68
            case ("itq", "16", "1"): record.metrics["map"] = 0.403
            default: break
            }
            return record
        }
        _ = try ReportTableTests.writer(items: [item, .compare(by: "bits", baseline: "16", value: "map")],
                                        records: records).write(to: directory.path("new"))

        let report = try TableDiff(tolerance: 0.005).compare(old: directory.path("old"), new: directory.path("new"))
        #expect(report.changes == [
            TableDiff.Change(table: "tables/demo.csv", row: "method=aszh", column: "bits=32 mean",
                             old: "0.6200", new: "0.6300"),
            TableDiff.Change(table: "tables/demo.csv", row: "method=aszh", column: "bits=32 std",
                             old: "0.0265", new: "0.0436"),
        ])
        #expect(report.onlyInOld == [])
        #expect(report.onlyInNew == ["tables/demo-compare-bits.csv"])
        #expect(report.description == """
            tables/demo.csv: method=aszh, bits=32 mean: 0.6200 → 0.6300 (+0.0100)
            tables/demo.csv: method=aszh, bits=32 std: 0.0265 → 0.0436 (+0.0171)
            only in B: tables/demo-compare-bits.csv
            """)
        let loose = try TableDiff(tolerance: 0.02).compare(old: directory.path("old/tables/demo.csv"),
                                                            new: directory.path("new/tables/demo.csv"))
        #expect(loose.isEmpty)
    }

    @Test func rowsAreMatchedByTheirKeyColumnsAndRowsOnOneSideAreReported() throws {
        let old = """
            ratio,method,map,best
            1/-5,aszh,0.5000,*
            1/-5,itq,0.4000,
            5/-1,aszh,0.6000,*

            """
        let new = """
            ratio,method,map,best
            5/-1,aszh,0.6001,*
            1/-5,aszh,0.4000,
            1/-5,itq,0.5000,*
            5/-1,lsh,0.1000,

            """
        let changes = try TableDiff().changes(table: "t.csv", old: old, new: new)
        #expect(changes == [
            TableDiff.Change(table: "t.csv", row: "ratio=1/-5, method=aszh", column: "map", old: "0.5000", new: "0.4000"),
            TableDiff.Change(table: "t.csv", row: "ratio=1/-5, method=aszh", column: "best", old: "*", new: ""),
            TableDiff.Change(table: "t.csv", row: "ratio=1/-5, method=itq", column: "map", old: "0.4000", new: "0.5000"),
            TableDiff.Change(table: "t.csv", row: "ratio=1/-5, method=itq", column: "best", old: "", new: "*"),
            TableDiff.Change(table: "t.csv", row: "ratio=5/-1, method=lsh", column: nil, old: nil, new: "5/-1,lsh,0.1000,"),
        ])
        #expect(changes.last?.description == "t.csv: row ratio=5/-1, method=lsh only in B")
    }

    @Test func quotedFieldsRoundTripAndUnclosedQuotesAreErrors() throws {
        let rows = [["name", "value"], ["a, \"b\"", "1"], ["line\nbreak", ""]]
        #expect(try CSVText.decode(CSVText.encode(rows)) == rows)
        #expect(throws: TableDiffError.malformedCSV(file: "x.csv", reason: "a quoted field is never closed")) {
            try TableDiff().changes(table: "x.csv", old: "a\n\"1\n", new: "a\n1\n")
        }
    }
}
