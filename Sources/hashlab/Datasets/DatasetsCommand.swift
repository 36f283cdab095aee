import ArgumentParser

/// `hashlab datasets …`: list, inspect, fetch, import, generate and verify datasets.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List, inspect, fetch, import, generate and verify datasets.",
        subcommands: [ListDatasets.self, DatasetInfo.self, FetchDataset.self, ImportDataset.self, SynthDataset.self,
                      VerifyDataset.self])
}

/// The project root option shared by the dataset commands.
struct RootOption: ParsableArguments {
    @Option(name: .long, help: "Project root holding datasets/ (default: the current directory).")
    var root: String = "."
}
