import Foundation

/// The frame every report chart shares, written as hand-made SVG line by line: an
/// 800 × 500 document with a title, panels side by side in one plot area, gridlines
/// with tick labels, axes, series as polylines with circle markers, axis labels and a
/// legend on the right. Coordinates are SVG user units, the origin the top left corner;
/// the charts map their values onto the plot area themselves.
struct SVGChart {
    /// A series marker at (`x`, `y`), optionally with a vertical error bar from `top` to
    /// `bottom`.
    struct Marker {
        var x: Double
        var y: Double
        var errorBar: (top: Double, bottom: Double)?
    }

    // MARK: Layout

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

    /// The horizontal extent of panel `index` of `count`, side by side `panelGap` apart
    /// across the plot area.
    static func panel(_ index: Int, of count: Int) -> (left: Double, right: Double) {
        let width = (plotRight - plotLeft - panelGap * Double(count - 1)) / Double(count)
        let left = plotLeft + Double(index) * (width + panelGap)
        return (left, left + width)
    }

    /// Whether x labels `slot` units apart should be turned by 40°: whether any is wider
    /// (at about 7 units a character).
    static func turnsLabels(_ labels: [String], slot: Double) -> Bool {
        labels.contains { Double($0.count) * 7 > slot }
    }

    /// The height of `value` on a vertical scale from `low` (at the plot's bottom) to
    /// `high` (at its top).
    static func y(_ value: Double, low: Double, high: Double) -> Double {
        plotBottom - (value - low) / (high - low) * (plotBottom - plotTop)
    }

    // MARK: Drawing

    private var lines: [String]

    /// A chart that opens with `title` as the document's title and as its heading.
    init(title: String) {
        lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500" "#
                + #"font-family="Helvetica, Arial, sans-serif" font-size="12">"#,
            "<title>\(Self.escaped(title))</title>",
            #"<rect width="800" height="500" fill="white"/>"#,
            "<text class=\"title\" x=\"\(Self.number(Self.width / 2))\" y=\"28\" text-anchor=\"middle\" "
                + "font-size=\"16\">\(Self.escaped(title))</text>",
        ]
    }

    /// Opens a panel group from `left` to `right`, with `heading` centred above it.
    mutating func beginPanel(heading: String?, left: Double, right: Double) {
        lines.append("<g class=\"panel\">")
        if let heading {
            lines.append("<text x=\"\(Self.number((left + right) / 2))\" y=\"\(Self.number(Self.plotTop - 10))\" "
                + "text-anchor=\"middle\">\(Self.escaped(heading))</text>")
        }
    }

    mutating func endPanel() {
        lines.append("</g>")
    }

    /// A horizontal gridline at height `y` from `left` to `right`, labelled on the left.
    mutating func horizontalGridline(y: Double, left: Double, right: Double, label: String) {
        let yText = Self.number(y)
        lines.append("<line class=\"grid\" x1=\"\(Self.number(left))\" y1=\"\(yText)\" x2=\"\(Self.number(right))\" "
            + "y2=\"\(yText)\" stroke=\"#dddddd\"/>")
        lines.append("<text x=\"\(Self.number(left - 6))\" y=\"\(yText)\" text-anchor=\"end\" "
            + "dominant-baseline=\"middle\">\(Self.escaped(label))</text>")
    }

    /// A vertical gridline at `x` across the plot area, labelled below it, the label
    /// turned by 40° when `turned`.
    mutating func verticalGridline(x: Double, label: String, turned: Bool) {
        let xText = Self.number(x)
        lines.append("<line class=\"grid\" x1=\"\(xText)\" y1=\"\(Self.number(Self.plotTop))\" x2=\"\(xText)\" "
            + "y2=\"\(Self.number(Self.plotBottom))\" stroke=\"#eeeeee\"/>")
        if turned {
            let y = Self.number(Self.plotBottom + 12)
            lines.append("<text x=\"\(xText)\" y=\"\(y)\" text-anchor=\"end\" "
                + "transform=\"rotate(-40 \(xText) \(y))\">\(Self.escaped(label))</text>")
        } else {
            lines.append("<text x=\"\(xText)\" y=\"\(Self.number(Self.plotBottom + 18))\" "
                + "text-anchor=\"middle\">\(Self.escaped(label))</text>")
        }
    }

    /// The y axis at `left` and the x axis from `left` to `right`.
    mutating func axes(left: Double, right: Double) {
        lines.append("<path class=\"axis\" d=\"M\(Self.number(left)),\(Self.number(Self.plotTop)) "
            + "V\(Self.number(Self.plotBottom)) H\(Self.number(right))\" fill=\"none\" stroke=\"black\"/>")
    }

    /// Series number `index` (which picks its colour): a polyline through `markers` in
    /// order, and a circle, with its error bar, at each.
    mutating func series(_ index: Int, markers: [Marker]) {
        let color = Self.colors[index % Self.colors.count]
        lines.append("<g class=\"series\" stroke=\"\(color)\" fill=\"\(color)\">")
        let coordinates = markers.map { "\(Self.number($0.x)),\(Self.number($0.y))" }
        lines.append("<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke-width=\"2\"/>")
        for marker in markers {
            if let (top, bottom) = marker.errorBar {
                let topText = Self.number(top)
                let bottomText = Self.number(bottom)
                let capLeft = Self.number(marker.x - 4)
                let capRight = Self.number(marker.x + 4)
                lines.append("<path class=\"error-bar\" d=\"M\(Self.number(marker.x)),\(topText) V\(bottomText) "
                    + "M\(capLeft),\(topText) H\(capRight) M\(capLeft),\(bottomText) H\(capRight)\" fill=\"none\"/>")
            }
            lines.append("<circle cx=\"\(Self.number(marker.x))\" cy=\"\(Self.number(marker.y))\" r=\"3.5\"/>")
        }
        lines.append("</g>")
    }

    /// The axis labels, `x` below the plot area and `y` turned along its left side.
    mutating func axisLabels(x: String, y: String) {
        lines.append("<text class=\"x-label\" x=\"\(Self.number((Self.plotLeft + Self.plotRight) / 2))\" "
            + "y=\"\(Self.number(Self.height - 6))\" text-anchor=\"middle\" font-size=\"14\">\(Self.escaped(x))</text>")
        let middle = Self.number((Self.plotTop + Self.plotBottom) / 2)
        lines.append("<text class=\"y-label\" x=\"20\" y=\"\(middle)\" text-anchor=\"middle\" font-size=\"14\" "
            + "transform=\"rotate(-90 20 \(middle))\">\(Self.escaped(y))</text>")
    }

    /// The legend: `title` in bold, then a line and a marker in the colour of each series
    /// beside its name in `entries`.
    mutating func legend(title: String, entries: [String]) {
        lines.append("<g class=\"legend\">")
        lines.append("<text x=\"\(Self.number(Self.legendLeft))\" y=\"\(Self.number(Self.plotTop))\" "
            + "font-weight=\"bold\">\(Self.escaped(title))</text>")
        for (index, entry) in entries.enumerated() {
            let color = Self.colors[index % Self.colors.count]
            let y = Self.number(Self.plotTop + 20 * Double(index + 1))
            lines.append("<g class=\"legend-entry\">"
                + "<line x1=\"\(Self.number(Self.legendLeft))\" y1=\"\(y)\" "
                + "x2=\"\(Self.number(Self.legendLeft + 24))\" y2=\"\(y)\" stroke=\"\(color)\" stroke-width=\"2\"/>"
                + "<circle cx=\"\(Self.number(Self.legendLeft + 12))\" cy=\"\(y)\" r=\"3.5\" fill=\"\(color)\"/>"
                + "<text x=\"\(Self.number(Self.legendLeft + 32))\" y=\"\(y)\" "
                + "dominant-baseline=\"middle\">\(Self.escaped(entry))</text></g>")
        }
        lines.append("</g>")
    }

    /// The document, closed.
    var svg: String {
        (lines + ["</svg>", ""]).joined(separator: "\n")
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
