/// One evaluation a run recorded, with where it sits: the direction of a cross-modal
/// run (`A→B`: queries of A against a database of B), the round of an online run with
/// that round's training seconds. Reports and store comparisons read a run through
/// these (``RunResult/evaluations``).
public struct RunEvaluation: Sendable {
    /// `A→B`; nil for a single-modal run.
    public var direction: String?
    /// The online round (1-based); nil for the run's final evaluation.
    public var round: Int?
    /// The round's training seconds (online rounds only).
    public var trainSeconds: Double?
    public var report: EvaluationReport

    /// The direction's name: the query modality, an arrow, the database modality.
    public static func directionName(query: String, database: String) -> String {
        "\(query)→\(database)"
    }

    /// `fac→pix, round 3`, for lists of changes; empty for a single-modal final evaluation.
    public var label: String {
        [direction, round.map { "round \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}
