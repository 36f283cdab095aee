import Foundation
import Testing
import TestSupport

/// What `hashlab run` promises beyond computing the runs: Ctrl-C stops it and its
/// workers and leaves a store the next `run` completes, two `hashlab run` on one store
/// share the work and compute each run once, and the files it holds open do not grow
/// with the runs it does.
@Suite(.serialized) struct SweepGuaranteeTests {
    /// The running processes whose command line mentions `text`: with a store's path,
    /// the workers writing to it (`hashlab run-one … --store <dir>`). A zombie's
    /// command line is empty: `kill(pid, 0)` finds those.
    static func processes(mentioning text: String) -> Set<Int32> {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return Set(entries.compactMap(Int32.init).filter { pid in
            let commandLine = FileHandle(forReadingAtPath: "/proc/\(pid)/cmdline")?.readDataToEndOfFile() ?? Data()
            return String(decoding: commandLine, as: UTF8.self).contains(text)
        })
    }

    /// The state line (and parent) of process `pid`, from `/proc/<pid>/status`.
    static func status(_ pid: Int32) -> String {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.hasPrefix("State") || $0.hasPrefix("PPid") }.joined(separator: ", ")
    }

    @Test func interruptStopsTheWorkersAndLeavesAStoreTheNextRunCompletes() throws {
        let root = try SweepCommandTests.project(methods: SweepCommandTests.slowMethods,
                                                 bits: "[8, 12, 16]", seeds: "[1, 2, 3]")
        defer { root.remove() }
        let store = root.path("results/runs")
        let process = try HashlabProcess.start(["run", root.path("experiments/tiny.yaml"), "--root", root.url.path,
                                                "--jobs", "1"])
        var workers = Set<Int32>()
        try SweepCommandTests.waitForAStoredRun(root) { workers.formUnion(Self.processes(mentioning: store)) }
        // Interrupt while the next worker computes.
        let deadline = Date().addingTimeInterval(10)
        while Self.processes(mentioning: store).isEmpty && Date() < deadline { usleep(5_000) }
        workers.formUnion(Self.processes(mentioning: store))
        #expect(!workers.isEmpty)
        kill(process.processIdentifier, SIGINT)
        let interrupted = HashlabProcess(waitingFor: process)
        #expect(process.terminationReason == .exit && interrupted.status == 130, "\(interrupted.error)")
        #expect(interrupted.error.contains("interrupted"))

        // `hashlab run` has waited for its workers: their pids are gone, not zombies.
        for pid in workers { #expect(kill(pid, 0) != 0, "worker \(pid) is still there: \(Self.status(pid))") }
        #expect(Self.processes(mentioning: store).isEmpty)

        // The store holds whole `ok` runs and locks; no temporary file of a killed write.
        let names = try FileManager.default.contentsOfDirectory(atPath: store)
        #expect(names.filter { $0.hasPrefix(".") || !($0.hasSuffix(".json") || $0.hasSuffix(".lock")) } == [])
        let stored = try SweepCommandTests.storedRuns(root)
        #expect(stored.count >= 1 && stored.count < 9, "interrupted after \(stored.count) of 9 runs")
        #expect(stored.allSatisfy { $0["status"] as? String == "ok" })
        try SweepCommandTests.expectResumption(root, runs: 9, done: stored.count)
    }

    /// Each worker leaves a trace in its run's log (`results/logs/<id>.log`): "training
    /// ksh, …" when it computes the run, and "run <id> stored (ok) by process <pid>,
    /// child of <sweep's pid>" once it has stored it. The second sweep starts once the
    /// first has stored a run, on the same 10 runs in the same order. A worker that
    /// waits for a lock logs "waiting for <lock>, held by …": workers that waited for
    /// each lock in turn would trail the first sweep, finding each run done as its lock
    /// came free (checked with the workers made to wait: the second sweep computed 0,
    /// 2 and 4 of the 10 runs in three tries, against 4 each time without waiting, and
    /// its logs said "waiting for"). Here a worker that finds its run's lock held exits
    /// at once and its sweep goes on with free runs, coming back to the busy one later,
    /// when it finds it done. So no worker waits, each run is computed once (10
    /// computations, as by one sweep alone), and both sweeps compute some: the work is
    /// shared. Each sweep reports every run it planned `ok`.
    @Test func twoSweepsOnOneStoreShareTheWorkAndComputeEachRunOnce() throws {
        let runs = 10
        let root = try SweepCommandTests.project(methods: SweepCommandTests.slowMethods,
                                                 bits: "[8, 12]", seeds: "[1, 2, 3, 4, 5]")
        defer { root.remove() }
        let arguments = ["run", root.path("experiments/tiny.yaml"), "--root", root.url.path, "--jobs", "2"]
        let first = try HashlabProcess.start(arguments)
        try SweepCommandTests.waitForAStoredRun(root)
        let second = try HashlabProcess.start(arguments)
        let pids = [first.processIdentifier, second.processIdentifier]
        let sweeps = [first, second].map(HashlabProcess.init(waitingFor:))
        for sweep in sweeps {
            #expect(sweep.status == 0, "\(sweep.error)")
            let planned = sweep.output.split(separator: "\n").first { $0.hasPrefix("tiny: ") }
                .flatMap { Int($0.split(separator: ", ").last?.split(separator: " ").first ?? "") }
            #expect(planned.map { sweep.output.components(separatedBy: "] ok ").count - 1 == $0 } == true,
                    "\(sweep.output)")
        }
        let stored = try SweepCommandTests.storedRuns(root)
        let ids = Set(stored.compactMap { $0["id"] as? String })
        #expect(stored.count == runs && ids.count == runs)
        #expect(stored.allSatisfy { $0["status"] as? String == "ok" })

        var computedBy: [Int32: Int] = [:]
        for id in ids {
            let log = try String(contentsOfFile: root.path("results/logs/\(id).log"), encoding: .utf8)
            let computations = log.components(separatedBy: "training ksh").count - 1
            #expect(computations == 1, "run \(id) was computed \(computations) times:\n\(log)")
            #expect(!log.contains("waiting for"), "a worker waited for a lock:\n\(log)")
            let storing = log.split(separator: "\n").filter { $0.contains("run \(id) stored (ok) by process ") }
            #expect(storing.count == 1, "\(log)")
            if let parent = storing.first?.split(separator: " ").last.flatMap({ Int32($0) }) {
                computedBy[parent, default: 0] += 1
            }
        }
        #expect(Set(computedBy.keys).isSubset(of: Set(pids)), "\(computedBy) of sweeps \(pids)")
        #expect(computedBy.values.reduce(0, +) == runs)
        #expect(pids.allSatisfy { computedBy[$0, default: 0] >= 1 },
                "runs computed by each sweep: \(computedBy), of sweeps \(pids)")
    }

    /// A run whose lock another process holds (here `flock(1)`, as a Slurm task or an
    /// orphan of a crashed worker would) is busy: the sweep does the free run first,
    /// then waits for the busy one, and when its holder ends without a result, computes
    /// it itself.
    @Test func aBusyRunWaitsForItsHolderAndIsComputedWhenTheHolderLeavesNoResult() throws {
        let root = try SweepCommandTests.project(methods: "  - method: lsh", bits: "[2, 4]", seeds: "[1, 2]")
        defer { root.remove() }
        let arguments = ["run", root.path("experiments/tiny.yaml"), "--root", root.url.path, "--jobs", "1"]
        #expect(try HashlabProcess(arguments).status == 0)
        let store = root.path("results/runs")
        let ids = try SweepCommandTests.storedRuns(root).compactMap { $0["id"] as? String }
        try #require(ids.count == 4)
        let (busy, free) = (ids[0], ids[1])
        for id in [busy, free] { try FileManager.default.removeItem(atPath: "\(store)/\(id).json") }
        let holder = try FlockHolder.start("\(store)/\(busy).lock", options: "--no-fork")
        defer { FlockHolder.kill9(holder) }

        let process = try HashlabProcess.start(arguments)
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: "\(store)/\(free).json") && Date() < deadline { usleep(10_000) }
        usleep(500_000)
        #expect(process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: "\(store)/\(busy).json"))
        let released = Date()
        FlockHolder.kill9(holder)
        let sweep = HashlabProcess(waitingFor: process)
        #expect(sweep.status == 0, "\(sweep.error)")
        #expect(sweep.output.contains("tiny: 4 runs, 2 done, 2 to run"))
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(store)/\(busy).json")
        #expect(try #require(attributes[.modificationDate] as? Date) >= released.addingTimeInterval(-0.01))
        let log = try String(contentsOfFile: root.path("results/logs/\(busy).log"), encoding: .utf8)
        #expect(log.contains("run \(busy) stored (ok) by process ") && log.hasSuffix("child of \(process.processIdentifier)\n"),
                "\(log)")
    }

    /// The number of descriptors process `pid` has open (the entries of
    /// `/proc/<pid>/fd`), or nil once it has exited.
    static func openDescriptors(of pid: Int32) -> Int? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return entries.isEmpty ? nil : entries.count
    }

    /// `hashlab run` does 300 runs (LSH at 2 bits, the cheapest there is) with 2
    /// workers while its open descriptors are counted every 10 ms, beside the number
    /// of runs stored. A worker starting or ending opens and closes descriptors for a
    /// moment; most of the time both workers compute, so the median of the samples is
    /// what the scheduler holds. It is the same while runs 20–60 are done as while the
    /// last 40 are. A leak of one descriptor per run (each worker's log, kept open by
    /// the scheduler: checked with the fix reverted) makes it about 240 more.
    @Test func openDescriptorsDoNotGrowWithTheRuns() throws {
        let runs = 300
        let root = try SweepCommandTests.project(methods: "  - method: lsh", bits: "[2]",
                                                 seeds: "[\((1...runs).map(String.init).joined(separator: ", "))]")
        defer { root.remove() }
        let store = root.path("results/runs")
        let process = try HashlabProcess.start(["run", root.path("experiments/tiny.yaml"), "--root", root.url.path,
                                                "--jobs", "2"])
        var early: [Int] = []
        var late: [Int] = []
        while process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: store)) ?? []
            let stored = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.count
            if let open = Self.openDescriptors(of: process.processIdentifier) {
                if (20..<60).contains(stored) { early.append(open) }
                if (runs - 40..<runs).contains(stored) { late.append(open) }
            }
            usleep(10_000)
        }
        let sweep = HashlabProcess(waitingFor: process)
        #expect(sweep.status == 0, "\(sweep.error)")
        #expect(try SweepCommandTests.storedRuns(root).count == runs)
        try #require(early.count >= 20 && late.count >= 20, "\(early.count) and \(late.count) samples")
        let median = { (samples: [Int]) in samples.sorted()[samples.count / 2] }
        #expect(median(early) == median(late),
                "open descriptors: \(median(early)) while runs 20–60 were done, \(median(late)) while the last 40 were")
    }
}
