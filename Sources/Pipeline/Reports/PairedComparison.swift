/// Paired differences of one metric between the settings of one axis and a baseline
/// setting: the ``ReportItem/compare(by:baseline:value:)`` of a report.
///
/// Each run whose `by` axis has a setting other than the baseline is paired with the
/// baseline run whose axes are identical except `by` — the same seed, hence the same
/// splits and the same random draws elsewhere. Pairs are grouped by setting and by the
/// values of the other axes that vary (`seed` excepted). For a group of n pairs with
/// differences dᵢ = value(setting) − value(baseline):
///
/// - mean difference d̄ = Σdᵢ / n;
/// - standard error se = s/√n, where s is the sample standard deviation of the dᵢ
///   (n − 1 in the denominator);
/// - paired t statistic t = d̄ / se;
/// - significant when |t| > t_{0.975, n−1} (``StudentT/quantile975(degreesOfFreedom:)``),
///   a two-sided test at the 5% level that the mean difference is zero.
///
/// se, t and the test are undefined for n < 2, and t also when every difference is the
/// same (se = 0). Runs with a setting whose baseline partner is missing are counted in
/// ``unpairedRuns`` and left out; runs without the `by` axis or the metric are ignored.
struct PairedComparison {
    /// The pairs of one setting and one combination of the other varying axes.
    struct Group {
        /// The setting of `by` compared with the baseline.
        var setting: String
        /// The values of ``PairedComparison/otherAxes``, in their order ("" where a run
        /// lacks the axis).
        var others: [String]
        /// n, d̄ and s of the differences.
        var differences: SampleSummary
        /// d̄ / se, when defined.
        var t: Double?
        /// t_{0.975, n−1}, when n ≥ 2.
        var criticalValue: Double?

        /// Whether |t| exceeds the critical value.
        var isSignificant: Bool {
            guard let t, let criticalValue else { return false }
            return abs(t) > criticalValue
        }
    }

    let by: String
    let baseline: String
    /// The metric name.
    let value: String
    /// Axes other than `by` and `seed` whose values differ between paired runs, sorted.
    let otherAxes: [String]
    /// Groups ordered by setting, then by the other axes (each in ``AxisValueOrder``).
    let groups: [Group]
    /// Runs with a non-baseline setting and no baseline partner.
    let unpairedRuns: Int

    init(by: String, baseline: String, value: String, records: [ReportRecord]) {
        self.by = by
        self.baseline = baseline
        self.value = value
        let records = records.filter { $0.axes[by] != nil && $0.metrics[value] != nil }
        func partnerKey(_ record: ReportRecord) -> [String: String] {
            record.axes.filter { $0.key != by }
        }
        var baselineValues: [[String: String]: Double] = [:]
        for record in records where record.axes[by] == baseline {
            baselineValues[partnerKey(record)] = baselineValues[partnerKey(record)] ?? record.metrics[value]!
        }
        var pairs: [(record: ReportRecord, difference: Double)] = []
        var unpaired = 0
        for record in records where record.axes[by] != baseline {
            if let reference = baselineValues[partnerKey(record)] {
                pairs.append((record, record.metrics[value]! - reference))
            } else {
                unpaired += 1
            }
        }
        unpairedRuns = unpaired

        let candidates = Set(pairs.flatMap { $0.record.axes.keys }).subtracting([by, "seed"])
        let otherAxes = candidates.filter { axis in Set(pairs.map { $0.record.axes[axis] }).count > 1 }.sorted()
        self.otherAxes = otherAxes
        let orders = ([by] + otherAxes).map { axis in
            Dictionary(uniqueKeysWithValues: AxisValueOrder.ordered(pairs.map { $0.record.axes[axis] ?? "" })
                .enumerated().map { ($0.element, $0.offset) })
        }
        let grouped = Dictionary(grouping: pairs) { pair in
            ([by] + otherAxes).map { pair.record.axes[$0] ?? "" }
        }
        groups = grouped.sorted { left, right in
            let leftRanks = zip(orders, left.key).map { $0[$1]! }
            let rightRanks = zip(orders, right.key).map { $0[$1]! }
            return leftRanks.lexicographicallyPrecedes(rightRanks)
        }.map { key, pairs in
            let differences = SampleSummary(pairs.map(\.difference))
            var t: Double?
            if let mean = differences.mean, let standardError = differences.standardError, standardError > 0 {
                t = mean / standardError
            }
            let critical = differences.count > 1
                ? StudentT.quantile975(degreesOfFreedom: differences.count - 1) : nil
            return Group(setting: key[0], others: Array(key.dropFirst()), differences: differences,
                         t: t, criticalValue: critical)
        }
    }
}
