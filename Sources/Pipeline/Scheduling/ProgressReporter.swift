import Foundation

/// Progress of a sweep on standard output: on a terminal, one line redrawn in place
/// (a bar, done / total, failures, runs not applicable, elapsed time and an ETA from
/// the mean time per finished run and the number of workers); otherwise one plain line
/// per finished run — `ok` with its mAP, `n/a` with the reason, or `FAILED` — which
/// logs and CI read well. ``notApplicableSummary`` closes the sweep.
public final class ProgressReporter {
    public let total: Int
    public let jobs: Int
    public let interactive: Bool
    private let started = Date()
    private var finished = 0
    private var failed = 0
    private var runSeconds = 0.0
    /// The reasons of the runs recorded not applicable so far.
    public private(set) var notApplicable = NotApplicableReasons()

    public init(total: Int, jobs: Int, interactive: Bool = isatty(STDOUT_FILENO) != 0) {
        self.total = total
        self.jobs = max(1, jobs)
        self.interactive = interactive
    }

    /// Records one finished run and prints.
    public func record(_ outcome: LocalScheduler.Outcome) {
        finished += 1
        runSeconds += outcome.seconds
        if outcome.failure != nil { failed += 1 }
        if let reason = outcome.notApplicable { notApplicable.add(reason) }
        if interactive {
            let width = 30
            let filled = total == 0 ? width : width * finished / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let declined = notApplicable.isEmpty ? "" : ", \(notApplicable.total) not applicable"
            print("\r[\(bar)] \(finished)/\(total) done, \(failed) failed\(declined), \(Self.duration(elapsed)) elapsed, "
                  + "ETA \(eta)", terminator: finished == total ? "\n" : "")
            fflush(nil)
        } else {
            let status = outcome.failure != nil ? "FAILED" : outcome.notApplicable != nil ? "n/a   " : "ok    "
            let value = outcome.stored?.result.map { " " + $0.mapSummary }
                ?? outcome.notApplicable.map { ": \($0)" } ?? ""
            print("[\(finished)/\(total)] \(status) \(outcome.run.label)\(value) (\(String(format: "%.1f", outcome.seconds)) s)")
            fflush(nil)   // to logs and pipes as each run finishes
        }
    }

    /// The closing lines for the runs recorded not applicable, identical reasons grouped:
    ///
    /// ```
    /// 6 of 36 runs not applicable (recorded; not failures):
    ///   6 × itq: 64 bits need at least 64 feature dimensions, the features have 47
    /// ```
    /// nil when there were none.
    public var notApplicableSummary: String? {
        guard !notApplicable.isEmpty else { return nil }
        return (["\(notApplicable.total) of \(finished) runs not applicable (recorded; not failures):"]
                + notApplicable.lines.map { "  " + $0 }).joined(separator: "\n")
    }

    private var elapsed: Double { Date().timeIntervalSince(started) }

    private var eta: String {
        guard finished > 0 else { return "?" }
        return Self.duration(runSeconds / Double(finished) * Double(total - finished) / Double(jobs))
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? "\(whole / 3600)h\(whole % 3600 / 60)m"
            : whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }
}
