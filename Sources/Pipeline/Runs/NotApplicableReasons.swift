/// Runs recorded *not applicable* (``StoredRun/Status/notApplicable``), counted by
/// reason, so that what `hashlab run` prints and what a report notes groups identical
/// reasons: a sweep over three seeds and two preprocessings declines ITQ at 64 bits on
/// a 47-dimensional view six times for one reason.
public struct NotApplicableReasons: Hashable, Sendable {
    /// Reason → number of runs.
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    /// The reasons of runs, one per run.
    public init<Reasons: Sequence>(_ reasons: Reasons) where Reasons.Element == String {
        for reason in reasons { add(reason) }
    }

    /// Counts one more run declined for `reason`.
    public mutating func add(_ reason: String) {
        counts[reason, default: 0] += 1
    }

    /// The number of runs.
    public var total: Int { counts.values.reduce(0, +) }

    public var isEmpty: Bool { counts.isEmpty }

    /// One line per reason, `6 × itq: 64 bits need at least 64 feature dimensions, the
    /// features have 47`, the most frequent first (equal counts by reason).
    public var lines: [String] {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) × \($0.key)" }
    }
}
