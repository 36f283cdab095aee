/// One round of an online run: after the round's chunk was learned, how many items had
/// streamed in (the database), the seconds the round's training took alone (an online
/// method absorbing the chunk; an offline method retrained on every item so far), and
/// the evaluation — `metrics` for a single-modal run, `directions` (`A→B`, `B→A`) for a
/// cross-modal one.
public struct OnlineRound: Codable, Equatable, Sendable {
    /// 1-based.
    public var round: Int
    public var items: Int
    public var trainSeconds: Double
    public var metrics: EvaluationReport?
    public var directions: [String: EvaluationReport]?

    public init(round: Int, items: Int, trainSeconds: Double, metrics: EvaluationReport?,
                directions: [String: EvaluationReport]?) {
        self.round = round
        self.items = items
        self.trainSeconds = trainSeconds
        self.metrics = metrics
        self.directions = directions
    }

    enum CodingKeys: String, CodingKey {
        case round, items, metrics, directions
        case trainSeconds = "train_seconds"
    }
}
