import Foundation
import Methods

/// What one run produced: its configuration (parameters resolved), the dataset's
/// content digest, the split sizes, the unseen classes, the metrics, the times and
/// the method's training diagnostics.
public struct RunResult: Codable, Sendable {
    public var configuration: RunConfiguration
    /// The dataset file's provenance name and path.
    public var datasetName: String
    public var datasetPath: String
    public var splitSizes: [String: Int]
    public var unseenClasses: [String]
    public var metrics: EvaluationReport
    /// Phase → seconds: `load`, `train`, `encode`, `evaluate`.
    public var seconds: [String: Double]
    public var diagnostics: TrainingDiagnostics

    enum CodingKeys: String, CodingKey {
        case configuration, metrics, seconds, diagnostics
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
        return lines.joined(separator: "\n") + "\n" + metrics.table
    }
}
