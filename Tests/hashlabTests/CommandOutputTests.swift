import Foundation
import Testing
import TestSupport

/// Regressions (issue 16's probe) for what the commands say when their output cannot
/// go where it should, or their input is not what it claims: a full standard output,
/// an unwritable report folder, a corrupt run file in `hashlab diff`, and the warning
/// before a large sweep.
@Suite struct CommandOutputTests {
    /// Runs `hashlab arguments` with standard output on `/dev/full`; its status and
    /// standard error.
    static func toFullOutput(_ arguments: [String]) throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = HashlabProcess.executable
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let error = Pipe()
        process.standardError = error
        try process.run()
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `plan … >/dev/full` and `methods >/dev/full` exited 0 having shown nothing.
    @Test func aFullStandardOutputIsAnError() throws {
        try #require(FileManager.default.fileExists(atPath: RunOneCommandTests.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data(BadSpec.valid.utf8).write(to: URL(fileURLWithPath: directory.path("spec.yaml")))
        let message = "hashlab: error: cannot write standard output: No space left on device\n"
        let plan = try Self.toFullOutput(["plan", directory.path("spec.yaml"), "--root", RunOneCommandTests.root,
                                          "--results", directory.path("results")])
        #expect(plan.status == 1 && plan.error == message, "\(plan)")
        let methods = try Self.toFullOutput(["methods"])
        #expect(methods.status == 1 && methods.error == message, "\(methods)")
        let written = try HashlabProcess(["methods"])
        #expect(written.status == 0 && written.error.isEmpty && !written.output.isEmpty)
    }

    /// A report folder that cannot be made gave Foundation's `Code=642`; the message
    /// names the path and the system's reason.
    @Test func anUnwritableReportFolderIsNamedWithItsReason() throws {
        try #require(FileManager.default.fileExists(atPath: RunOneCommandTests.root + "/datasets/data/mfeat.h5"),
                     "run `make test`, which fetches mfeat first")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spec = directory.path("spec.yaml")
        try Data(BadSpec.valid.utf8).write(to: URL(fileURLWithPath: spec))
        try FileManager.default.createDirectory(atPath: directory.path("results"), withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: directory.path("results/tables")))
        let blocked = try HashlabProcess(["report", spec, "--root", RunOneCommandTests.root,
                                          "--results", directory.path("results")])
        #expect(blocked.status == 1)
        #expect(blocked.error == "hashlab: error: cannot write reports to \(directory.path("results/tables")): is a file, "
                + "where reports need a folder\n")
        let impossible = "/proc/hashlab-\(UUID().uuidString)"
        let proc = try HashlabProcess(["report", spec, "--root", RunOneCommandTests.root, "--results", impossible])
        #expect(proc.status == 1)
        #expect(proc.error == "hashlab: error: cannot write reports to \(impossible): No such file or directory\n")
    }

    /// `hashlab diff` called a corrupt run file's run "only in" the other store; it is
    /// an error (exit 2) naming the file and what is wrong with it.
    @Test func aCorruptRunFileIsNamedNotMissing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for store in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: directory.path(store), withIntermediateDirectories: true)
        }
        let id = String(repeating: "0123456789abcdef", count: 4)
        let truncated = directory.path("a/\(id).json")
        try Data("{\"id\": \"\(id)\", \"sta".utf8).write(to: URL(fileURLWithPath: truncated))
        let diff = try HashlabProcess(["diff", directory.path("a"), directory.path("b")])
        #expect(diff.status == 2)
        #expect(diff.output.isEmpty)
        #expect(diff.error == "hashlab: error: \(truncated): not a run file (not JSON)\n")

        let other = String(repeating: "fedcba9876543210", count: 4)
        let incomplete = directory.path("b/\(other).json")
        try Data("{\"id\": \"\(other)\"}".utf8).write(to: URL(fileURLWithPath: incomplete))
        let both = try HashlabProcess(["diff", directory.path("a"), directory.path("b")])
        #expect(both.status == 2)
        let lines = both.error.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0] == "hashlab: error: \(truncated): not a run file (not JSON)", "\(lines)")
        #expect(lines.last?.hasPrefix("\(incomplete): not a run file (") == true
                && lines.last?.hasSuffix(" is missing)") == true, "\(lines)")
    }

    /// Regression (issue 16's probe): a spec naming a dataset that is known but not built
    /// exited 2 with `file:line` under `plan` and 1 without a location under `run`; both
    /// now give the same spec error (exit 2), and `run` writes nothing.
    @Test func planAndRunAgreeOnADatasetNotBuilt() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path("datasets"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: RunOneCommandTests.root + "/datasets/mfeat.yaml",
                                         toPath: root.path("datasets/mfeat.yaml"))
        let spec = root.path("spec.yaml")
        try Data(BadSpec.valid.utf8).write(to: URL(fileURLWithPath: spec))
        let expected = "hashlab: error: \(spec):2: dataset: dataset mfeat is not present at "
            + root.path("datasets/data/mfeat.h5")
        var messages: [String] = []
        for command in ["plan", "run"] {
            let process = try HashlabProcess([command, spec, "--root", root.url.path])
            #expect(process.status == 2, "\(command): \(process.error)")
            #expect(process.error.hasPrefix(expected), "\(command): \(process.error)")
            messages.append(process.error)
        }
        #expect(messages[0] == messages[1])
        #expect(!FileManager.default.fileExists(atPath: root.path("results")))
    }

    /// A spec of more than 10,000 runs is warned about, with its count, before anything
    /// is planned or run: here `run` then stops at an `--only` value no run has, and
    /// `plan` at the spec's missing dataset.
    @Test func largeSweepsAreWarnedAboutFirst() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spec = directory.path("large.yaml")
        try Data("""
            experiment: large
            dataset: absent
            protocol: {unseen: [a]}
            bits: [8, 16]
            seeds: [\((1...5001).map(String.init).joined(separator: ", "))]
            methods: [{method: lsh}]
            """.utf8).write(to: URL(fileURLWithPath: spec))
        let warning = "hashlab: warning: \(spec): large expands to 10002 runs (more than 10000); planning them takes "
            + "a while and running them 10002 times a run's time — narrow the sweep, or take a slice with --only\n"
        let run = try HashlabProcess(["run", spec, "--only", "bits=64", "--root", directory.url.path])
        #expect(run.status == 2)
        #expect(run.error.hasPrefix(warning + "hashlab: error: --only: no run has bits=64"), "\(run.error)")
        let plan = try HashlabProcess(["plan", spec, "--root", directory.url.path])
        #expect(plan.status == 2)
        #expect(plan.error.hasPrefix(warning + "hashlab: error: \(spec):2: dataset: "), "\(plan.error)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("results")))

        try Data(String(contentsOfFile: spec, encoding: .utf8).replacingOccurrences(of: ", 5001]", with: "]").utf8)
            .write(to: URL(fileURLWithPath: spec))
        let exactly = try HashlabProcess(["plan", spec, "--root", directory.url.path])
        #expect(exactly.status == 2)
        #expect(exactly.error.hasPrefix("hashlab: error: \(spec):2: dataset: "), "10,000 runs: no warning")
    }
}
