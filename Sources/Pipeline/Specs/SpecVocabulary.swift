import HashCore

/// The names a spec's `metrics`, `report` and `paper` entries may use — its runs'
/// axes, with the values they take, and the metric names its cutoffs give — and the
/// readers of those entries.
struct SpecVocabulary {
    /// Axis name → its values in the runs' order.
    let axisValues: [String: [String]]
    /// `method`, `bits`, `seed`, then the other axes by name.
    let axisNames: [String]
    let metricNames: [String]

    init(runs: [ExpandedRun], metricNames: [String]) {
        var axisValues: [String: [String]] = [:]
        for run in runs {
            for (axis, value) in run.axes where !(axisValues[axis]?.contains(value) ?? false) {
                axisValues[axis, default: []].append(value)
            }
            for (axis, values) in run.resultAxes {
                axisValues[axis, default: []].append(contentsOf: values.filter { !(axisValues[axis]?.contains($0) ?? false) })
            }
        }
        let leading = ["method", "bits", "seed"]
        self.axisValues = axisValues
        axisNames = leading + axisValues.keys.filter { !leading.contains($0) }.sorted()
        self.metricNames = metricNames
    }

    /// An axis name.
    ///
    /// - Throws: ``SpecError/unknownAxis(_:axis:known:suggestion:)``.
    func axis(_ node: SpecNode) throws -> String {
        let name = try node.text("an axis name")
        guard axisValues[name] != nil else {
            throw SpecError.unknownAxis(node.location, axis: name, known: axisNames,
                                        suggestion: NearestName.suggestion(for: name, among: axisNames))
        }
        return name
    }

    /// A metric name.
    ///
    /// - Throws: ``SpecError/unknownMetric(_:metric:known:suggestion:)``.
    func metric(_ node: SpecNode) throws -> String {
        let name = try node.text("a metric name")
        guard metricNames.contains(name) else {
            throw SpecError.unknownMetric(node.location, metric: name, known: metricNames,
                                          suggestion: NearestName.suggestion(for: name, among: metricNames))
        }
        return name
    }

    /// A report item's `facet`: one axis name or a list of them, none repeated and none
    /// an axis the item already names in another role (`roles`: role → axis, e.g.
    /// `rows` → `method`); `[]` when `node` is nil.
    ///
    /// - Throws: ``SpecError/unknownAxis(_:axis:known:suggestion:)`` at the unknown name;
    ///   ``SpecError/invalidValue(_:reason:)`` for an empty list, a repeated axis or one
    ///   of the item's other axes.
    func facet(_ node: SpecNode?, besides roles: KeyValuePairs<String, String>) throws -> [String] {
        guard let node else { return [] }
        let elements = try node.elementsOrSelf()
        guard !elements.isEmpty else {
            throw SpecError.invalidValue(node.location, reason: "a facet is an axis or a non-empty list of axes")
        }
        var facet: [String] = []
        for element in elements {
            let name = try axis(element)
            if facet.contains(name) {
                throw SpecError.invalidValue(element.location, reason: "\(name) is in the facet twice")
            }
            if let role = roles.first(where: { $0.value == name })?.key {
                throw SpecError.invalidValue(element.location, reason: "\(name) is already the item's \(role); "
                                             + "a facet takes other axes")
            }
            facet.append(name)
        }
        return facet
    }

    /// The keys of a `report` entry, one per ``ReportItem`` case.
    static let reportItemKeys = ["table", "ablation", "compare", "pr"]

    /// A `report` entry: a mapping with one key, `table`, `ablation`, `compare` or `pr`;
    /// `table`, `ablation` and `pr` take a `facet` (see ``facet(_:besides:)``).
    ///
    /// - Throws: ``SpecError`` for unknown or missing keys, unknown axes or metrics, a
    ///   facet ``facet(_:besides:)`` refuses, and a `compare` baseline that is not a
    ///   value of its axis.
    func reportItem(_ node: SpecNode) throws -> ReportItem {
        let entries = try node.entries(known: Self.reportItemKeys)
        guard entries.count == 1, let item = entries.first else {
            throw SpecError.invalidValue(node.location, reason: "a report item is exactly one of "
                                         + Self.reportItemKeys.joined(separator: ", "))
        }
        switch item.name {
        case "table":
            let fields = try item.value.fields(known: ["rows", "columns", "value", "facet"],
                                               required: ["rows", "columns", "value"])
            let rows = try axis(fields["rows"]!)
            let columns = try axis(fields["columns"]!)
            return .table(rows: rows, columns: columns, value: try metric(fields["value"]!),
                          facet: try facet(fields["facet"], besides: ["rows": rows, "columns": columns]))
        case "ablation":
            let fields = try item.value.fields(known: ["x", "series", "value", "plot", "facet"],
                                               required: ["x", "series", "value"])
            let x = try axis(fields["x"]!)
            let series = try axis(fields["series"]!)
            return .ablation(x: x, series: series, value: try metric(fields["value"]!),
                             plot: try fields["plot"]?.bool() ?? false,
                             facet: try facet(fields["facet"], besides: ["x": x, "series": series]))
        case "pr":
            let fields = try item.value.fields(known: ["series", "facet"], required: ["series"])
            let series = try axis(fields["series"]!)
            return .precisionRecall(series: series, facet: try facet(fields["facet"], besides: ["series": series]))
        default:
            let fields = try item.value.fields(known: ["by", "baseline", "value"], required: ["by", "baseline", "value"])
            let by = try axis(fields["by"]!)
            let baselineNode = fields["baseline"]!
            let baseline = try baselineNode.text("a value of \(by)")
            let values = axisValues[by]!
            guard values.contains(baseline) || (by == "round" && Int(baseline) != nil) else {
                throw SpecError.invalidValue(baselineNode.location, reason: "\"\(baseline)\" is not a value of \(by)"
                                             + NearestName.hint(for: baseline, among: values)
                                             + "; its values: \(values.joined(separator: ", "))")
            }
            return .compare(by: by, baseline: baseline, value: try metric(fields["value"]!))
        }
    }

    /// A `paper` entry: axis values naming a cell, and one metric with its value
    /// (`{method: aszh, bits: 32, map: 0.521}`).
    ///
    /// - Throws: ``SpecError/unknownAxis(_:axis:known:suggestion:)`` for a key that is
    ///   neither an axis nor a metric; ``SpecError/invalidValue(_:reason:)`` unless
    ///   exactly one metric is named.
    func paperValue(_ node: SpecNode) throws -> PaperValue {
        var cell: [String: String] = [:]
        var metric: (name: String, value: Double)?
        for entry in try node.entries(known: nil) {
            if metricNames.contains(entry.name) {
                if let metric {
                    throw SpecError.invalidValue(entry.keyLocation,
                                                 reason: "a paper value has one metric, not \(metric.name) and \(entry.name)")
                }
                metric = (entry.name, try entry.value.number())
            } else if axisValues[entry.name] != nil {
                cell[entry.name] = try entry.value.text("a value of \(entry.name)")
            } else {
                let known = axisNames + metricNames
                throw SpecError.unknownAxis(entry.keyLocation, axis: entry.name, known: known,
                                            suggestion: NearestName.suggestion(for: entry.name, among: known))
            }
        }
        guard let metric else {
            throw SpecError.invalidValue(node.location, reason: "a paper value needs a metric (\(metricNames.joined(separator: ", ")))")
        }
        return PaperValue(cell: cell, metric: metric.name, value: metric.value)
    }
}
