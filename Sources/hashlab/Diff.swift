import ArgumentParser
import Foundation
import Pipeline

/// `hashlab diff A B`: which cells of the report tables moved between two runs of the
/// reports, with the exit status of diff(1): 0 nothing moved, 1 something moved,
/// 2 trouble.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare report CSV tables (two files or two directories) cell by cell.",
        discussion: """
            Rows are matched by their leading key columns, columns by name. Numbers count \
            as moved when they differ by more than the tolerance; other cells when their \
            text differs. Directories are searched for .csv files, which are compared by \
            relative path; files on one side only are listed. Exit status: 0 when nothing \
            moved, 1 when something moved or a file is on one side only, 2 on errors.
            """)

    @Argument(help: "The old table or directory of tables (A).")
    var old: String

    @Argument(help: "The new table or directory of tables (B).")
    var new: String

    @Option(name: .long, help: "Largest difference between two numbers that does not count as a move.")
    var tolerance: Double = 0.005

    func run() throws {
        let report: TableDiff.Report
        do {
            report = try TableDiff(tolerance: tolerance).compare(old: old, new: new)
        } catch {
            FileHandle.standardError.write(Data("hashlab: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if report.isEmpty {
            print("No cell moved by more than \(tolerance).")
            return
        }
        print(report)
        throw ExitCode(1)
    }
}
