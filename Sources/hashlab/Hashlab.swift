import ArgumentParser
import Pipeline

@main
struct Hashlab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hashlab",
        abstract: "Reproducible learning-to-hash experiments: train, rank by Hamming distance, report mAP.",
        version: RuntimeVersions.summary,
        subcommands: [Evaluate.self, RunOne.self, ListMethods.self, DatasetsCommand.self, Diff.self])
}
