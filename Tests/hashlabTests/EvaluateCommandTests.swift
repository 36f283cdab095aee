import Datasets
import Foundation
import HashCore
import Linalg
import TestSupport
import Testing

/// Runs the built `hashlab` executable as a researcher would.
struct HashlabProcess {
    let status: Int32
    let output: String
    let error: String

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("hashlab")
    }

    /// Runs `hashlab arguments` to its end, with `environment` added to this process's.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        self.init(waitingFor: try Self.start(arguments, environment: environment))
    }

    /// Waits for a process ``start(_:)`` started and collects its output.
    init(waitingFor process: Process) {
        let outputData = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        let errorData = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: outputData, as: UTF8.self)
        error = String(decoding: errorData, as: UTF8.self)
    }

    /// Starts `hashlab arguments` with its standard output and error in pipes, without
    /// waiting for it, with `environment` added to this process's.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }
}

@Suite struct EvaluateCommandTests {
    @Test func evaluatePrintsAndWritesTheMetricsOfAnIndependentComputation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = SeededGenerator(seed: 2026)
        let queries = CodeFile(
            codes: RandomFixtures.codes(count: 40, bits: 16, distinctCodes: 50, generator: &generator),
            labels: RandomFixtures.labels(count: 40, classes: 6, density: 0.25, generator: &generator))
        let database = CodeFile(
            codes: RandomFixtures.codes(count: 500, bits: 16, distinctCodes: 120, generator: &generator),
            labels: RandomFixtures.labels(count: 500, classes: 6, density: 0.25, generator: &generator))
        try queries.write(to: directory.path("queries.h5"))
        // The database as ±1 int8, the other layout a researcher may bring.
        try HDF5File.write(to: directory.path("database.h5")) { file in
            try file.write(database.codes.signs(as: Float.self).map { Int8($0) }, to: "/codes")
            try file.write(database.labels, to: "/labels")
        }
        let result = try HashlabProcess([
            "evaluate", "--queries", directory.path("queries.h5"),
            "--database", directory.path("database.h5"), "-k", "50", "--json", directory.path("report.json"),
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("40 queries × 500 database items, 16 bits"))
        #expect(result.output.contains("mAP@50"))

        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: directory.path("report.json")))) as! [String: Any]
        let map = json["map"] as! [String: Double]
        let references = (0..<40).map {
            BruteForceRanking(query: $0, queries: queries.codes, queryLabels: queries.labels,
                              database: database.codes, databaseLabels: database.labels)
        }
        let indexOrder = references.map { $0.averagePrecision() }.reduce(0, +) / 40
        let tieAware = references.map { $0.expectedAveragePrecision() }.reduce(0, +) / 40
        #expect(abs(map["index_order"]! - indexOrder) < 1e-6)
        #expect(abs(map["tie_aware"]! - tieAware) < 1e-6)
        let atCutoffs = json["at_cutoffs"] as! [[String: Any]]
        let precision = (atCutoffs[0]["precision"] as! [String: Double])["index_order"]!
        let expectedPrecision = references.map { Double($0.hits(cutoff: 50)) / 50 }.reduce(0, +) / 40
        #expect(abs(precision - expectedPrecision) < 1e-6)
        #expect(result.output.contains(String(format: "%10.4f", tieAware)))
    }

    @Test func aMissingDatasetFailsWithTheFileAndPathAndLeavesTheOldReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try HDF5File.write(to: directory.path("codes.h5")) { file in
            try file.write(Matrix<UInt64>(rows: 2, columns: 1, elements: [1, 2]), to: "/codes")
        }
        let reportPath = directory.path("report.json")
        try Data("previous report".utf8).write(to: URL(fileURLWithPath: reportPath))
        let result = try HashlabProcess([
            "evaluate", "--queries", directory.path("codes.h5"), "--database", directory.path("codes.h5"),
            "--json", reportPath,
        ])
        #expect(result.status == 3, "a data error")
        #expect(result.error.contains("codes.h5"))
        #expect(result.error.contains("/labels"))
        #expect(try String(contentsOfFile: reportPath, encoding: .utf8) == "previous report")
        #expect(try directory.contents() == ["codes.h5", "report.json"])
    }

    @Test func versionNamesTheLibraries() throws {
        let result = try HashlabProcess(["--version"])
        #expect(result.status == 0)
        #expect(result.output.contains("hashlab 0.1.0"))
        #expect(result.output.contains("OpenBLAS"))
        #expect(result.output.contains("HDF5: 1."))
    }
}
