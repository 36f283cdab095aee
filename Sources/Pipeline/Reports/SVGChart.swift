import Foundation

/// The frame every report chart shares, written as hand-made SVG line by line: a
/// document 800 units wide with a title (and a subtitle when given), panels in a grid,
/// gridlines with tick labels, axes, series as polylines with circle markers, axis
/// labels and a legend on the right. One row of up to ``maximumColumns`` panels side
/// by side makes an 800 × 500 document; n rows of panels ``rowPanelHeight`` high,
/// ``rowPitch`` apart, make it 65 + n × ``rowPitch`` high; a subtitle adds 18 units.
/// Coordinates are SVG user units, the origin the top left corner; the charts map their
/// values onto each panel's ``Frame`` themselves.
struct SVGChart {
    /// A series marker at (`x`, `y`), optionally with a vertical error bar from `top` to
    /// `bottom`.
    struct Marker {
        var x: Double
        var y: Double
        var errorBar: (top: Double, bottom: Double)?
    }

    /// The plot area of one panel.
    struct Frame {
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double

        /// The height of `value` on a vertical scale from `low` (at the bottom) to
        /// `high` (at the top).
        func y(_ value: Double, low: Double, high: Double) -> Double {
            bottom - (value - low) / (high - low) * (bottom - top)
        }
    }

    // MARK: Layout

    private static let width = 800.0
    /// The height of a chart with one row of panels and no subtitle.
    private static let singleRowHeight = 500.0
    private static let plotLeft = 75.0
    private static let plotRight = 640.0
    private static let plotTop = 65.0
    /// The bottom of a single row's panels.
    private static let plotBottom = 435.0
    /// The height of each panel when there are several rows.
    private static let rowPanelHeight = 240.0
    /// The room under a row of panels for its x labels and the next row's headings.
    private static let rowGap = 65.0
    /// How far the top of each row of panels is below the one above it.
    static let rowPitch = rowPanelHeight + rowGap
    /// The room a subtitle takes under the title, which moves everything below down.
    private static let subtitleHeight = 18.0
    private static let panelGap = 45.0
    private static let legendLeft = 660.0
    /// The most panels side by side in one row.
    static let maximumColumns = 5
    /// Tableau's ten categorical colours, reused in turn beyond ten series.
    private static let colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                         "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    /// How many panels of `count` go side by side in a row. A heading of
    /// `headingLength` characters (at about 7 units each, as ``turnsLabels(_:slot:)``
    /// reckons) fits when it is no wider than a panel and the gap beside it, so
    /// neighbouring headings do not overlap. The choice is the first that fits of: all
    /// `count` panels, when there are at most ``maximumColumns``; `innermost` — the
    /// number of values of the last of the axes the panels are combinations of, so each
    /// row holds one combination of the others — or the largest of its divisors that
    /// fits, when that is at least 2; the most columns up to ``maximumColumns``; one.
    static func columns(count: Int, innermost: Int, headingLength: Int) -> Int {
        func fits(_ columns: Int) -> Bool {
            Double(headingLength) * 7 <= panelWidth(columns: columns) + panelGap
        }
        if count <= maximumColumns && fits(count) { return max(1, count) }
        if innermost >= 2, let aligned = (2...min(innermost, maximumColumns)).reversed()
            .first(where: { innermost % $0 == 0 && fits($0) }) {
            return aligned
        }
        return (1...max(1, min(count, maximumColumns))).reversed().first(where: fits) ?? 1
    }

    /// The width of each panel when `columns` of them sit side by side `panelGap` apart
    /// across the plot area.
    private static func panelWidth(columns: Int) -> Double {
        (plotRight - plotLeft - panelGap * Double(columns - 1)) / Double(columns)
    }

    /// Whether x labels `slot` units apart should be turned by 40°: whether any is wider
    /// (at about 7 units a character).
    static func turnsLabels(_ labels: [String], slot: Double) -> Bool {
        labels.contains { Double($0.count) * 7 > slot }
    }

    // MARK: Drawing

    private var lines: [String]
    /// Each panel's heading; empty for none.
    private let headings: [String]
    /// How many panels go side by side in a row.
    private let columns: Int
    /// The top of the first row of panels.
    private let top: Double
    /// The height of every panel.
    private let panelHeight: Double
    /// The document's height.
    private let height: Double

    /// A chart with one panel per heading in `panelHeadings` (an empty heading: none;
    /// one panel when the list is empty), laid out as
    /// ``columns(count:innermost:headingLength:)`` says, that opens with `title` as the
    /// document's title and as its heading, and `subtitle`, when given, in grey under it.
    init(title: String, subtitle: String? = nil, panelHeadings: [String], innermost: Int) {
        headings = panelHeadings.isEmpty ? [""] : panelHeadings
        columns = Self.columns(count: headings.count, innermost: innermost,
                               headingLength: headings.map(\.count).max() ?? 0)
        let rows = (headings.count + columns - 1) / columns
        top = Self.plotTop + (subtitle == nil ? 0 : Self.subtitleHeight)
        panelHeight = rows == 1 ? Self.plotBottom - Self.plotTop : Self.rowPanelHeight
        let bottom = top + Double(rows - 1) * Self.rowPitch + panelHeight
        height = bottom + Self.singleRowHeight - Self.plotBottom
        let size = "width=\"800\" height=\"\(Int(height))\" viewBox=\"0 0 800 \(Int(height))\""
        lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size) "
                + #"font-family="Helvetica, Arial, sans-serif" font-size="12">"#,
            "<title>\(Self.escaped(title))</title>",
            "<rect width=\"800\" height=\"\(Int(height))\" fill=\"white\"/>",
            "<text class=\"title\" x=\"\(Self.number(Self.width / 2))\" y=\"28\" text-anchor=\"middle\" "
                + "font-size=\"16\">\(Self.escaped(title))</text>",
        ]
        if let subtitle {
            lines.append("<text class=\"subtitle\" x=\"\(Self.number(Self.width / 2))\" y=\"47\" "
                + "text-anchor=\"middle\" fill=\"#555555\">\(Self.escaped(subtitle))</text>")
        }
    }

    /// The plot area of panel `index`: row by row, left to right, `panelGap` apart
    /// across the plot area's width and ``rowPitch`` apart down it.
    private func frame(_ index: Int) -> Frame {
        let width = Self.panelWidth(columns: columns)
        let left = Self.plotLeft + Double(index % columns) * (width + Self.panelGap)
        let panelTop = top + Double(index / columns) * Self.rowPitch
        return Frame(left: left, right: left + width, top: panelTop, bottom: panelTop + panelHeight)
    }

    /// Opens the group of panel `index`, with its heading centred above it, and returns
    /// its plot area.
    mutating func beginPanel(_ index: Int) -> Frame {
        let frame = frame(index)
        lines.append("<g class=\"panel\">")
        if !headings[index].isEmpty {
            lines.append("<text x=\"\(Self.number((frame.left + frame.right) / 2))\" "
                + "y=\"\(Self.number(frame.top - 10))\" text-anchor=\"middle\">\(Self.escaped(headings[index]))</text>")
        }
        return frame
    }

    mutating func endPanel() {
        lines.append("</g>")
    }

    /// A horizontal gridline at height `y` across `frame`, labelled on the left.
    mutating func horizontalGridline(y: Double, frame: Frame, label: String) {
        let yText = Self.number(y)
        lines.append("<line class=\"grid\" x1=\"\(Self.number(frame.left))\" y1=\"\(yText)\" "
            + "x2=\"\(Self.number(frame.right))\" y2=\"\(yText)\" stroke=\"#dddddd\"/>")
        lines.append("<text x=\"\(Self.number(frame.left - 6))\" y=\"\(yText)\" text-anchor=\"end\" "
            + "dominant-baseline=\"middle\">\(Self.escaped(label))</text>")
    }

    /// A vertical gridline at `x` down `frame`, labelled below it, the label turned by
    /// 40° when `turned`.
    mutating func verticalGridline(x: Double, frame: Frame, label: String, turned: Bool) {
        let xText = Self.number(x)
        lines.append("<line class=\"grid\" x1=\"\(xText)\" y1=\"\(Self.number(frame.top))\" x2=\"\(xText)\" "
            + "y2=\"\(Self.number(frame.bottom))\" stroke=\"#eeeeee\"/>")
        if turned {
            let y = Self.number(frame.bottom + 12)
            lines.append("<text x=\"\(xText)\" y=\"\(y)\" text-anchor=\"end\" "
                + "transform=\"rotate(-40 \(xText) \(y))\">\(Self.escaped(label))</text>")
        } else {
            lines.append("<text x=\"\(xText)\" y=\"\(Self.number(frame.bottom + 18))\" "
                + "text-anchor=\"middle\">\(Self.escaped(label))</text>")
        }
    }

    /// The y axis on the left of `frame` and the x axis along its bottom.
    mutating func axes(frame: Frame) {
        lines.append("<path class=\"axis\" d=\"M\(Self.number(frame.left)),\(Self.number(frame.top)) "
            + "V\(Self.number(frame.bottom)) H\(Self.number(frame.right))\" fill=\"none\" stroke=\"black\"/>")
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

    /// The axis labels, `x` below the panels and `y` turned along their left side.
    mutating func axisLabels(x: String, y: String) {
        lines.append("<text class=\"x-label\" x=\"\(Self.number((Self.plotLeft + Self.plotRight) / 2))\" "
            + "y=\"\(Self.number(height - 6))\" text-anchor=\"middle\" font-size=\"14\">\(Self.escaped(x))</text>")
        let middle = Self.number((top + frame(headings.count - 1).bottom) / 2)
        lines.append("<text class=\"y-label\" x=\"20\" y=\"\(middle)\" text-anchor=\"middle\" font-size=\"14\" "
            + "transform=\"rotate(-90 20 \(middle))\">\(Self.escaped(y))</text>")
    }

    /// The legend: `title` in bold, then a line and a marker in the colour of each series
    /// beside its name in `entries`.
    mutating func legend(title: String, entries: [String]) {
        lines.append("<g class=\"legend\">")
        lines.append("<text x=\"\(Self.number(Self.legendLeft))\" y=\"\(Self.number(top))\" "
            + "font-weight=\"bold\">\(Self.escaped(title))</text>")
        for (index, entry) in entries.enumerated() {
            let color = Self.colors[index % Self.colors.count]
            let y = Self.number(top + 20 * Double(index + 1))
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
