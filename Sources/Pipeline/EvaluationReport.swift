import Foundation
import HashCore

/// The result of `hashlab evaluate`: what was scored and every metric, printable as
/// a small table and serialisable as JSON.
public struct EvaluationReport: Codable, Equatable, Sendable {
    /// A metric under both tie rules (see `TieRules`).
    public struct Value: Codable, Equatable, Sendable {
        public var tieAware: Double
        public var indexOrder: Double

        enum CodingKeys: String, CodingKey {
            case tieAware = "tie_aware"
            case indexOrder = "index_order"
        }
    }

    /// A metric at one cutoff K.
    public struct AtCutoff: Codable, Equatable, Sendable {
        public var cutoff: Int
        public var map: Value
        public var precision: Value
        public var recall: Value
    }

    public var queries: String
    public var database: String
    public var queryCount: Int
    public var databaseCount: Int
    public var bits: Int
    public var queriesWithoutRelevant: Int
    public var queriesWithoutRelevantRule: String
    public var map: Value
    public var atCutoffs: [AtCutoff]
    public var precisionWithinRadius2: Double
    public var precisionRecallByRadius: [RetrievalMetrics.RadiusPoint]

    enum CodingKeys: String, CodingKey {
        case queries, database, bits, map
        case queryCount = "query_count"
        case databaseCount = "database_count"
        case queriesWithoutRelevant = "queries_without_relevant"
        case queriesWithoutRelevantRule = "queries_without_relevant_rule"
        case atCutoffs = "at_cutoffs"
        case precisionWithinRadius2 = "precision_within_radius_2"
        case precisionRecallByRadius = "precision_recall_by_radius"
    }

    init(queriesPath: String, databasePath: String, databaseCount: Int, bits: Int,
         metrics: RetrievalMetrics) {
        func value(_ pair: TieRules<Double>) -> Value {
            Value(tieAware: pair.tieAware, indexOrder: pair.indexOrder)
        }
        queries = queriesPath
        database = databasePath
        queryCount = metrics.queryCount
        self.databaseCount = databaseCount
        self.bits = bits
        queriesWithoutRelevant = metrics.queriesWithoutRelevant
        queriesWithoutRelevantRule = metrics.queriesWithoutRelevantRule.rawValue
        map = value(metrics.meanAveragePrecision)
        atCutoffs = metrics.cutoffs.indices.map { index in
            AtCutoff(cutoff: metrics.cutoffs[index],
                     map: value(metrics.meanAveragePrecisionAtCutoffs[index]),
                     precision: value(metrics.precisionAtCutoffs[index]),
                     recall: value(metrics.recallAtCutoffs[index]))
        }
        precisionWithinRadius2 = metrics.precisionWithinRadius2
        precisionRecallByRadius = metrics.precisionRecallByRadius
    }

    /// The metrics as a plain-text table, tie-aware values first.
    public var table: String {
        func row(_ name: String, _ value: Value) -> String {
            name.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: "%10.4f  %11.4f", value.tieAware, value.indexOrder)
        }
        let empty = queriesWithoutRelevant == 0 ? "" :
            "; \(queriesWithoutRelevant) queries without relevant items "
                + (queriesWithoutRelevantRule == "exclude" ? "excluded" : "counted as AP = 0")
        var lines = [
            "\(queryCount) queries × \(databaseCount) database items, \(bits) bits\(empty)",
            "metric       tie-aware  index order",
            row("mAP", map),
        ]
        for entry in atCutoffs {
            lines.append(row("mAP@\(entry.cutoff)", entry.map))
            lines.append(row("P@\(entry.cutoff)", entry.precision))
            lines.append(row("R@\(entry.cutoff)", entry.recall))
        }
        lines.append("P@r≤2".padding(toLength: 12, withPad: " ", startingAt: 0)
            + String(format: "%10.4f  (no ties within a radius)", precisionWithinRadius2))
        return lines.joined(separator: "\n")
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}
