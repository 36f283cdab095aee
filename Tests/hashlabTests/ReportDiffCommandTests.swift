import Foundation
import TestSupport
import Testing

/// `hashlab diff` exits 0 when no cell moved beyond the tolerance, 1 when one did, and
/// 2 when it cannot read its input.
@Suite struct ReportDiffCommandTests {
    @Test func exitStatusSaysWhetherACellMoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try "method,bits=16 mean\naszh,0.5200\nitq,0.4200\n".write(
            toFile: directory.path("old.csv"), atomically: true, encoding: .utf8)
        try "method,bits=16 mean\naszh,0.5300\nitq,0.4230\n".write(
            toFile: directory.path("new.csv"), atomically: true, encoding: .utf8)

        let moved = try HashlabProcess(["diff", directory.path("old.csv"), directory.path("new.csv")])
        #expect(moved.status == 1, "\(moved.error)")
        #expect(moved.output == "new.csv: method=aszh, bits=16 mean: 0.5200 → 0.5300 (+0.0100)\n")

        let within = try HashlabProcess(["diff", directory.path("old.csv"), directory.path("new.csv"),
                                         "--tolerance", "0.02"])
        #expect(within.status == 0, "\(within.error)")
        #expect(within.output == "No cell moved by more than 0.02.\n")

        let missing = try HashlabProcess(["diff", directory.path("old.csv"), directory.path("absent.csv")])
        #expect(missing.status == 2)
        #expect(missing.error.contains("cannot read \(directory.path("absent.csv"))"))
    }
}
