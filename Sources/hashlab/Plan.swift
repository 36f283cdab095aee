import ArgumentParser
import Datasets
import Foundation
import Pipeline

/// `hashlab plan`: expand experiment specs into their runs and check them before
/// anything runs, and count what the store has done. A spec error is printed with its
/// file, line and key, the other specs are still planned, and the exit code is 2. A
/// store `hashlab run` could not write into (``RunStore/checkWritable()``) is an error
/// (exit 1) before anything is planned. A spec of more than
/// ``LargeSweepWarning/threshold`` runs is warned about before it is planned.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Expand experiment specs into runs and check them; show the number of runs and the first few.",
        discussion: "Example: hashlab plan experiments/aszh-ratio.yaml")

    @Argument(help: "Experiment spec files (experiments/*.yaml).")
    var specs: [String]

    @OptionGroup var options: ResultsOptions

    func run() throws {
        var specErrors = 0
        let execution = RunExecution(store: options.store, catalog: DatasetCatalog(root: options.root))
        try reportingErrors { try options.store.checkWritable() }
        try reportingErrors {
            for path in specs {
                do {
                    let spec = try ExperimentSpec.load(path: path)
                    if let warning = LargeSweepWarning(spec) { StandardError.write("\(warning)\n") }
                    let plan = try ExperimentPlan(spec: spec, root: options.root, execution: execution)
                    print(PlanSummary(spec: spec, runs: plan.runs.map(\.run), done: plan.runs.filter {
                        plan.done.contains($0.id)
                    }.count, notApplicable: plan.runs.filter { plan.notApplicable[$0.id] != nil }.count).text())
                } catch let error as SpecError {
                    StandardError.write("hashlab: error: \(error)\n")
                    specErrors += 1
                }
            }
        }
        if specErrors > 0 { throw ExitCode(2) }
    }
}
