/// The combinations of values that records take on a list of axes — a table's sections,
/// a plot's panels — in order.
///
/// Only the combinations some record has are listed, not every product of the axes'
/// values. They are sorted by the first axis's value in ``AxisValueOrder``, then by
/// the second's, and so on; each axis's order is that of all its values among the
/// records. Without axes there is one combination, the empty one, whatever the
/// records.
struct AxisCombinations {
    /// The axes, in the order given.
    let axes: [String]
    /// Each combination's values, one per axis in the order of ``axes``.
    let values: [[String]]

    /// The combinations of `records` that have every one of `axes`; records lacking
    /// one are not counted.
    init(axes: [String], records: [ReportRecord]) {
        self.axes = axes
        let keys = records.compactMap { Self.values(of: $0, on: axes) }
        let ranks = axes.indices.map { index in
            Dictionary(uniqueKeysWithValues: AxisValueOrder.ordered(keys.map { $0[index] }).enumerated()
                .map { ($0.element, $0.offset) })
        }
        guard !axes.isEmpty else {
            values = [[]]
            return
        }
        var seen = Set<[String]>()
        values = keys.filter { seen.insert($0).inserted }.sorted { left, right in
            zip(left, ranks).map { $1[$0]! }.lexicographicallyPrecedes(zip(right, ranks).map { $1[$0]! })
        }
    }

    /// Each combination's heading (see ``heading(axes:values:)``), in order.
    var headings: [String] {
        values.map { Self.heading(axes: axes, values: $0) }
    }

    /// The number of values the last axis takes among the combinations; 0 without axes.
    var lastAxisValueCount: Int {
        Set(values.compactMap(\.last)).count
    }

    /// The record's values on `axes`, in their order; nil when it lacks one.
    static func values(of record: ReportRecord, on axes: [String]) -> [String]? {
        let values = axes.compactMap { record.axes[$0] }
        return values.count == axes.count ? values : nil
    }

    /// `axes` with their `values` as a heading, e.g. `direction = fou→kar, bits = 32`;
    /// empty without axes.
    static func heading(axes: [String], values: [String]) -> String {
        zip(axes, values).map { "\($0) = \($1)" }.joined(separator: ", ")
    }
}
