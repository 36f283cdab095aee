import Foundation
import Testing

/// The Slurm cluster the integration tests submit to (`scripts/slurm-local.sh up`
/// starts one here): present when `scontrol ping` says the controller is up. Tests
/// needing it are skipped otherwise — unless `HASHLAB_REQUIRE_SLURM=1` (CI), when they
/// run and fail with `scontrol`'s answer.
enum SlurmCluster {
    /// `scontrol ping`'s output when it failed, nil when the controller answered.
    static let problem: String? = {
        let output = run("scontrol", ["ping"])
        return output.status == 0 && output.text.contains("UP") ? nil : "scontrol ping: \(output.text)"
    }()

    static var required: Bool { ProcessInfo.processInfo.environment["HASHLAB_REQUIRE_SLURM"] == "1" }

    /// Whether the Slurm tests run: the cluster is up, or it is required.
    static var testsEnabled: Bool { problem == nil || required }

    static let skipReason: Comment = """
        no Slurm cluster (scontrol ping fails; start one with scripts/slurm-local.sh up, \
        or set HASHLAB_REQUIRE_SLURM=1 to fail instead of skipping)
        """

    /// Fails the test when the cluster is required and down.
    static func require() throws {
        try #require(problem == nil, "HASHLAB_REQUIRE_SLURM=1 but the cluster is not up: \(problem ?? "")")
    }

    /// Why `sacct` cannot answer on this cluster (no cluster, accounting off in
    /// `scontrol show config`, or sacct failing), nil when it answers.
    static let accountingProblem: String? = {
        if let problem { return problem }
        let type = run("scontrol", ["show", "config"]).text.split(separator: "\n")
            .first { $0.hasPrefix("AccountingStorageType") }?.split(separator: "=").last?
            .trimmingCharacters(in: .whitespaces) ?? "absent"
        guard type != "accounting_storage/none", type != "absent" else {
            return "accounting is off (AccountingStorageType \(type))"
        }
        let sacct = run("sacct", ["-n", "-X", "-j", "1"])
        return sacct.status == 0 ? nil : "sacct: \(sacct.text)"
    }()

    /// Whether the accounting tests must run: HASHLAB_REQUIRE_SLURM=1 and
    /// HASHLAB_SLURM_ACCOUNTING=1 (CI, which starts the cluster with accounting).
    static var accountingRequired: Bool {
        required && ProcessInfo.processInfo.environment["HASHLAB_SLURM_ACCOUNTING"] == "1"
    }

    /// Whether the tests needing `sacct` run: it answers, or it is required.
    static var accountingTestsEnabled: Bool { accountingProblem == nil || accountingRequired }

    static let accountingSkipReason: Comment = """
        no Slurm accounting (sacct does not answer; start the cluster with scripts/slurm-local.sh up --accounting, \
        or set HASHLAB_REQUIRE_SLURM=1 and HASHLAB_SLURM_ACCOUNTING=1 to fail instead of skipping)
        """

    /// Fails the test when accounting is required and sacct does not answer.
    static func requireAccounting() throws {
        try #require(accountingProblem == nil,
                     "HASHLAB_SLURM_ACCOUNTING=1 but sacct does not answer: \(accountingProblem ?? "")")
    }

    /// The cluster's MaxArraySize, read from `scontrol show config` here independently of hashlab.
    static func maxArraySize() throws -> Int {
        let line = run("scontrol", ["show", "config"]).text.split(separator: "\n").first { $0.hasPrefix("MaxArraySize") }
        return try #require(line.flatMap { Int($0.split(separator: "=").last?.trimmingCharacters(in: .whitespaces) ?? "") })
    }

    /// Runs a Slurm command found on PATH (through /usr/bin/env) to its end, with
    /// `environment` added to this process's: status and standard output followed by
    /// standard error.
    @discardableResult
    static func run(_ command: String, _ arguments: [String],
                    environment: [String: String] = [:]) -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (127, "\(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
