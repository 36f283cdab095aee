import Datasets
import Foundation
import Linalg

/// A project root for the spec fuzzer: `datasets/data/mfeat.h5` and `clusters.h5`,
/// small stand-ins with the names, modalities and classes the repository's specs and
/// test specs use (mfeat: classes 0…9, views fac, fou, kar, mor, pix, zer; clusters:
/// classes a…d, modality x), so that seed specs get through planning quickly.
public enum FuzzDatasetRoot {
    /// Builds the root once per process and returns its path.
    public static let path: String = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hashlab-fuzz-root-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: root + "/datasets/data", withIntermediateDirectories: true)
        write(name: "mfeat", classes: (0..<10).map(String.init), modalities: ["fac", "fou", "kar", "mor", "pix", "zer"],
              perClass: 6, to: root + "/datasets/data/mfeat.h5")
        write(name: "clusters", classes: ["a", "b", "c", "d"], modalities: ["x"], perClass: 15,
              to: root + "/datasets/data/clusters.h5")
        return root
    }()

    private static func write(name: String, classes: [String], modalities: [String], perClass: Int, to path: String) {
        let count = classes.count * perClass
        var labels = Matrix<UInt8>(rows: count, columns: classes.count, repeating: 0)
        for item in 0..<count { labels[item, item % classes.count] = 1 }
        var generator = SeededGenerator(seed: 1)
        let contents = DatasetContents(
            name: name,
            modalities: modalities.enumerated().map { index, modality in
                .init(name: modality, features: generator.normalMatrix(rows: count, columns: 4 + index, as: Float.self))
            },
            labels: labels, classes: classes,
            splits: [.init(name: "lemon", parts: [(name: "train", items: Array(0..<(count - 10))),
                                                  (name: "test", items: Array((count - 10)..<count))])])
        do {
            try contents.write(to: path)
        } catch {
            fatalError("cannot write the fuzzer's dataset \(path): \(error)")
        }
    }
}
