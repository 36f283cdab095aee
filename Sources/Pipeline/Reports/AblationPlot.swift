import Foundation

/// An ablation as a hand-written SVG line chart (800 × 500): the mean of `value` over
/// seeds (and any axis not plotted) against `x`, one line with circle markers per value
/// of `series`, error bars of ± one sample standard deviation, a legend, axis labels,
/// a title and gridlines; with `facet`, one panel per facet value side by side, sharing
/// the y scale.
///
/// The x axis is categorical: x values are evenly spaced in ``AxisValueOrder`` (numbers
/// and ratios numerically, other values as first seen). Series and facets are ordered the
/// same way. Runs lacking `x`, `series`, `facet` or the metric are left out.
struct AblationPlot {
    let title: String
    let x: String
    let series: String
    let value: String
    let facet: String?
    let xValues: [String]
    let seriesValues: [String]
    /// The facet values, or `[nil]` without a facet.
    let facetValues: [String?]
    /// Facet value ("" without a facet) → series value → x value → summary over its runs.
    let points: [String: [String: [String: SampleSummary]]]

    init(title: String, x: String, series: String, value: String, facet: String?, records: [ReportRecord]) {
        self.title = title
        self.x = x
        self.series = series
        self.value = value
        self.facet = facet
        let records = records.filter { record in
            record.axes[x] != nil && record.axes[series] != nil && record.metrics[value] != nil
                && (facet == nil || record.axes[facet!] != nil)
        }
        xValues = AxisValueOrder.ordered(records.map { $0.axes[x]! })
        seriesValues = AxisValueOrder.ordered(records.map { $0.axes[series]! })
        facetValues = facet.map { axis in AxisValueOrder.ordered(records.map { $0.axes[axis]! }) } ?? [nil]
        var values: [String: [String: [String: [Double]]]] = [:]
        for record in records {
            let panel = facet.map { record.axes[$0]! } ?? ""
            values[panel, default: [:]][record.axes[series]!, default: [:]][record.axes[x]!, default: []]
                .append(record.metrics[value]!)
        }
        points = values.mapValues { $0.mapValues { $0.mapValues(SampleSummary.init) } }
    }

    // MARK: Layout (SVG user units; the origin is the top left corner)

    private static let width = 800.0
    private static let height = 500.0
    private static let plotLeft = 75.0
    private static let plotRight = 640.0
    private static let plotTop = 65.0
    private static let plotBottom = 435.0
    private static let panelGap = 45.0
    private static let legendLeft = 660.0
    /// Tableau's ten categorical colours, reused in turn beyond ten series.
    private static let colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                 "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

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

    var svg: String {
        let ticks = yTicks
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let decimals = max(0, Int(-(log10(step)).rounded(.down)))
        let yLow = ticks.first!
        let yHigh = ticks.last!
        func yPosition(_ value: Double) -> Double {
            Self.plotBottom - (value - yLow) / (yHigh - yLow) * (Self.plotBottom - Self.plotTop)
        }
        let panelWidth = (Self.plotRight - Self.plotLeft - Self.panelGap * Double(facetValues.count - 1))
            / Double(facetValues.count)

        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500" "#
                + #"font-family="Helvetica, Arial, sans-serif" font-size="12">"#,
            "<title>\(Self.escaped(title))</title>",
            #"<rect width="800" height="500" fill="white"/>"#,
            "<text class=\"title\" x=\"\(Self.number(Self.width / 2))\" y=\"28\" text-anchor=\"middle\" "
                + "font-size=\"16\">\(Self.escaped(title))</text>",
        ]
        for (index, facetValue) in facetValues.enumerated() {
            let left = Self.plotLeft + Double(index) * (panelWidth + Self.panelGap)
            let right = left + panelWidth
            func xPosition(_ position: Int) -> Double {
                left + (Double(position) + 0.5) * panelWidth / Double(max(1, xValues.count))
            }
            lines.append("<g class=\"panel\">")
            if let facet, let facetValue {
                lines.append("<text x=\"\(Self.number((left + right) / 2))\" y=\"\(Self.number(Self.plotTop - 10))\" "
                    + "text-anchor=\"middle\">\(Self.escaped("\(facet) = \(facetValue)"))</text>")
            }
            for tick in ticks {
                let y = Self.number(yPosition(tick))
                lines.append("<line class=\"grid\" x1=\"\(Self.number(left))\" y1=\"\(y)\" x2=\"\(Self.number(right))\" "
                    + "y2=\"\(y)\" stroke=\"#dddddd\"/>")
                lines.append("<text x=\"\(Self.number(left - 6))\" y=\"\(y)\" text-anchor=\"end\" "
                    + "dominant-baseline=\"middle\">\(String(format: "%.\(decimals)f", tick))</text>")
            }
            // Labels wider than their slot (about 7 units a character) are turned by 40°.
            let slot = panelWidth / Double(max(1, xValues.count))
            let turned = xValues.contains { Double($0.count) * 7 > slot }
            for (position, xValue) in xValues.enumerated() {
                let xText = Self.number(xPosition(position))
                lines.append("<line class=\"grid\" x1=\"\(xText)\" y1=\"\(Self.number(Self.plotTop))\" x2=\"\(xText)\" "
                    + "y2=\"\(Self.number(Self.plotBottom))\" stroke=\"#eeeeee\"/>")
                if turned {
                    let y = Self.number(Self.plotBottom + 12)
                    lines.append("<text x=\"\(xText)\" y=\"\(y)\" text-anchor=\"end\" "
                        + "transform=\"rotate(-40 \(xText) \(y))\">\(Self.escaped(xValue))</text>")
                } else {
                    lines.append("<text x=\"\(xText)\" y=\"\(Self.number(Self.plotBottom + 18))\" "
                        + "text-anchor=\"middle\">\(Self.escaped(xValue))</text>")
                }
            }
            lines.append("<path class=\"axis\" d=\"M\(Self.number(left)),\(Self.number(Self.plotTop)) "
                + "V\(Self.number(Self.plotBottom)) H\(Self.number(right))\" fill=\"none\" stroke=\"black\"/>")
            for (seriesIndex, seriesValue) in seriesValues.enumerated() {
                let color = Self.colors[seriesIndex % Self.colors.count]
                let summaries = points[facetValue ?? ""]?[seriesValue] ?? [:]
                let plotted = xValues.enumerated().compactMap { position, xValue -> (Double, SampleSummary)? in
                    summaries[xValue].map { (xPosition(position), $0) }
                }
                guard !plotted.isEmpty else { continue }
                lines.append("<g class=\"series\" stroke=\"\(color)\" fill=\"\(color)\">")
                let coordinates = plotted.map { "\(Self.number($0.0)),\(Self.number(yPosition($0.1.mean!)))" }
                lines.append("<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke-width=\"2\"/>")
                for (xCoordinate, summary) in plotted {
                    let mean = summary.mean!
                    if let spread = summary.standardDeviation {
                        let top = Self.number(yPosition(mean + spread))
                        let bottom = Self.number(yPosition(mean - spread))
                        let center = Self.number(xCoordinate)
                        let capLeft = Self.number(xCoordinate - 4)
                        let capRight = Self.number(xCoordinate + 4)
                        lines.append("<path class=\"error-bar\" d=\"M\(center),\(top) V\(bottom) M\(capLeft),\(top) "
                            + "H\(capRight) M\(capLeft),\(bottom) H\(capRight)\" fill=\"none\"/>")
                    }
                    lines.append("<circle cx=\"\(Self.number(xCoordinate))\" cy=\"\(Self.number(yPosition(mean)))\" r=\"3.5\"/>")
                }
                lines.append("</g>")
            }
            lines.append("</g>")
        }
        lines.append("<text class=\"x-label\" x=\"\(Self.number((Self.plotLeft + Self.plotRight) / 2))\" "
            + "y=\"\(Self.number(Self.height - 6))\" text-anchor=\"middle\" font-size=\"14\">\(Self.escaped(x))</text>")
        let middle = Self.number((Self.plotTop + Self.plotBottom) / 2)
        lines.append("<text class=\"y-label\" x=\"20\" y=\"\(middle)\" text-anchor=\"middle\" font-size=\"14\" "
            + "transform=\"rotate(-90 20 \(middle))\">\(Self.escaped(value)) (mean ± std)</text>")
        lines.append("<g class=\"legend\">")
        lines.append("<text x=\"\(Self.number(Self.legendLeft))\" y=\"\(Self.number(Self.plotTop))\" "
            + "font-weight=\"bold\">\(Self.escaped(series))</text>")
        for (index, seriesValue) in seriesValues.enumerated() {
            let color = Self.colors[index % Self.colors.count]
            let y = Self.plotTop + 20 * Double(index + 1)
            lines.append("<g class=\"legend-entry\">"
                + "<line x1=\"\(Self.number(Self.legendLeft))\" y1=\"\(Self.number(y))\" "
                + "x2=\"\(Self.number(Self.legendLeft + 24))\" y2=\"\(Self.number(y))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
                + "<circle cx=\"\(Self.number(Self.legendLeft + 12))\" cy=\"\(Self.number(y))\" r=\"3.5\" fill=\"\(color)\"/>"
                + "<text x=\"\(Self.number(Self.legendLeft + 32))\" y=\"\(Self.number(y))\" "
                + "dominant-baseline=\"middle\">\(Self.escaped(seriesValue))</text></g>")
        }
        lines += ["</g>", "</svg>", ""]
        return lines.joined(separator: "\n")
    }

    /// A coordinate with one decimal.
    private static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// `text` with XML's markup characters escaped.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
