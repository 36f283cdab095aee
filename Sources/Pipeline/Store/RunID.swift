import Crypto
import Foundation

/// A run's identity: the SHA-256 (hex) of the canonical JSON of what determines its
/// result — the planned run's configuration (dataset, protocol, feature preprocessing
/// when not `none`, method, every parameter with defaults filled in, bits, modality,
/// seed; see ``RunConfiguration``), its cutoffs, and the SHA-256 of the dataset
/// file's contents. Canonical JSON = keys sorted, no whitespace, slashes unescaped.
/// A changed default, cutoff or dataset byte changes the id, so a stored result is
/// never reused for a different computation; the report axes are not part of it
/// (they only label the run).
public enum RunID {
    public static func make(configuration: RunConfiguration, cutoffs: [Int], datasetSHA256: String) -> String {
        let payload = Payload(configuration: configuration, cutoffs: cutoffs, datasetSHA256: datasetSHA256)
        let data = (try? canonicalEncoder.encode(payload)) ?? Data()
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The canonical JSON of `payload`.
    static let canonicalEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private struct Payload: Encodable {
        var configuration: RunConfiguration
        var cutoffs: [Int]
        var datasetSHA256: String

        enum CodingKeys: String, CodingKey {
            case configuration, cutoffs
            case datasetSHA256 = "dataset_sha256"
        }
    }
}
