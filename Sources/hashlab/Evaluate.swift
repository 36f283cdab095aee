import ArgumentParser
import Datasets
import FileIO
import Foundation
import HashCore
import Pipeline

/// `hashlab evaluate`: parses arguments, runs `CodeEvaluation`, prints or writes the report.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score query codes against database codes by Hamming ranking.",
        discussion: """
            Each file holds /codes (uint64 [N, W] packed, with an integer attribute \
            'bits'; or int8/float32/float64 [N, K] of +1/-1) and /labels (uint8 [N, C] \
            multi-hot). Relevant = sharing at least one label. Values are given tie-aware \
            (expected over random order within equal distances) and with ties broken by \
            database index.
            """)

    @Option(name: .long, help: "Code file of the queries.")
    var queries: String

    @Option(name: .long, help: "Code file of the database.")
    var database: String

    @Option(name: [.customLong("cutoff"), .customShort("k")],
            help: "K for mAP@K, P@K and R@K (repeatable).")
    var cutoffs: [Int] = [100, 1000]

    @Flag(name: .long, help: "Leave queries without relevant items out of the means (default: AP = 0).")
    var excludeQueriesWithoutRelevant = false

    @Option(name: .long, help: "Also write the report as JSON to this file.")
    var json: String?

    func run() throws {
        let evaluation = CodeEvaluation(
            queriesPath: queries, databasePath: database, cutoffs: cutoffs,
            queriesWithoutRelevant: excludeQueriesWithoutRelevant ? .exclude : .countAsZero)
        let report = try reportingErrors { try evaluation.run() }
        print(report.table)
        if let json {
            try reportingErrors { try writeAtomically(report.json(), to: json) }
        }
    }
}
