import ArgumentParser
import Pipeline

@main
struct Hashlab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hashlab",
        abstract: "Reproducible learning-to-hash experiments: train, rank by Hamming distance, report mAP.",
        version: RuntimeVersions.summary,
        subcommands: [Evaluate.self, RunOne.self, Plan.self, Run.self, Report.self, Diff.self, ListMethods.self,
                      DatasetsCommand.self])
}
