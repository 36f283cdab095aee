extension StoreDiff {
    /// A run as the report names it: its label (``PlanSummary/line(_:)``) and the first
    /// 12 characters of its id, `lsh bits=4 seed=1 [0123456789ab]`.
    public struct RunName: Hashable, Comparable, Sendable, CustomStringConvertible {
        public var label: String
        public var id: String

        public init(label: String, id: String) {
            self.label = label
            self.id = id
        }

        init(_ stored: StoredRun) {
            self.init(label: PlanSummary.line(stored.run), id: stored.id)
        }

        public var description: String { "\(label) [\(id.prefix(12))]" }

        public static func < (lhs: RunName, rhs: RunName) -> Bool {
            (lhs.label, lhs.id) < (rhs.label, rhs.id)
        }
    }

    /// A metric of a run in both stores that moved beyond the tolerance.
    public struct MetricChange: Hashable, Sendable, CustomStringConvertible {
        public var run: RunName
        /// The metric's name in ``EvaluationReport/namedValues``: `map`, `precision@100`…
        public var metric: String
        public var old: Double
        public var new: Double

        public init(run: RunName, metric: String, old: Double, new: Double) {
            self.run = run
            self.metric = metric
            self.old = old
            self.new = new
        }

        /// `lsh bits=4 seed=1 [0123456789ab] map: 0.6200 → 0.6500 (+0.0300)`.
        public var description: String {
            "\(run) \(metric): \(ReportNumber.text(old)) → \(ReportNumber.text(new)) ("
                + (new >= old ? "+" : "") + ReportNumber.text(new - old) + ")"
        }
    }

    /// A run whose status differs between the stores (`ok`, `failed`, `not_applicable`).
    public struct StatusChange: Hashable, Sendable, CustomStringConvertible {
        public var run: RunName
        public var old: StoredRun.Status
        public var new: StoredRun.Status
        /// The failed side's error, or else the not applicable side's reason.
        public var error: String?

        public init(run: RunName, old: StoredRun.Status, new: StoredRun.Status, error: String?) {
            self.run = run
            self.old = old
            self.new = new
            self.error = error
        }

        /// `itq bits=8 seed=1 [0123456789ab]: ok in A, failed in B: <error>`, or
        /// `…: ok in A, not_applicable in B: <reason>`.
        public var description: String {
            "\(run): \(old.rawValue) in A, \(new.rawValue) in B" + (error.map { ": \($0)" } ?? "")
        }
    }

    /// What differs between two stores.
    public struct Report: Hashable, Sendable, CustomStringConvertible {
        /// Metrics that moved beyond the tolerance, run by run.
        public var metricChanges: [MetricChange]
        /// Runs whose status differs between the stores.
        public var statusChanges: [StatusChange]
        /// Runs in the old store (A) only.
        public var onlyInOld: [RunName]
        /// Runs in the new store (B) only.
        public var onlyInNew: [RunName]

        public init(metricChanges: [MetricChange] = [], statusChanges: [StatusChange] = [],
                    onlyInOld: [RunName] = [], onlyInNew: [RunName] = []) {
            self.metricChanges = metricChanges
            self.statusChanges = statusChanges
            self.onlyInOld = onlyInOld
            self.onlyInNew = onlyInNew
        }

        /// Whether no metric moved and every run is in both stores with the same status.
        public var isEmpty: Bool {
            metricChanges.isEmpty && statusChanges.isEmpty && onlyInOld.isEmpty && onlyInNew.isEmpty
        }

        /// One line per moved metric, status change and run in one store only.
        public var description: String {
            (metricChanges.map(\.description) + statusChanges.map(\.description)
                + onlyInOld.map { "only in A: \($0)" } + onlyInNew.map { "only in B: \($0)" })
                .joined(separator: "\n")
        }
    }
}
