import Foundation
import Linalg

/// Builds a dataset from LEMON's `MIRFLICKR.mat` (Wang et al., MM 2020): `I_tr`
/// (18,015 × 512 GIST image features) and `I_te` (2,000 × 512), `T_tr`/`T_te`
/// (× 1,386 tag vectors), `L_tr`/`L_te` (× 24 multi-hot labels). Train items come
/// first, then test items; modalities `image` and `text`; LEMON's partition is kept
/// as the split `/splits/lemon/{train, test}`; classes are named `label-01`…. Each
/// matrix may be stored either way round: its item axis is matched to the label
/// count of its part.
enum LemonMIRFlickrImporter {
    static func contents(_ sources: MATSources, name: String) throws -> DatasetContents {
        var image: [Matrix<Float>] = []
        var text: [Matrix<Float>] = []
        var labels: [Matrix<UInt8>] = []
        for part in ["tr", "te"] {
            let partLabels = try sources.multiHotLabels("L_\(part)")
            image.append(try sources.itemRows("I_\(part)", items: partLabels.rows))
            text.append(try sources.itemRows("T_\(part)", items: partLabels.rows))
            labels.append(partLabels)
        }
        let labelFile = try sources.file(holding: "L_te")
        for (variable, pair) in [("I_te", image), ("T_te", text)] where pair[0].columns != pair[1].columns {
            throw ImportError.countMismatch(file: try sources.file(holding: variable).path, variable: variable,
                                            found: pair[1].columns, expected: pair[0].columns,
                                            reference: "\(variable.prefix(1))_tr (feature dimensions)")
        }
        guard labels[0].columns == labels[1].columns else {
            throw ImportError.countMismatch(file: labelFile.path, variable: "L_te", found: labels[1].columns,
                                            expected: labels[0].columns, reference: "L_tr (classes)")
        }
        let trainCount = labels[0].rows
        let total = trainCount + labels[1].rows
        return DatasetContents(
            name: name,
            modalities: [.init(name: "image", features: stacked(image)), .init(name: "text", features: stacked(text))],
            labels: stacked(labels),
            classes: (1...labels[0].columns).map { "label-" + String(format: "%02d", $0) },
            splits: [.init(name: "lemon", parts: [("train", Array(0..<trainCount)), ("test", Array(trainCount..<total))])])
    }

    /// The rows of `parts` one after another.
    static func stacked<T>(_ parts: [Matrix<T>]) -> Matrix<T> {
        Matrix(rows: parts.reduce(0) { $0 + $1.rows }, columns: parts[0].columns,
               elements: parts.flatMap(\.elements))
    }
}
