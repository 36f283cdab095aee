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

    /// The plans of `paths`, in order; a spec error exits with code 2, an absent dataset
    /// is skipped (with `--skip-missing`) or an error.
    func plans(_ paths: [String], execution: RunExecution) throws -> [ExperimentPlan] {
        var plans: [ExperimentPlan] = []
        for path in paths {
            let spec: ExperimentSpec
            do {
                spec = try ExperimentSpec.load(path: path)
            } catch let error as SpecError {
                FileHandle.standardError.write(Data("hashlab: error: \(error)\n".utf8))
                throw ExitCode(2)
            }
            do {
                _ = try DatasetCatalog(root: root).resolve(spec.dataset)
            } catch let CatalogError.notPresent(name, _, howToGet) where skipMissing {
                print("\(spec.name): skipped, dataset \(name) is not present; to get it: \(howToGet)")
                continue
            }
            do {
                plans.append(try ExperimentPlan(spec: spec, root: root, execution: execution))
            } catch let error as SpecError {
                FileHandle.standardError.write(Data("hashlab: error: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        return plans
    }
}
