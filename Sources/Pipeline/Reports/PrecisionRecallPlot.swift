import Foundation

/// ``PrecisionRecallCurves`` as an ``SVGChart``: recall on the x axis and precision on
/// the y axis, both from 0 to 1 with gridlines every 0.2 (recall labels turned in
/// narrow panels); one polyline per series value
/// through its averaged points in order of radius, a circle marker at each; a legend,
/// axis labels and a title; with facet axes, one panel per combination of their values,
/// headed `direction = fou→kar, bits = 32`, side by side, all on the same scales.
struct PrecisionRecallPlot {
    let title: String
    let curves: PrecisionRecallCurves

    /// The tick values of both axes: 0, 0.2, …, 1.
    private static let ticks = (0...5).map { Double($0) / 5 }

    /// A tick's label: "0", "0.2", …, "1".
    private static func label(_ tick: Double) -> String {
        String(format: "%g", tick)
    }

    var svg: String {
        func yPosition(_ precision: Double) -> Double {
            SVGChart.y(precision, low: 0, high: 1)
        }
        let panels = curves.panels
        var chart = SVGChart(title: title)
        for (index, panel) in panels.values.enumerated() {
            let (left, right) = SVGChart.panel(index, of: panels.values.count)
            func xPosition(_ recall: Double) -> Double {
                left + recall * (right - left)
            }
            chart.beginPanel(heading: panel.isEmpty ? nil : AxisCombinations.heading(axes: panels.axes, values: panel),
                             left: left, right: right)
            for tick in Self.ticks {
                chart.horizontalGridline(y: yPosition(tick), left: left, right: right, label: Self.label(tick))
            }
            // Recall labels sit at the gridlines, not centred in slots: each needs a
            // character's room to the next, or they are turned.
            let labels = Self.ticks.map(Self.label)
            let turned = SVGChart.turnsLabels(labels.map { $0 + " " }, slot: (right - left) / Double(Self.ticks.count - 1))
            for (tick, label) in zip(Self.ticks, labels) {
                chart.verticalGridline(x: xPosition(tick), label: label, turned: turned)
            }
            chart.axes(left: left, right: right)
            for (seriesIndex, seriesValue) in curves.seriesValues.enumerated() {
                let markers = curves.curve(seriesValue, panel: panel).map { point in
                    SVGChart.Marker(x: xPosition(point.recall), y: yPosition(point.precision))
                }
                guard !markers.isEmpty else { continue }
                chart.series(seriesIndex, markers: markers)
            }
            chart.endPanel()
        }
        chart.axisLabels(x: "recall", y: "precision")
        chart.legend(title: curves.series, entries: curves.seriesValues)
        return chart.svg
    }
}
