import ArgumentParser
import Datasets

/// `hashlab datasets info NAME`: opens (and so validates) a dataset and describes it.
struct DatasetInfo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Describe a dataset: modalities, items, classes, splits, provenance.")

    @Argument(help: "A dataset name (looked up in datasets/data) or a path to an .h5 file.")
    var name: String

    @OptionGroup var options: RootOption

    func run() throws {
        let dataset = try reportingErrors {
            try Dataset(path: DatasetCatalog(root: options.root).resolve(name))
        }
        print(dataset.summary)
    }
}
