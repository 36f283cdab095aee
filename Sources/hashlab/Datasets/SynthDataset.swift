import ArgumentParser
import Datasets
import Foundation
import Pipeline

/// `hashlab datasets synth NAME --seed S`: generates a synthetic dataset at a paper's
/// shape and writes it atomically (by default to `datasets/data/NAME.h5`).
struct SynthDataset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a seeded synthetic dataset (\(SyntheticDatasets.names.joined(separator: ", "))).",
        discussion: "The same seed gives the same features, byte for byte.")

    @Argument(help: "The synthetic dataset's name.")
    var name: String

    @Option(help: "The seed every random draw derives from.")
    var seed: UInt64

    @Option(help: "Where to write the .h5 file (default: datasets/data/NAME.h5 under the root).")
    var out: String?

    @OptionGroup var options: RootOption

    func run() throws {
        try reportingErrors {
            let generator = try SyntheticDatasets.generator(named: name)
            let catalog = DatasetCatalog(root: options.root)
            let path = out ?? catalog.dataPath(name)
            let phases = TimedPhases { print("\(name): \($0)") }
            let contents = SyntheticDatasets.contents(of: generator, seed: seed,
                                                      hashlabVersion: RuntimeVersions.hashlab, phases: phases)
            if out == nil {
                try FileManager.default.createDirectory(atPath: catalog.dataDirectory, withIntermediateDirectories: true)
            }
            try phases.run("write") { try contents.write(to: path) }
            print("wrote \(path): \(contents.count) items, "
                  + contents.modalities.map { "\($0.name) \($0.features.columns)-d" }.joined(separator: ", ")
                  + ", \(contents.classes.count) classes")
        }
    }
}
