import Datasets
import Linalg

/// The small two-modality dataset of the cross-modal and online tests, `pairs`: 160
/// items in 4 classes (item i in class i mod 4), each seen through two views of its
/// class — modality `a` (6-d) and modality `b` (9-d), each its own Gaussian class
/// centres (N(0, 9·I)) plus unit noise, so that the views share nothing but the
/// labels; seeded, so every test sees the same bytes.
public enum PairedClusterDataset {
    public static let count = 160

    public static func write(to path: String) throws {
        var generator = SeededGenerator(seed: 78)
        func view(dimension: Int) -> Matrix<Float> {
            let centres = generator.normalMatrix(rows: 4, columns: dimension, as: Float.self).scaled(by: 3)
            var features = generator.normalMatrix(rows: count, columns: dimension, as: Float.self)
            for item in 0..<count {
                for column in 0..<dimension { features[item, column] += centres[item % 4, column] }
            }
            return features
        }
        let a = view(dimension: 6)
        let b = view(dimension: 9)
        var labels = Matrix<UInt8>(rows: count, columns: 4, repeating: 0)
        for item in 0..<count { labels[item, item % 4] = 1 }
        try DatasetContents(name: "pairs", modalities: [.init(name: "a", features: a), .init(name: "b", features: b)],
                            labels: labels, classes: ["w", "x", "y", "z"]).write(to: path)
    }
}
