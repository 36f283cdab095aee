import Foundation
import Pipeline
import TestSupport

/// A project root in a fresh temporary folder for one spec test: spec files written
/// on demand and, optionally, the 4-cluster dataset of ``SingleRunTests`` built as
/// `datasets/data/clusters.h5` (modality `x`, classes a, b, c, d).
struct SpecFixture {
    /// The project's root folder, once `datasets/data/mfeat.h5` is there (`make test`
    /// fetches it first).
    static func projectRootWithMFeat() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: root + "/datasets/data/mfeat.h5") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: root + "/datasets/data/mfeat.h5"])
        }
        return root
    }

    let directory: TemporaryDirectory

    init(withDataset: Bool = true) throws {
        directory = try TemporaryDirectory("hashlab-spec")
        if withDataset {
            try FileManager.default.createDirectory(atPath: directory.path("datasets/data"),
                                                    withIntermediateDirectories: true)
            try ClusterDataset.write(to: directory.path("datasets/data/clusters.h5"))
        }
    }

    /// The project root.
    var root: String { directory.url.path }

    /// Writes `yaml` to `name` under the root (making folders) and returns its path.
    @discardableResult
    func write(_ name: String, _ yaml: String) throws -> String {
        let path = directory.path(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func remove() {
        directory.remove()
    }
}

extension SpecFixture {
    /// The error that loading, then planning, `yaml` (written as `spec.yaml`) throws.
    func error(_ yaml: String) throws -> SpecError? {
        let path = try write("spec.yaml", yaml)
        do {
            _ = try ExperimentSpec.load(path: path).plannedRuns(root: root)
            return nil
        } catch let error as SpecError {
            return error
        }
    }

    /// A location in `spec.yaml`.
    func at(_ line: Int, _ key: String) -> SpecLocation {
        SpecLocation(file: directory.path("spec.yaml"), line: line, key: key)
    }
}
