import Linalg

/// What a method trains on: features per modality (rows = items, the same items in
/// every modality) and their labels. Methods never see files or datasets; the
/// pipeline builds this from a protocol's training indices.
public struct TrainingSet: Sendable {
    /// Modality name → N × D features, e.g. `image`, `text`.
    public var features: [String: Matrix<Float>]
    /// The modality single-modal methods use.
    public var primaryModality: String
    /// N × C labels, 0/1 as Float.
    public var labels: Matrix<Float>

    public init(features: [String: Matrix<Float>], primaryModality: String, labels: Matrix<Float>) {
        precondition(features[primaryModality] != nil, "TrainingSet: no features for \(primaryModality)")
        precondition(features.values.allSatisfy { $0.rows == labels.rows },
                     "TrainingSet: every modality needs one row per labelled item")
        self.features = features
        self.primaryModality = primaryModality
        self.labels = labels
    }

    /// A single-modal training set.
    public init(features: Matrix<Float>, labels: Matrix<Float>, modality: String = "features") {
        self.init(features: [modality: features], primaryModality: modality, labels: labels)
    }

    /// The primary modality's features.
    public var primary: Matrix<Float> { features[primaryModality]! }

    /// The number of items.
    public var count: Int { labels.rows }
}
