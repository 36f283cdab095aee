import Datasets
import Linalg

/// The features of a split's training, query and database items in one modality,
/// prepared by the run's ``Datasets/FeaturePreprocessing``: its statistics are fitted
/// to the training items' features only, and the one fitted transform is applied to
/// all three sets (see ``Datasets/FittedPreprocessing``). Rows follow the split's
/// item order.
struct SplitFeatures {
    let training: Matrix<Float>
    let queries: Matrix<Float>
    let database: Matrix<Float>
    /// The preprocessing as fitted to the training features.
    let fitted: FittedPreprocessing

    /// Reads the three sets' features of `modality` from `dataset` and prepares them.
    ///
    /// - Throws: the dataset's errors for an unknown modality or an unreadable file.
    init(dataset: Dataset, split: ProtocolSplit, modality: String, preprocessing: FeaturePreprocessing) throws {
        let training = try dataset.features(modality, rows: split.training)
        let fitted = FittedPreprocessing(preprocessing, training: training)
        self.fitted = fitted
        self.training = fitted.apply(to: training)
        queries = fitted.apply(to: try dataset.features(modality, rows: split.queries))
        database = fitted.apply(to: try dataset.features(modality, rows: split.database))
    }
}
