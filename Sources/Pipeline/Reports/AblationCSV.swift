/// Every run of an experiment in long format, for plotting and analysis elsewhere: one
/// line per run with every axis (names sorted) and then every metric (names sorted).
/// Fields a run lacks are empty; metrics have four decimals. Lines are sorted by the
/// axes, column by column, each in ``AxisValueOrder`` with runs lacking the axis last.
/// Runs recorded not applicable have no metrics and no line (the tables count them).
struct AblationCSV {
    let records: [ReportRecord]

    var text: String {
        let records = records.filter { $0.notApplicable == nil }
        let axes = Set(records.flatMap { $0.axes.keys }).sorted()
        let metrics = Set(records.flatMap { $0.metrics.keys }).sorted()
        let ranks = axes.map { axis in
            Dictionary(uniqueKeysWithValues: AxisValueOrder.ordered(records.compactMap { $0.axes[axis] })
                .enumerated().map { ($0.element, $0.offset) })
        }
        let sorted = records.sorted { left, right in
            let leftRanks = zip(axes, ranks).map { axis, rank in left.axes[axis].map { rank[$0]! } ?? Int.max }
            let rightRanks = zip(axes, ranks).map { axis, rank in right.axes[axis].map { rank[$0]! } ?? Int.max }
            return leftRanks.lexicographicallyPrecedes(rightRanks)
        }
        let lines = sorted.map { record in
            axes.map { record.axes[$0] ?? "" } + metrics.map { ReportNumber.field(record.metrics[$0]) }
        }
        return CSVText.encode([axes + metrics] + lines)
    }
}
