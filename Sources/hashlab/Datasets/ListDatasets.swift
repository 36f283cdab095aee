import ArgumentParser
import Datasets
import Foundation

/// `hashlab datasets list`: the known datasets, whether each is built, and its size.
struct ListDatasets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List known datasets and which are present.")

    @OptionGroup var options: RootOption

    func run() throws {
        let catalog = DatasetCatalog(root: options.root)
        let manifests = try reportingErrors { try catalog.manifests() }
        let width = max(4, manifests.map(\.name.count).max() ?? 0)
        print("name".padding(toLength: width, withPad: " ", startingAt: 0) + "  importer             status")
        for manifest in manifests {
            let path = catalog.dataPath(manifest.name)
            let status: String
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber {
                status = String(format: "present, %.1f MB (%@)", size.doubleValue / 1e6, path)
            } else {
                status = "absent: " + catalog.howToGet(manifest)
            }
            print(manifest.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                  + manifest.importer.padding(toLength: 19, withPad: " ", startingAt: 0) + "  " + status)
        }
    }
}
