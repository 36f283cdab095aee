import Datasets
import Linalg

/// The small dataset of the pipeline and CLI tests, `clusters`: 4 Gaussian clusters
/// (classes a–d, centres N(0, 9·I)) in 6-d with unit noise, 30 items each, item i in
/// class i mod 4, one modality `x`; seeded, so every test sees the same bytes.
public enum ClusterDataset {
    public static func write(to path: String) throws {
        var generator = SeededGenerator(seed: 77)
        let centres = generator.normalMatrix(rows: 4, columns: 6, as: Float.self).scaled(by: 3)
        var features = generator.normalMatrix(rows: 120, columns: 6, as: Float.self)
        var labels = Matrix<UInt8>(rows: 120, columns: 4, repeating: 0)
        for item in 0..<120 {
            labels[item, item % 4] = 1
            for column in 0..<6 { features[item, column] += centres[item % 4, column] }
        }
        try DatasetContents(name: "clusters", modalities: [.init(name: "x", features: features)], labels: labels,
                            classes: ["a", "b", "c", "d"]).write(to: path)
    }
}
