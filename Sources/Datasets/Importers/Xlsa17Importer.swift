import Linalg

/// Builds a dataset from the xlsa17 archive's pair of files (Xian et al., TPAMI 2019),
/// the layout of AWA1, AWA2, CUB, SUN and APY:
///
/// - `res101.mat`: `features` (2048 × N ResNet-101 features, one column per image),
///   `labels` (N × 1 class ids, 1-based), `image_files` (not stored);
/// - `att_splits.mat`: `allclasses_names` (cell of C class names), `att` (A × C class
///   attributes, the ℓ2-normalised ones; `original_att` is not stored) and the proposed
///   split as 1-based item indices `trainval_loc`, `train_loc`, `val_loc`,
///   `test_seen_loc`, `test_unseen_loc`.
///
/// The result has one modality `features` (N × 2048), single-label `labels`, the
/// C × A `/attributes`, and the split `/splits/proposed/{trainval, train, val,
/// test_seen, test_unseen}` with 0-based indices. N comes from `labels`; every other
/// variable's orientation is resolved against N or C.
enum Xlsa17Importer {
    /// The split parts, as stored (the `_loc` suffix dropped).
    static let splitParts = ["trainval", "train", "val", "test_seen", "test_unseen"]

    static func contents(_ sources: MATSources, name: String) throws -> DatasetContents {
        let classes = try sources.file(holding: "allclasses_names").strings("allclasses_names")
        let labelFile = try sources.file(holding: "labels")
        let classOfItem = try sources.zeroBasedIndices("labels", upperBound: classes.count, meaning: "class id")
        let items = classOfItem.count
        let featureFile = try sources.file(holding: "features")
        let featureDimensions = try featureFile.dimensions(of: "features")
        guard featureDimensions.contains(items) else {
            throw ImportError.countMismatch(file: featureFile.path, variable: "features",
                                            found: featureDimensions.last ?? 0, expected: items,
                                            reference: "\(labelFile.path) \"labels\"")
        }
        let features = try sources.itemRows("features", items: items)

        var labels = Matrix<UInt8>(rows: items, columns: classes.count, repeating: 0)
        for (item, label) in classOfItem.enumerated() { labels[item, label] = 1 }

        let attributes = try sources.itemRows("att", items: classes.count)
        let parts = try splitParts.map { part in
            (name: part, items: try sources.zeroBasedIndices(part + "_loc", upperBound: items, meaning: "item index"))
        }
        return DatasetContents(name: name, modalities: [.init(name: "features", features: features)],
                               labels: labels, classes: classes,
                               splits: [.init(name: "proposed", parts: parts)], attributes: attributes)
    }
}
