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

    /// Two result stores: B is a copy of A's four lsh runs with the first run's mAP
    /// moved by +0.1, the second's by +0.001 (within the tolerance) and the third absent.
    @Test func storesAreComparedRunByRun() throws {
        let root = try SweepCommandTests.project(methods: "  - method: lsh", bits: "[2, 4]")
        defer { root.remove() }
        let run = try HashlabProcess(["run", root.path("experiments/tiny.yaml"), "--root", root.url.path])
        #expect(run.status == 0, "\(run.error)")
        let old = root.path("results/runs")
        let new = root.path("copy")
        try FileManager.default.copyItem(atPath: old, toPath: new)
        let files = try FileManager.default.contentsOfDirectory(atPath: new).filter { $0.hasSuffix(".json") }.sorted()
        try #require(files.count == 4)
        func label(_ file: String) throws -> String {
            let stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: new + "/" + file)))
                as? [String: Any])
            let axes = try #require((stored["run"] as? [String: Any])?["axes"] as? [String: String])
            return "lsh bits=\(axes["bits"] ?? "") seed=\(axes["seed"] ?? "") [\(file.prefix(12))]"
        }
        func moveMAP(of file: String, by delta: Double) throws {
            let url = URL(fileURLWithPath: new + "/" + file)
            var stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            var result = try #require(stored["result"] as? [String: Any])
            var metrics = try #require(result["metrics"] as? [String: Any])
            var map = try #require(metrics["map"] as? [String: Any])
            map["tie_aware"] = try #require(map["tie_aware"] as? Double) + delta
            metrics["map"] = map
            result["metrics"] = metrics
            stored["result"] = result
            try JSONSerialization.data(withJSONObject: stored).write(to: url)
        }
        let labels = try files.map(label)
        try moveMAP(of: files[0], by: 0.1)
        try moveMAP(of: files[1], by: 0.001)
        try FileManager.default.removeItem(atPath: new + "/" + files[2])

        let moved = try HashlabProcess(["diff", old, new])
        #expect(moved.status == 1, "\(moved.error)")
        let lines = moved.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(moved.output)")
        #expect(lines.first?.hasPrefix("\(labels[0]) map: ") == true)
        #expect(lines.first?.hasSuffix(" (+0.1000)") == true)
        #expect(lines.contains("only in A: \(labels[2])"))

        let same = try HashlabProcess(["diff", old, old])
        #expect(same.status == 0, "\(same.error)")
        #expect(same.output == "No metric moved by more than 0.005.\n")
    }
}
