import Foundation
import Methods

/// What one run produced: its configuration (parameters resolved), the dataset's
/// content digest, the split sizes, the unseen classes, the metrics, the times and
/// the method's training diagnostics.
///
/// The metrics are `metrics` for a single-modal run and `directions` (`A→B` and `B→A`)
/// for a cross-modal one; an online run records each round in `rounds` and its last
/// round again as `metrics` or `directions`, the run's final result.
public struct RunResult: Codable, Sendable {
    public var configuration: RunConfiguration
    /// The dataset file's provenance name and path.
    public var datasetName: String
    public var datasetPath: String
    public var splitSizes: [String: Int]
    public var unseenClasses: [String]
    public var metrics: EvaluationReport?
    /// Direction name (``RunEvaluation/directionName(query:database:)``) → metrics.
    public var directions: [String: EvaluationReport]?
    /// Online runs: every round in order.
    public var rounds: [OnlineRound]?
    /// Phase → seconds: `load`, `train` (online: every round's), `encode`, `evaluate`.
    public var seconds: [String: Double]
    public var diagnostics: TrainingDiagnostics

    public init(configuration: RunConfiguration, datasetName: String, datasetPath: String, splitSizes: [String: Int],
                unseenClasses: [String], metrics: EvaluationReport?, directions: [String: EvaluationReport]? = nil,
                rounds: [OnlineRound]? = nil, seconds: [String: Double], diagnostics: TrainingDiagnostics) {
        self.configuration = configuration
        self.datasetName = datasetName
        self.datasetPath = datasetPath
        self.splitSizes = splitSizes
        self.unseenClasses = unseenClasses
        self.metrics = metrics
        self.directions = directions
        self.rounds = rounds
        self.seconds = seconds
        self.diagnostics = diagnostics
    }

    /// Every evaluation: the final ones (one, or one per direction in direction-name
    /// order), then each online round's.
    public var evaluations: [RunEvaluation] {
        func evaluations(metrics: EvaluationReport?, directions: [String: EvaluationReport]?, round: Int?,
                         trainSeconds: Double?) -> [RunEvaluation] {
            metrics.map { [RunEvaluation(direction: nil, round: round, trainSeconds: trainSeconds, report: $0)] } ?? []
                + (directions ?? [:]).sorted { $0.key < $1.key }.map {
                    RunEvaluation(direction: $0.key, round: round, trainSeconds: trainSeconds, report: $0.value)
                }
        }
        return evaluations(metrics: metrics, directions: directions, round: nil, trainSeconds: nil)
            + (rounds ?? []).flatMap {
                evaluations(metrics: $0.metrics, directions: $0.directions, round: $0.round,
                            trainSeconds: $0.trainSeconds)
            }
    }

    /// `map=0.4512`, or per direction `fac→pix map=0.4512 pix→fac map=0.4820`: the final
    /// tie-aware mAP for progress lines.
    public var mapSummary: String {
        evaluations.filter { $0.round == nil }.map {
            ($0.direction.map { "\($0) " } ?? "") + String(format: "map=%.4f", $0.report.map.tieAware)
        }.joined(separator: " ")
    }

    enum CodingKeys: String, CodingKey {
        case configuration, metrics, directions, rounds, seconds, diagnostics
        case datasetName = "dataset_name"
        case datasetPath = "dataset_path"
        case splitSizes = "split_sizes"
        case unseenClasses = "unseen_classes"
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// A short human-readable summary: configuration, sizes, times, then the metrics table.
    public var summary: String {
        var lines = ["\(configuration.method) on \(datasetName) (\(configuration.retrievalProtocol.kind)), "
                     + "\(configuration.bits) bits, seed \(configuration.seed), modality \(configuration.modality), "
                     + "preprocess \(configuration.preprocessing.rawValue)"]
        lines.append("  parameters: " + configuration.parameters.keys.sorted()
            .map { "\($0)=\(configuration.parameters[$0]!)" }.joined(separator: " "))
        lines.append("  split: " + splitSizes.keys.sorted().map { "\($0) \(splitSizes[$0]!)" }.joined(separator: ", ")
                     + (unseenClasses.isEmpty ? "" : "; unseen classes: " + unseenClasses.joined(separator: ", ")))
        lines.append("  seconds: " + ["load", "train", "encode", "evaluate"].compactMap { phase in
            seconds[phase].map { String(format: "%@ %.3f", phase, $0) }
        }.joined(separator: ", "))
        if let last = diagnostics.iterations.last {
            lines.append("  training: \(diagnostics.iterations.count) iterations, final objective "
                         + String(format: "%.6g", last.objective) + ", bits changed in the last \(last.bitsChanged)")
        }
        if let rounds, !rounds.isEmpty {
            lines.append("  rounds (items so far, training seconds, tie-aware mAP):")
            for round in rounds {
                let maps = (round.metrics.map { [String(format: "%.4f", $0.map.tieAware)] } ?? [])
                    + (round.directions ?? [:]).sorted { $0.key < $1.key }.map {
                        "\($0.key) " + String(format: "%.4f", $0.value.map.tieAware)
                    }
                lines.append(String(format: "    %3d  %6d  %8.3f s  ", round.round, round.items, round.trainSeconds)
                             + maps.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n") + "\n" + evaluations.filter { $0.round == nil }.map { evaluation in
            (evaluation.direction.map { "\($0):\n" } ?? "") + evaluation.report.table
        }.joined(separator: "\n")
    }
}
