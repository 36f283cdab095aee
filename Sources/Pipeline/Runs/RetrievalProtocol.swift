import Datasets

/// The protocol of a run: which items train, query and form the database. Encoded
/// with a `kind` key (`zero-shot`, `cross-modal`, `online`) beside the protocol's own
/// fields.
public enum RetrievalProtocol: Codable, Hashable, Sendable {
    case zeroShot(ZeroShotProtocol)
    case crossModal(CrossModalProtocol)
    /// Training streams in chunks; each round is evaluated (``OnlineProtocol``).
    case online(OnlineProtocol)

    enum CodingKeys: String, CodingKey { case kind }

    /// The protocol's name in specs and on the command line.
    public var kind: String {
        switch self {
        case .zeroShot: return "zero-shot"
        case .crossModal: return "cross-modal"
        case .online: return "online"
        }
    }

    /// The index sets for `dataset` under `seed`.
    public func split(_ dataset: Dataset, seed: UInt64) throws -> ProtocolSplit {
        switch self {
        case let .zeroShot(zeroShot): return try zeroShot.split(dataset, seed: seed)
        case let .crossModal(crossModal): return try crossModal.split(dataset, seed: seed)
        case let .online(online): return try online.split(dataset, seed: seed)
        }
    }

    public init(from decoder: Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .kind)
        switch kind {
        case "zero-shot": self = .zeroShot(try ZeroShotProtocol(from: decoder))
        case "cross-modal": self = .crossModal(try CrossModalProtocol(from: decoder))
        case "online": self = .online(try OnlineProtocol(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.kind],
                                                    debugDescription: "unknown protocol \"\(kind)\""))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case let .zeroShot(zeroShot): try zeroShot.encode(to: encoder)
        case let .crossModal(crossModal): try crossModal.encode(to: encoder)
        case let .online(online): try online.encode(to: encoder)
        }
    }
}
