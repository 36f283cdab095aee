import Linalg

/// A ``FeaturePreprocessing`` fitted to a run's training features: the statistics it
/// takes from them and the transform it then applies, identically, to training, query
/// and database features.
///
/// - `center` and `zscore` keep the training column means μ and a divisor sⱼ per
///   column, and map every element to (xᵢⱼ − μⱼ)/sⱼ: sⱼ = 1 for `center`; for `zscore`
///   sⱼ = σⱼ, the population standard deviation, or 1 where σⱼ = 0. `none` and `l2`
///   keep no statistics.
/// - Statistics are sums in `Double` over the training rows in order — one pass for
///   the means, a second for the squared deviations from them — so they do not depend
///   on the thread count, and a column constant on the training items has σ exactly 0
///   (n equal `Float` values sum exactly in `Double` for n < 2²⁹, so μ equals them).
/// - Every transformed element is computed in `Double` and rounded once to `Float`;
///   `l2` takes each row's norm as √(Σⱼ xⱼ²) summed in `Double`.
/// - With no training rows the sums are empty: μ = 0 and s = 1, and features pass
///   unchanged (a method then rejects the empty training set).
public struct FittedPreprocessing: Hashable, Sendable {
    public let preprocessing: FeaturePreprocessing
    /// μ, the training column means (`center`, `zscore`); empty for `none` and `l2`.
    public let means: [Double]
    /// The divisor of each column (`center`: 1; `zscore`: σ, or 1 where σ = 0); empty
    /// for `none` and `l2`.
    public let scales: [Double]

    /// `preprocessing` fitted to `training` (one row per training item).
    public init(_ preprocessing: FeaturePreprocessing, training: Matrix<Float>) {
        self.preprocessing = preprocessing
        switch preprocessing {
        case .none, .l2:
            means = []
            scales = []
        case .center:
            means = Self.columnMeans(training)
            scales = [Double](repeating: 1, count: training.columns)
        case .zscore:
            let means = Self.columnMeans(training)
            self.means = means
            scales = Self.columnDeviations(training, means: means).map { $0 > 0 ? $0 : 1 }
        }
    }

    /// `features` (training, query or database rows) transformed. For `center` and
    /// `zscore` its columns must be the training features' (it traps otherwise, as
    /// ``Linalg/Matrix``'s shape checks do).
    public func apply(to features: Matrix<Float>) -> Matrix<Float> {
        switch preprocessing {
        case .none:
            return features
        case .center, .zscore:
            precondition(features.columns == means.count,
                         "features of \(features.columns) columns, fitted to \(means.count)")
            var result = features
            for row in 0..<features.rows {
                for column in 0..<features.columns {
                    result[row, column] = Float((Double(features[row, column]) - means[column]) / scales[column])
                }
            }
            return result
        case .l2:
            var result = features
            for row in 0..<features.rows {
                let norm = features.row(row).reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
                guard norm > 0 else { continue }
                for column in 0..<features.columns {
                    result[row, column] = Float(Double(features[row, column]) / norm)
                }
            }
            return result
        }
    }

    /// μⱼ = (1/n)·Σᵢ xᵢⱼ, summed in `Double` row by row; zeros when there are no rows.
    private static func columnMeans(_ training: Matrix<Float>) -> [Double] {
        var sums = [Double](repeating: 0, count: training.columns)
        for row in 0..<training.rows {
            for column in 0..<training.columns { sums[column] += Double(training[row, column]) }
        }
        let count = Double(max(training.rows, 1))
        return sums.map { $0 / count }
    }

    /// σⱼ = √((1/n)·Σᵢ (xᵢⱼ − μⱼ)²), summed in `Double` row by row; zeros when there are
    /// no rows.
    private static func columnDeviations(_ training: Matrix<Float>, means: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: training.columns)
        for row in 0..<training.rows {
            for column in 0..<training.columns {
                let deviation = Double(training[row, column]) - means[column]
                sums[column] += deviation * deviation
            }
        }
        let count = Double(max(training.rows, 1))
        return sums.map { ($0 / count).squareRoot() }
    }
}
