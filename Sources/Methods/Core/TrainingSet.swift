import Linalg

/// What a method trains on: features per modality (rows = items, the same items in
/// every modality) and their labels. Methods never see files or datasets; the
/// pipeline builds this from a protocol's training indices.
public struct TrainingSet: Sendable {
    /// Modality name → N × D features, e.g. `image`, `text`.
    public var features: [String: Matrix<Float>]
    /// The modalities in the run's order: one for a single-modal run, two for a
    /// cross-modal one (query modality of the first direction first).
    public var modalities: [String]
    /// N × C labels, 0/1 as Float.
    public var labels: Matrix<Float>

    /// Features of `modalities` (in that order), row-aligned with `labels`.
    public init(modalities: [String], features: [String: Matrix<Float>], labels: Matrix<Float>) {
        precondition(!modalities.isEmpty && Set(modalities) == Set(features.keys) && Set(modalities).count == modalities.count,
                     "TrainingSet: the modalities must name the features' keys, each once")
        precondition(features.values.allSatisfy { $0.rows == labels.rows },
                     "TrainingSet: every modality needs one row per labelled item")
        self.features = features
        self.modalities = modalities
        self.labels = labels
    }

    /// A single-modal training set.
    public init(features: Matrix<Float>, labels: Matrix<Float>, modality: String = "features") {
        self.init(modalities: [modality], features: [modality: features], labels: labels)
    }

    /// The modality single-modal methods use: the first.
    public var primaryModality: String { modalities[0] }

    /// The primary modality's features.
    public var primary: Matrix<Float> { features[primaryModality]! }

    /// The features of `modality`.
    ///
    /// - Throws: ``TrainingError/unknownModality(_:known:)``.
    public func features(of modality: String) throws -> Matrix<Float> {
        guard let matrix = features[modality] else {
            throw TrainingError.unknownModality(modality, known: modalities)
        }
        return matrix
    }

    /// The number of items.
    public var count: Int { labels.rows }
}
