import HashCore

/// The precision–recall curves of a ``ReportItem/precisionRecall(series:facet:)``: the
/// runs' ``ReportRecord/curve``s averaged per value of `series` (and per combination of
/// the `facet` axes' values, a panel: ``AxisCombinations``).
///
/// Each point of a curve is the mean precision and the mean recall, at one Hamming
/// radius r, over the runs of its series value and facet panel. When every run of a
/// panel has the same code length K (as when `bits` is the facet), every mean is over
/// all of them at each r in 0…K. When K varies inside a panel, the mean at r is only
/// over the runs whose curve reaches r, so the tail of a curve stands for the longer
/// codes alone; ``Point/count`` says how many runs each point averages.
///
/// Series values are in ``AxisValueOrder``. Runs lacking `series`, a facet axis or a
/// curve are left out.
struct PrecisionRecallCurves {
    /// One point of an averaged curve.
    struct Point: Equatable {
        var radius: Int
        var precision: Double
        var recall: Double
        /// The number of runs averaged, n.
        var count: Int
    }

    let series: String
    let seriesValues: [String]
    /// The panels: the facet axes' combinations (one empty combination without a facet).
    let panels: AxisCombinations
    /// Panel values → series value → points by increasing radius.
    private let curves: [[String]: [String: [Point]]]

    init(series: String, facet: [String], records: [ReportRecord]) {
        self.series = series
        let records = records.filter { record in
            record.axes[series] != nil && !record.curve.isEmpty && AxisCombinations.values(of: record, on: facet) != nil
        }
        seriesValues = AxisValueOrder.ordered(records.map { $0.axes[series]! })
        panels = AxisCombinations(axes: facet, records: records)
        var runCurves: [[String]: [String: [[RetrievalMetrics.RadiusPoint]]]] = [:]
        for record in records {
            let panel = AxisCombinations.values(of: record, on: facet)!
            runCurves[panel, default: [:]][record.axes[series]!, default: []].append(record.curve)
        }
        curves = runCurves.mapValues { $0.mapValues(Self.mean) }
    }

    /// The averaged curve of `seriesValue` in the panel of the facet values `panel`
    /// (empty without a facet); empty when no run has both.
    func curve(_ seriesValue: String, panel: [String]) -> [Point] {
        curves[panel]?[seriesValue] ?? []
    }

    /// The mean of `runs` at each radius, over the runs whose curve has that radius.
    private static func mean(_ runs: [[RetrievalMetrics.RadiusPoint]]) -> [Point] {
        var sums: [Int: Point] = [:]
        for point in runs.joined() {
            var sum = sums[point.radius] ?? Point(radius: point.radius, precision: 0, recall: 0, count: 0)
            sum.precision += point.precision
            sum.recall += point.recall
            sum.count += 1
            sums[point.radius] = sum
        }
        return sums.values.sorted { $0.radius < $1.radius }.map { sum in
            Point(radius: sum.radius, precision: sum.precision / Double(sum.count),
                  recall: sum.recall / Double(sum.count), count: sum.count)
        }
    }
}
