import Pipeline
import Testing

/// Student t critical values, sample summaries and the order of axis values.
@Suite struct ReportStatisticsTests {
    /// t_{0.975, ν} from printed tables (3 decimals) and, beyond the table of ν ≤ 30,
    /// from scipy.stats.t.ppf (6 decimals).
    @Test(arguments: [(1, 12.706), (2, 4.303), (3, 3.182), (4, 2.776), (10, 2.228), (30, 2.042)])
    func tabulatedQuantilesMatchPrintedTables(degreesOfFreedom: Int, expected: Double) {
        #expect(abs(StudentT.quantile975(degreesOfFreedom: degreesOfFreedom) - expected) < 5e-4)
    }

    @Test(arguments: [(31, 2.039513), (40, 2.021075), (60, 2.000298), (120, 1.979930), (1000, 1.962339)])
    func expansionBeyondTheTableMatchesExactQuantiles(degreesOfFreedom: Int, expected: Double) {
        #expect(abs(StudentT.quantile975(degreesOfFreedom: degreesOfFreedom) - expected) < 1e-6)
    }

    @Test func summaryUsesTheSampleStandardDeviation() {
        let summary = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(summary.count == 8)
        #expect(summary.mean == 5)
        // Σ(x − 5)² = 32; 32 / 7.
        #expect(abs(summary.standardDeviation! - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(abs(summary.standardError! - (32.0 / 7 / 8).squareRoot()) < 1e-12)
        #expect(SampleSummary([0.3]).standardDeviation == nil)
        #expect(SampleSummary([Double]()).mean == nil)
    }

    @Test func ratiosOrderByTheirQuotientWithTheAbsoluteDenominator() {
        #expect(AxisValueOrder.ordered(["5/-1", "1/-1", "1/-5"]) == ["1/-5", "1/-1", "5/-1"])
        #expect(AxisValueOrder.ordered(["1/-1", "5/-1", "2/-10", "1/-5", "3/-1"])
            == ["2/-10", "1/-5", "1/-1", "3/-1", "5/-1"])
        #expect(AxisValueOrder.numericValue("1/-5") == 0.2)
        #expect(AxisValueOrder.numericValue("1/0") == nil)
    }

    @Test func numbersSortNumericallyAndOtherValuesKeepTheirFirstAppearance() {
        #expect(AxisValueOrder.ordered(["128", "16", "32", "16", "64"]) == ["16", "32", "64", "128"])
        #expect(AxisValueOrder.ordered(["1e-2", "1", "0.001"]) == ["0.001", "1e-2", "1"])
        #expect(AxisValueOrder.ordered(["itq", "aszh", "lsh", "aszh"]) == ["itq", "aszh", "lsh"])
        #expect(AxisValueOrder.ordered(["32", "all", "16"]) == ["32", "all", "16"])
    }
}
