import Foundation
import Testing
import TestSupport

/// What `hashlab run` promises beyond computing the runs: two `hashlab run` on one
/// store compute each run once.
@Suite(.serialized) struct SweepGuaranteeTests {
    /// Each worker leaves a trace in its run's log (`results/logs/<id>.log`): "training
    /// ksh, …" when it computes the run, "run <id> is already done" when it finds the
    /// run stored. The two sweeps start the same runs at the same moment, so without the
    /// per-run lock (``RunLock``) both workers of the first runs find them not done and
    /// compute them — two "training" lines in those logs — and only the lock makes the
    /// second wait and then find the run done (checked with the lock disabled).
    @Test func twoSweepsOnOneStoreComputeEachRunOnce() throws {
        let root = try SweepCommandTests.project(methods: SweepCommandTests.slowMethods,
                                                 bits: "[8, 12]", seeds: "[1, 2, 3]")
        defer { root.remove() }
        let arguments = ["run", root.path("experiments/tiny.yaml"), "--root", root.url.path, "--jobs", "2"]
        let sweeps = try [HashlabProcess.start(arguments), HashlabProcess.start(arguments)]
            .map(HashlabProcess.init(waitingFor:))
        for sweep in sweeps { #expect(sweep.status == 0, "\(sweep.error)") }
        let stored = try SweepCommandTests.storedRuns(root)
        let ids = Set(stored.compactMap { $0["id"] as? String })
        #expect(stored.count == 6 && ids.count == 6)
        #expect(stored.allSatisfy { $0["status"] as? String == "ok" })

        var foundDone = 0
        for id in ids {
            let log = try String(contentsOfFile: root.path("results/logs/\(id).log"), encoding: .utf8)
            let computations = log.components(separatedBy: "training ksh").count - 1
            #expect(computations == 1, "run \(id) was computed \(computations) times:\n\(log)")
            foundDone += log.components(separatedBy: "run \(id) is already done").count - 1
        }
        // Every worker the sweeps started left its trace (no log was clobbered) …
        let started = sweeps.compactMap { sweep in
            sweep.output.split(separator: "\n").first { $0.hasPrefix("tiny: ") }
                .flatMap { Int($0.split(separator: ", ").last?.split(separator: " ").first ?? "") }
        }
        #expect(started.count == 2 && started.reduce(0, +) == 6 + foundDone, "\(sweeps.map(\.output))")
        // … and the sweeps met on at least one run, so the lock was exercised.
        #expect(foundDone >= 1)
    }
}
