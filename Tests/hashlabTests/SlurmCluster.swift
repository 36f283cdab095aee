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
