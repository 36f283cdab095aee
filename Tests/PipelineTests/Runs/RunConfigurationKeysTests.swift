import Datasets
import Foundation
import Pipeline
import Testing

/// The configuration keys of cross-modal and online runs appear only where they apply,
/// so single-modal configurations (and their run ids) encode as before.
@Suite struct RunConfigurationKeysTests {
    static func keys(_ configuration: RunConfiguration) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try #require(try JSONSerialization.jsonObject(with: encoder.encode(configuration)) as? [String: Any])
    }

    @Test func singleModalConfigurationsKeepTheirKeys() throws {
        let single = RunConfiguration(dataset: "mfeat", retrievalProtocol: .crossModal(CrossModalProtocol()), method: "lsh",
                                      parameters: [:], bits: 16, modality: "fac", seed: 1)
        let json = try Self.keys(single)
        #expect(Set(json.keys) == ["dataset", "protocol", "method", "parameters", "bits", "modality", "seed"])
        #expect(json["modality"] as? String == "fac")
        let decoded = try JSONDecoder().decode(RunConfiguration.self, from: JSONEncoder().encode(single))
        #expect(decoded == single && decoded.modalities == ["fac"] && decoded.databaseCodes == .encoded)
    }

    @Test func pairedAndLearnedConfigurationsSayWhatTheyAre() throws {
        let online = RetrievalProtocol.online(OnlineProtocol(base: CrossModalProtocol(queries: 100, training: nil),
                                                             chunkSize: 300))
        let paired = RunConfiguration(dataset: "mfeat", retrievalProtocol: online, method: "lemon", parameters: [:],
                                      bits: 16, modalities: ["fou", "kar"], databaseCodes: .learned, seed: 1)
        let json = try Self.keys(paired)
        #expect(json["modality"] == nil)
        #expect(json["modalities"] as? [String] == ["fou", "kar"])
        #expect(json["database_codes"] as? String == "learned")
        let protocolKeys = try #require(json["protocol"] as? [String: Any])
        #expect(protocolKeys["kind"] as? String == "online" && protocolKeys["chunkSize"] as? Int == 300)
        let decoded = try JSONDecoder().decode(RunConfiguration.self, from: JSONEncoder().encode(paired))
        #expect(decoded == paired)
        #expect(paired.directions.map { "\($0.query)→\($0.database)" } == ["fou→kar", "kar→fou"])
        #expect(paired.modality == "fou↔kar")
    }

    @Test func protocolSettingsCheckTheCrossModalAndOnlineKeys() throws {
        let online = try ProtocolSettings(kind: "online").retrievalProtocol()
        #expect(online == .online(OnlineProtocol(base: CrossModalProtocol(queries: 2000, training: nil), chunkSize: 2000)))
        #expect(try ProtocolSettings(kind: "online").databaseCodeSource() == .learned)
        #expect(try ProtocolSettings(kind: "cross-modal").databaseCodeSource() == .encoded)
        #expect(try ProtocolSettings(kind: "cross-modal", databaseCodes: "learned").retrievalProtocol()
                == .crossModal(CrossModalProtocol(queries: 2000, training: 10000)))
        func rejects(_ settings: ProtocolSettings, naming name: String) {
            #expect {
                _ = try settings.retrievalProtocol()
            } throws: { error in
                guard case let ProtocolError.invalidParameter(named, _) = error else { return false }
                return named == name
            }
        }
        rejects(ProtocolSettings(kind: "online", preprocess: "zscore"), naming: "preprocess")
        rejects(ProtocolSettings(kind: "cross-modal", chunk: 100), naming: "chunk")
        rejects(ProtocolSettings(kind: "zero-shot", unseen: ["8"], chunk: 100), naming: "chunk")
        rejects(ProtocolSettings(kind: "zero-shot", unseen: ["8"], databaseCodes: "learned"), naming: "database_codes")
        rejects(ProtocolSettings(kind: "online", chunk: 0), naming: "chunk")
        rejects(ProtocolSettings(kind: "online", databaseCodes: "lerned"), naming: "database_codes")
        rejects(ProtocolSettings(kind: "onlien"), naming: "kind")
    }
}
