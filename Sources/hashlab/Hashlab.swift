import ArgumentParser
import Foundation
import Pipeline

@main
struct Hashlab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hashlab",
        abstract: "Reproducible learning-to-hash experiments: train, rank by Hamming distance, report mAP.",
        version: RuntimeVersions.summary,
        subcommands: [Evaluate.self, RunOne.self, Plan.self, Run.self, Status.self, Report.self, Diff.self, ListMethods.self,
                      DatasetsCommand.self])

    /// Restarts on the reproducible BLAS kernels when needed (``BLASKernelFamily``),
    /// then runs the command; a command that succeeded but whose standard output could
    /// not be written (``StandardOutput/flush()``) exits with code 1 and says why.
    static func main() {
        do {
            try BLASKernelFamily.enforce()
        } catch {
            StandardError.write("hashlab: error: \(error)\n")
            Foundation.exit(2)
        }
        main(nil)
        if let reason = StandardOutput.flush() {
            StandardError.write("hashlab: error: cannot write standard output: \(reason)\n")
            Foundation.exit(1)
        }
    }
}
