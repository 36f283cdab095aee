import ArgumentParser
import Datasets

/// `hashlab datasets verify NAME`: checks a built dataset's structure, that it holds
/// items and labels, and that the source checksums it records match its manifest.
struct VerifyDataset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Validate a dataset file and compare its recorded source checksums with the manifest.")

    @Argument(help: "A dataset name (looked up in datasets/data) or a path to an .h5 file.")
    var name: String

    @OptionGroup var options: RootOption

    func run() throws {
        let lines = try reportingErrors {
            try DatasetVerification(catalog: DatasetCatalog(root: options.root)).verify(name)
        }
        lines.forEach { print($0) }
    }
}
