import HashCore

/// One entry of a spec's `report` list: what to write from the experiment's results.
///
/// ```yaml
/// report:
///   - table: {rows: method, columns: bits, value: map}
///   - table: {rows: method, columns: round, value: map, facet: [direction, bits]}
///   - ablation: {x: ratio, series: bits, value: map, plot: true, facet: balance}
///   - ablation: {x: round, series: method, value: train_seconds, plot: true, facet: [direction, bits]}
///   - compare: {by: ratio, baseline: "1/-1", value: map}
///   - pr: {series: method, facet: bits}
/// ```
/// Axis names are keys of ``PlannedRun/axes`` or the axes results add (`direction`,
/// `round`); value names are metric names of ``ReportRecord/metrics``. A `facet` is one
/// axis or a list of them, held as a list (empty without a facet): one section or panel
/// per combination of their values (``AxisCombinations``).
public enum ReportItem: Hashable, Sendable {
    /// Rows × columns, each cell the mean ± std over seeds of `value` (and over any
    /// other axis left free, which the table names in a note), one section per
    /// combination of the `facet` axes' values.
    case table(rows: String, columns: String, value: String, facet: [String] = [])
    /// Long-format CSV of every run (every axis, every metric), and, with `plot`, an
    /// SVG of `value` against `x` with one line per `series` value (one panel per
    /// combination of the `facet` axes' values).
    case ablation(x: String, series: String, value: String, plot: Bool, facet: [String] = [])
    /// Paired differences against `baseline` along axis `by`: runs matched on every
    /// other axis (same seeds, same splits); mean difference, its standard error, the
    /// paired t statistic, and a mark where |t| exceeds the two-sided 95% critical
    /// value for n − 1 degrees of freedom.
    case compare(by: String, baseline: String, value: String)
    /// Precision–recall curves by Hamming radius (see ``ReportRecord/curve``): one curve
    /// per `series` value, each point the mean over its runs at one radius, one panel
    /// per combination of the `facet` axes' values; an SVG and a long CSV.
    case precisionRecall(series: String, facet: [String] = [])

    /// The axes the item names, its facet axes included.
    public var axes: [String] {
        switch self {
        case let .table(rows, columns, _, facet): return [rows, columns] + facet
        case let .ablation(x, series, _, _, facet): return [x, series] + facet
        case let .compare(by, _, _): return [by]
        case let .precisionRecall(series, facet): return [series] + facet
        }
    }

    /// The records the item reports: every online round when it names the axis
    /// `round` (in its facet too), else the runs' final results.
    public func reported(_ records: [ReportRecord]) -> [ReportRecord] {
        let wantsRounds = axes.contains("round")
        return records.filter { $0.isRound == wantsRounds }
    }
}

/// A value the paper reports for one cell, printed beside ours.
public struct PaperValue: Hashable, Sendable {
    /// Axis name → value, e.g. `["method": "aszh", "bits": "32"]`.
    public var cell: [String: String]
    /// The metric, e.g. `map`.
    public var metric: String
    public var value: Double

    public init(cell: [String: String], metric: String, value: Double) {
        self.cell = cell
        self.metric = metric
        self.value = value
    }
}

/// One finished run as reports see it: its axes, its named metrics and its
/// precision–recall curve — or, for a run recorded not applicable, its axes and the
/// reason, without metrics or curve.
public struct ReportRecord: Hashable, Sendable {
    public var axes: [String: String]
    /// Metric name → value: `map` (tie-aware), `map_index_order`, `map@K`,
    /// `precision@K`, `recall@K` for each cutoff K, `precision@r2`.
    public var metrics: [String: Double]
    /// Mean precision and recall over queries of the items within Hamming radius r,
    /// one point per radius 0…K in order (``EvaluationReport/precisionRecallByRadius``);
    /// empty where unknown.
    public var curve: [RetrievalMetrics.RadiusPoint]
    /// Why the method declines the run's configuration (``StoredRun/Status/notApplicable``);
    /// nil for a run with metrics.
    public var notApplicable: String?
    /// Which planned run the record comes from (its place in the plan), since a
    /// cross-modal or online run gives several records; nil counts as a run of its own.
    public var run: Int?

    public init(axes: [String: String], metrics: [String: Double], curve: [RetrievalMetrics.RadiusPoint] = [],
                notApplicable: String? = nil, run: Int? = nil) {
        self.axes = axes
        self.metrics = metrics
        self.curve = curve
        self.notApplicable = notApplicable
        self.run = run
    }

    /// Whether the record is an online run's round rather than a run's final result.
    public var isRound: Bool { axes["round"] != nil }

    /// The number of runs `records` come from, and how many of them were recorded not
    /// applicable.
    public static func runCounts(_ records: [ReportRecord]) -> (found: Int, notApplicable: Int) {
        func count(_ records: [ReportRecord]) -> Int {
            Set(records.compactMap(\.run)).count + records.filter { $0.run == nil }.count
        }
        let finals = records.filter { !$0.isRound }
        return (count(finals), count(finals.filter { $0.notApplicable != nil }))
    }
}
