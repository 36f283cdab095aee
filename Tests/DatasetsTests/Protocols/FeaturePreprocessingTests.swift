import Datasets
import Linalg
import Testing

/// Each preprocessing against a 3 × 2 training matrix worked by hand, and the rule
/// that statistics come from the training rows only.
///
/// Training X = [[1, 2], [1, 6], [4, 4]]:
/// - column means μ = (2, 4); centred X − μ = [[−1, −2], [−1, 2], [2, 0]];
/// - squared deviations sum to 1 + 1 + 4 = 6 and 4 + 4 + 0 = 8, so over n = 3 the
///   population deviations are σ = (√2, √(8/3)), and zscore gives
///   [[−1/√2, −2/√(8/3)], [−1/√2, 2/√(8/3)], [2/√2, 0]] = [[−√½, −√1.5], [−√½, √1.5], [√2, 0]];
/// - row norms √5, √37, √32, so l2 gives [[1, 2]/√5, [1, 6]/√37, [1, 1]/√2].
@Suite struct FeaturePreprocessingTests {
    static let training = Matrix<Float>([[1, 2], [1, 6], [4, 4]])

    /// Element-wise agreement to `Float` rounding of values of order 1.
    static func expectClose(_ actual: Matrix<Float>, _ expected: [[Double]],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.rows == expected.count && actual.columns == expected[0].count, sourceLocation: sourceLocation)
        for (row, values) in expected.enumerated() {
            for (column, value) in values.enumerated() {
                #expect(abs(Double(actual[row, column]) - value) < 1e-6,
                        "(\(row), \(column)): \(actual[row, column]) ≠ \(value)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func noneLeavesFeaturesAsStored() {
        let fitted = FittedPreprocessing(.none, training: Self.training)
        #expect(fitted.means.isEmpty && fitted.scales.isEmpty)
        #expect(fitted.apply(to: Self.training) == Self.training)
    }

    @Test func centerSubtractsTheTrainingColumnMeans() {
        let fitted = FittedPreprocessing(.center, training: Self.training)
        #expect(fitted.means == [2, 4])
        #expect(fitted.scales == [1, 1])
        #expect(fitted.apply(to: Self.training) == Matrix([[-1, -2], [-1, 2], [2, 0]]))
    }

    @Test func zscoreDividesByTheTrainingPopulationDeviations() {
        let fitted = FittedPreprocessing(.zscore, training: Self.training)
        #expect(fitted.means == [2, 4])
        #expect(abs(fitted.scales[0] - Double(2).squareRoot()) < 1e-15)
        #expect(abs(fitted.scales[1] - (8 / Double(3)).squareRoot()) < 1e-15)
        let half = Double(0.5).squareRoot(), threeHalves = Double(1.5).squareRoot()
        Self.expectClose(fitted.apply(to: Self.training),
                         [[-half, -threeHalves], [-half, threeHalves], [Double(2).squareRoot(), 0]])
    }

    /// A column constant on the training rows (σ = 0) is centred and divided by 1: zero
    /// on the training rows, and a query's difference from the constant kept as it is.
    @Test func zscoreLeavesAConstantColumnCentred() {
        let training = Matrix<Float>([[1, 3], [1, 3], [4, 3]])
        let fitted = FittedPreprocessing(.zscore, training: training)
        #expect(fitted.means == [2, 3])
        #expect(fitted.scales[1] == 1)
        let half = Double(0.5).squareRoot()
        Self.expectClose(fitted.apply(to: training), [[-half, 0], [-half, 0], [Double(2).squareRoot(), 0]])
        Self.expectClose(fitted.apply(to: Matrix([[3, 5]])), [[half, 2]])
    }

    @Test func l2ScalesEachRowToUnitNormAndKeepsZeroRows() {
        let fitted = FittedPreprocessing(.l2, training: Self.training)
        #expect(fitted.means.isEmpty && fitted.scales.isEmpty)
        let five = Double(5).squareRoot(), thirtySeven = Double(37).squareRoot(), half = Double(0.5).squareRoot()
        Self.expectClose(fitted.apply(to: Self.training),
                         [[1 / five, 2 / five], [1 / thirtySeven, 6 / thirtySeven], [half, half]])
        #expect(fitted.apply(to: Matrix([[0, 0], [0, -3]])) == Matrix([[0, 0], [0, -1]]))
    }

    /// Queries unlike the training rows are transformed with the training statistics,
    /// not their own: Q = [[3, 4], [−1, 10]] has means (1, 7), yet centring subtracts
    /// (2, 4) and zscore divides by (√2, √(8/3)).
    @Test func queriesAreTransformedWithTheTrainingStatistics() {
        let queries = Matrix<Float>([[3, 4], [-1, 10]])
        let center = FittedPreprocessing(.center, training: Self.training)
        #expect(center.apply(to: queries) == Matrix([[1, 0], [-3, 6]]))
        let zscore = FittedPreprocessing(.zscore, training: Self.training)
        let root2 = Double(2).squareRoot(), rootEightThirds = (8 / Double(3)).squareRoot()
        Self.expectClose(zscore.apply(to: queries), [[1 / root2, 0], [-3 / root2, 6 / rootEightThirds]])
        #expect(FittedPreprocessing(.zscore, training: queries) != zscore)
    }

    /// With no training rows there is nothing to estimate: μ = 0, s = 1, features unchanged.
    @Test func noTrainingRowsLeaveFeaturesUnchanged() {
        let fitted = FittedPreprocessing(.zscore, training: Matrix(rows: 0, columns: 2, repeating: 0))
        #expect(fitted.means == [0, 0] && fitted.scales == [1, 1])
        #expect(fitted.apply(to: Self.training) == Self.training)
    }

    @Test func theRawValuesAreTheSpecVocabulary() {
        #expect(FeaturePreprocessing.allCases.map(\.rawValue) == ["none", "center", "zscore", "l2"])
    }
}
