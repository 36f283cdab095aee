import ArgumentParser
import Datasets
import Foundation
import Pipeline

/// Options shared by `plan`, `run` and `report`: the project root, the results
/// directory (store in `runs/`, reports in `tables/` and `ablations/`), and whether
/// specs whose dataset is absent are skipped with the command that would get it.
struct ResultsOptions: ParsableArguments {
    @Option(name: .long, help: "Project root holding datasets/ (default: the current directory).")
    var root: String = "."

    @Option(name: .long, help: "Results directory (default: ROOT/results).")
    var results: String?

    @Flag(name: .long, help: "Skip specs whose dataset is not present (saying how to get it) instead of failing.")
    var skipMissing = false

    var resultsDirectory: String { results ?? (root as NSString).appendingPathComponent("results") }
    var store: RunStore { RunStore(directory: (resultsDirectory as NSString).appendingPathComponent("runs")) }

    /// The specs at `paths`, in order, each of more than ``LargeSweepWarning/threshold``
    /// runs warned about on standard error; a spec error exits with code 2.
    func specs(_ paths: [String]) throws -> [ExperimentSpec] {
        try paths.map { path in
            do {
                let spec = try ExperimentSpec.load(path: path)
                if let warning = LargeSweepWarning(spec) { StandardError.write("\(warning)\n") }
                return spec
            } catch let error as SpecError {
                throw specExit(printing: error)
            }
        }
    }

    /// The plans of `specs`, in order; a spec error exits with code 2, a spec whose
    /// dataset is absent is skipped (with `--skip-missing`) or a spec error at its
    /// `dataset` line (exit code 2, as in `hashlab plan`).
    func plans(_ specs: [ExperimentSpec], execution: RunExecution) throws -> [ExperimentPlan] {
        var plans: [ExperimentPlan] = []
        for spec in specs {
            do {
                plans.append(try ExperimentPlan(spec: spec, root: root, execution: execution))
            } catch SpecError.dataset(_, .notPresent(let name, _, let howToGet)) where skipMissing {
                print("\(spec.name): skipped, dataset \(name) is not present; to get it: \(howToGet)")
            } catch let error as SpecError {
                throw specExit(printing: error)
            }
        }
        return plans
    }
}
