import ArgumentParser
import Datasets
import Foundation

/// `hashlab datasets import KIND --from FILES [--out PATH] [--dataset NAME]`: builds a
/// dataset file from MATLAB source files a researcher holds.
struct ImportDataset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a dataset from source files you hold (xlsa17, lemon-mirflickr, dcmh-mirflickr).",
        discussion: """
            xlsa17:          --from res101.mat att_splits.mat   (AWA2 by default; AWA1/CUB/SUN/APY with --dataset)
            lemon-mirflickr: --from MIRFLICKR.mat
            dcmh-mirflickr:  --from mirflickr25k-yall.mat mirflickr25k-lall.mat [mirflickr25k-iall.mat]
            Files whose names the dataset's manifest lists must match its sha256; every file's sha256 is
            recorded in the dataset. Nothing is written when any check fails.
            """)

    @Argument(help: "The source layout: xlsa17, lemon-mirflickr or dcmh-mirflickr.")
    var kind: String

    @Option(name: .customLong("from"), parsing: .upToNextOption, help: "The source .mat files (v5 or v7.3).")
    var files: [String]

    @Option(name: .long, help: "The dataset's name (default: awa2, mirflickr-lemon or mirflickr-dcmh by kind).")
    var dataset: String?

    @Option(name: .long, help: "Where to write the dataset (default: datasets/data/NAME.h5 under --root).")
    var out: String?

    @OptionGroup var options: RootOption

    func run() throws {
        try reportingErrors {
            let kind = try DatasetImport.Kind(named: kind)
            let name = dataset ?? kind.defaultDataset(files: files)
            let catalog = DatasetCatalog(root: options.root)
            let manifest = FileManager.default.fileExists(atPath: catalog.manifestDirectory + "/\(name).yaml")
                ? try catalog.manifest(name) : nil
            let path = out ?? catalog.dataPath(name)
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                    withIntermediateDirectories: true)
            try DatasetImport(kind: kind, name: name, files: files, manifest: manifest).run(writingTo: path) { print($0) }
        }
    }
}
