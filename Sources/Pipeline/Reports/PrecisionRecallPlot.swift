import Foundation

/// ``PrecisionRecallCurves`` as an ``SVGChart``: recall on the x axis and precision on
/// the y axis, both from 0 to 1 with gridlines every 0.2 (recall labels turned in
/// narrow panels); one polyline per series value
/// through its averaged points in order of radius, a circle marker at each; a legend,
/// axis labels and a title; with facet axes, one panel per combination of their values,
/// headed `direction = fou→kar, bits = 32`, all on the same scales, laid out as
/// ``AblationPlot`` lays out its panels.
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
        let panels = curves.panels
        var chart = SVGChart(title: title, panelHeadings: panels.headings, innermost: panels.lastAxisValueCount)
        for (index, panel) in panels.values.enumerated() {
            let frame = chart.beginPanel(index)
            func xPosition(_ recall: Double) -> Double {
                frame.left + recall * (frame.right - frame.left)
            }
            func yPosition(_ precision: Double) -> Double {
                frame.y(precision, low: 0, high: 1)
            }
            for tick in Self.ticks {
                chart.horizontalGridline(y: yPosition(tick), frame: frame, label: Self.label(tick))
            }
            // Recall labels sit at the gridlines, not centred in slots: each needs a
            // character's room to the next, or they are turned.
            let labels = Self.ticks.map(Self.label)
            let turned = SVGChart.turnsLabels(labels.map { $0 + " " },
                                              slot: (frame.right - frame.left) / Double(Self.ticks.count - 1))
            for (tick, label) in zip(Self.ticks, labels) {
                chart.verticalGridline(x: xPosition(tick), frame: frame, label: label, turned: turned)
            }
            chart.axes(frame: frame)
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
