import Foundation

/// An ablation as an ``SVGChart`` line chart: the mean of `value` over seeds (and any
/// other axis not plotted) against `x`, one line with circle markers per value of
/// `series`, error bars of ± one sample standard deviation, a legend, axis labels, a
/// title and gridlines; with `facet` axes, one panel per combination of their values
/// (``AxisCombinations``), headed `direction = fou→kar, bits = 32`, all sharing the y
/// scale: side by side when there are at most ``SVGChart/maximumColumns`` and their
/// headings fit, else in rows, one per combination of the facet axes but the last
/// where the headings fit (``SVGChart/columns(count:innermost:headingLength:)``).
///
/// When an axis other than `x`, `series`, the facet axes and `seed` takes two or more
/// values among the runs of one point, the points average over it too, and the
/// subtitle names every such axis (``averagedAxes``).
///
/// The x axis is categorical: x values are evenly spaced in ``AxisValueOrder`` (numbers
/// and ratios numerically, other values as first seen). Series are ordered the same
/// way. Runs lacking `x`, `series`, a facet axis or the metric are left out.
struct AblationPlot {
    let title: String
    let x: String
    let series: String
    let value: String
    let xValues: [String]
    let seriesValues: [String]
    /// The panels: the facet axes' combinations (one empty combination without a facet).
    let panels: AxisCombinations
    /// The axes that vary within some point, besides seed, sorted by name.
    let averagedAxes: [String]
    /// Panel values → series value → x value → summary over its runs.
    let points: [[String]: [String: [String: SampleSummary]]]

    init(title: String, x: String, series: String, value: String, facet: [String], records: [ReportRecord]) {
        self.title = title
        self.x = x
        self.series = series
        self.value = value
        let records = records.filter { record in
            record.axes[x] != nil && record.axes[series] != nil && record.metrics[value] != nil
                && AxisCombinations.values(of: record, on: facet) != nil
        }
        xValues = AxisValueOrder.ordered(records.map { $0.axes[x]! })
        seriesValues = AxisValueOrder.ordered(records.map { $0.axes[series]! })
        panels = AxisCombinations(axes: facet, records: records)
        var values: [[String]: [String: [String: [Double]]]] = [:]
        var axisValuesByPoint: [[String]: [String: Set<String>]] = [:]
        let plotted = Set([x, series, "seed"] + facet)
        for record in records {
            let panel = AxisCombinations.values(of: record, on: facet)!
            values[panel, default: [:]][record.axes[series]!, default: [:]][record.axes[x]!, default: []]
                .append(record.metrics[value]!)
            for (axis, axisValue) in record.axes where !plotted.contains(axis) {
                axisValuesByPoint[panel + [record.axes[series]!, record.axes[x]!], default: [:]][axis, default: []]
                    .insert(axisValue)
            }
        }
        points = values.mapValues { $0.mapValues { $0.mapValues(SampleSummary.init) } }
        averagedAxes = Set(axisValuesByPoint.values.flatMap { $0.filter { $0.value.count > 1 }.keys }).sorted()
    }

    /// The y axis: "nice" tick values (steps of 1, 2 or 5 × 10ᵏ, about five of them)
    /// covering every mean ± std.
    private var yTicks: [Double] {
        let ends = points.values.flatMap { $0.values.flatMap { $0.values } }.flatMap { summary -> [Double] in
            guard let mean = summary.mean else { return [] }
            let spread = summary.standardDeviation ?? 0
            return [mean - spread, mean + spread]
        }
        var low = ends.min() ?? 0
        var high = ends.max() ?? 1
        if high - low < 1e-12 {
            low -= 0.05
            high += 0.05
        }
        let rough = (high - low) / 5
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough }!
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// "Points also average over bits, direction, which vary within them."; nil when
    /// no axis does.
    var subtitle: String? {
        averagedAxes.isEmpty ? nil
            : "Points also average over \(averagedAxes.joined(separator: ", ")), which vary within them."
    }

    var svg: String {
        let ticks = yTicks
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let decimals = max(0, Int(-(log10(step)).rounded(.down)))
        var chart = SVGChart(title: title, subtitle: subtitle, panelHeadings: panels.headings,
                             innermost: panels.lastAxisValueCount)
        for (index, panel) in panels.values.enumerated() {
            let frame = chart.beginPanel(index)
            func yPosition(_ value: Double) -> Double {
                frame.y(value, low: ticks.first!, high: ticks.last!)
            }
            let slot = (frame.right - frame.left) / Double(max(1, xValues.count))
            func xPosition(_ position: Int) -> Double {
                frame.left + (Double(position) + 0.5) * slot
            }
            for tick in ticks {
                chart.horizontalGridline(y: yPosition(tick), frame: frame,
                                         label: String(format: "%.\(decimals)f", tick))
            }
            let turned = SVGChart.turnsLabels(xValues, slot: slot)
            for (position, xValue) in xValues.enumerated() {
                chart.verticalGridline(x: xPosition(position), frame: frame, label: xValue, turned: turned)
            }
            chart.axes(frame: frame)
            for (seriesIndex, seriesValue) in seriesValues.enumerated() {
                let summaries = points[panel]?[seriesValue] ?? [:]
                let markers = xValues.enumerated().compactMap { position, xValue -> SVGChart.Marker? in
                    guard let summary = summaries[xValue], let mean = summary.mean else { return nil }
                    let errorBar = summary.standardDeviation.map { spread in
                        (top: yPosition(mean + spread), bottom: yPosition(mean - spread))
                    }
                    return SVGChart.Marker(x: xPosition(position), y: yPosition(mean), errorBar: errorBar)
                }
                guard !markers.isEmpty else { continue }
                chart.series(seriesIndex, markers: markers)
            }
            chart.endPanel()
        }
        chart.axisLabels(x: x, y: "\(value) (mean ± std)")
        chart.legend(title: series, entries: seriesValues)
        return chart.svg
    }
}
