import Foundation
import Testing
import TestSupport

/// Regression (issue 16's probe): with standard error unwritable (`2>/dev/full`),
/// hashlab trapped (exit 132) when it logged a phase or reported an error. Messages that
/// cannot be shown are dropped; the exit status still says what happened.
@Suite struct UnwritableStandardErrorTests {
    static func status(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = HashlabProcess.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "hashlab \(arguments.joined(separator: " ")) was killed by a signal")
        return process.terminationStatus
    }

    @Test func logsAndErrorsToAFullStandardErrorKeepTheExitStatus() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path("datasets/data"), withIntermediateDirectories: true)
        try ClusterDataset.write(to: root.path("datasets/data/clusters.h5"))
        #expect(try Self.status(["run-one", "--root", root.url.path, "--dataset", "clusters", "--unseen", "c,d",
                                 "--queries", "10", "--method", "lsh", "--bits", "8"]) == 0)
        #expect(try Self.status(["run-one", "--root", root.url.path, "--dataset", "absent", "--unseen", "c,d",
                                 "--method", "lsh", "--bits", "8"]) == 1)
    }
}
