import ArgumentParser
import Foundation
import Pipeline

/// `hashlab diff A B`: which cells of the report tables, or which metrics of the stored
/// runs (two result stores), moved between A and B, with the exit status of diff(1):
/// 0 nothing moved, 1 something moved, 2 trouble.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare report CSV tables (two files or two directories) cell by cell, or two result stores run by run.",
        discussion: """
            Rows are matched by their leading key columns, columns by name. Numbers count \
            as moved when they differ by more than the tolerance; other cells when their \
            text differs (n/a, a cell of runs not applicable, equals n/a and differs from \
            any number). Directories are searched for .csv files, which are compared by \
            relative path; files on one side only are listed. Two directories of run files \
            (e.g. two results/runs) are compared as result stores: every metric of the runs \
            in both (same run id), and the runs in one store only or with another status \
            (ok, failed, not_applicable) in the other; a run file that does not read as a run is an error. Exit status: 0 \
            when nothing moved, 1 when something moved or a file or run is on one side only, 2 on errors.
            """)

    @Argument(help: "The old table or directory of tables (A).")
    var old: String

    @Argument(help: "The new table or directory of tables (B).")
    var new: String

    @Option(name: .long, help: "Largest difference between two numbers that does not count as a move.")
    var tolerance: Double = 0.005

    func run() throws {
        if let stores = StoreDiff.stores(old: old, new: new) {
            let report: StoreDiff.Report
            do {
                report = try StoreDiff(tolerance: tolerance).compare(old: stores.old, new: stores.new)
            } catch {
                StandardError.write("hashlab: error: \(error)\n")
                throw ExitCode(2)
            }
            try finish(moved: report.isEmpty ? nil : report.description, unit: "metric")
            return
        }
        let report: TableDiff.Report
        do {
            report = try TableDiff(tolerance: tolerance).compare(old: old, new: new)
        } catch {
            StandardError.write("hashlab: error: \(error)\n")
            throw ExitCode(2)
        }
        try finish(moved: report.isEmpty ? nil : report.description, unit: "cell")
    }

    /// Prints what moved and exits 1, or says that no `unit` moved.
    private func finish(moved: String?, unit: String) throws {
        guard let moved else {
            print("No \(unit) moved by more than \(tolerance).")
            return
        }
        print(moved)
        throw ExitCode(1)
    }
}
