import Foundation
import Linalg
import Testing
import TestSupport

/// `hashlab run` (local executor) killed outright, scheduler and workers together, at
/// seeded random moments, and resumed each time: no result is lost, computed twice,
/// rewritten or damaged, and the metrics are those of an uninterrupted run.
@Suite(.serialized) struct FaultInjectionTests {
    /// A project root whose `datasets/data/mfeat.h5` is the repository's (a symbolic
    /// link), with the spec `experiments/faults.yaml`: LSH and ITQ at 4, 8 and 16 bits,
    /// seeds 1–9 on mfeat's zero-shot split — 54 runs of a fraction of a second.
    static func project() throws -> TemporaryDirectory {
        let root = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root.path("datasets/data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.path("experiments"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path("datasets/data/mfeat.h5"),
                                                   withDestinationPath: RunOneCommandTests.root + "/datasets/data/mfeat.h5")
        try """
            experiment: faults
            dataset: mfeat
            protocol: {kind: zero-shot, unseen: [8, 9], queries: 100}
            bits: [4, 8, 16]
            seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9]
            methods:
              - method: lsh
              - method: itq
            metrics: [map]
            report:
              - table: {rows: method, columns: bits, value: map}
            """.write(toFile: root.path("experiments/faults.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    /// Kills the sweep `process` and every process whose command line names `results`
    /// (its workers, `--store <results>/runs`) with SIGKILL: the scheduler is stopped
    /// first, so it starts no worker meanwhile, and the workers are looked for until
    /// none is left. Returns the number of workers killed.
    static func killSweep(_ process: Process, results: String) -> Int {
        kill(process.processIdentifier, SIGSTOP)
        var killed = Set<Int32>()
        for _ in 0..<3 {
            let found = SweepGuaranteeTests.processes(mentioning: results)
            for pid in found { kill(pid, SIGKILL) }
            killed.formUnion(found)
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        return killed.subtracting([process.processIdentifier]).count
    }

    /// Each stored result file's identity and content: path → (inode, data).
    static func results(in store: String) throws -> [String: (inode: UInt64, data: Data)] {
        var files: [String: (inode: UInt64, data: Data)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: store) where name.hasSuffix(".json") {
            let attributes = try FileManager.default.attributesOfItem(atPath: store + "/" + name)
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
            files[name] = (inode, try Data(contentsOf: URL(fileURLWithPath: store + "/" + name)))
        }
        return files
    }

    /// A stored run's `result`, without the times (keys ending in `seconds`, which
    /// differ between any two computations), as canonical JSON.
    static func resultWithoutTimes(_ data: Data) throws -> Data {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !$0.key.lowercased().hasSuffix("seconds") }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let stored = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let result = try #require(stored["result"])
        return try JSONSerialization.data(withJSONObject: strip(result), options: [.sortedKeys])
    }

    @Test func killedAndResumedSweepsLoseNothingAndEqualAnUninterruptedOne() throws {
        try #require(FileManager.default.fileExists(atPath: RunOneCommandTests.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let runs = 54
        let root = try Self.project()
        defer { root.remove() }
        let spec = root.path("experiments/faults.yaml")
        let results = root.path("results")
        let store = results + "/runs"
        let arguments = ["run", spec, "--root", root.url.path, "--results", results, "--jobs", "2"]
        var generator = SeededGenerator(seed: 16)
        var kills = 0
        var workersKilled = 0
        var seen: [String: (inode: UInt64, data: Data)] = [:]
        while kills < 12 {
            let process = try HashlabProcess.start(arguments)
            let delay = Double.random(in: 0.3...1.5, using: &generator)
            let deadline = Date().addingTimeInterval(delay)
            while process.isRunning && Date() < deadline { usleep(5_000) }
            guard process.isRunning else { break }
            workersKilled += Self.killSweep(process, results: results)
            _ = HashlabProcess(waitingFor: process)
            kills += 1
            #expect(SweepGuaranteeTests.processes(mentioning: results).isEmpty)
            // A result once stored is never rewritten: same file (inode), same bytes.
            let now = try Self.results(in: store)
            for (name, file) in seen {
                #expect(now[name]?.inode == file.inode && now[name]?.data == file.data, "\(name) changed after kill \(kills)")
            }
            seen = now
        }
        #expect(kills >= 10, "the sweep ended after \(kills) kills")
        #expect(seen.count < runs, "every run was stored before the last kill")

        let resumed = try HashlabProcess(arguments)
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.output.contains("faults: \(runs) runs, \(seen.count) done, \(runs - seen.count) to run"),
                "\(resumed.output)")
        let final = try Self.results(in: store)
        #expect(final.count == runs)
        for (name, file) in seen { #expect(final[name]?.inode == file.inode && final[name]?.data == file.data) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasPrefix(".") } == [])

        // Each run computed to completion once: one "stored" line in its log, however
        // many computations the kills cut short.
        var cutShort = 0
        for name in final.keys {
            let id = String(name.dropLast(5))
            let log = try String(contentsOfFile: results + "/logs/\(id).log", encoding: .utf8)
            #expect(log.components(separatedBy: "run \(id) stored (ok) by process ").count - 1 == 1, "\(log)")
            cutShort += log.components(separatedBy: "hashlab: training ").count - 2
        }

        let reference = root.path("reference")
        let uninterrupted = try HashlabProcess(["run", spec, "--root", root.url.path, "--results", reference, "--jobs", "2"])
        #expect(uninterrupted.status == 0, "\(uninterrupted.error)")
        let expected = try Self.results(in: reference + "/runs")
        #expect(Set(expected.keys) == Set(final.keys))
        for (name, file) in final {
            let stored = try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
            #expect(stored["status"] as? String == "ok")
            #expect(try Self.resultWithoutTimes(file.data) == Self.resultWithoutTimes(expected[name]?.data ?? Data()),
                    "\(name) differs from the uninterrupted run")
        }
        print("fault injection: \(runs) runs, \(kills) kills (\(workersKilled) workers killed, "
              + "\(cutShort) computations cut short), \(seen.count) stored before the last resume, 0 lost")
    }
}
