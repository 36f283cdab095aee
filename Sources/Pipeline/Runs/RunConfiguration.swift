/// Everything that determines a run's result: the dataset, the protocol, the
/// method with every parameter resolved (defaults filled in), the code length, the
/// modality and the seed. Two runs with equal configurations give equal codes.
public struct RunConfiguration: Codable, Hashable, Sendable {
    /// The dataset's name or path, as given.
    public var dataset: String
    public var retrievalProtocol: RetrievalProtocol
    public var method: String
    /// Parameter name → canonical value text (every declared parameter).
    public var parameters: [String: String]
    public var bits: Int
    /// The modality whose features are hashed (queries and database alike).
    public var modality: String
    public var seed: UInt64

    public init(dataset: String, retrievalProtocol: RetrievalProtocol, method: String, parameters: [String: String],
                bits: Int, modality: String, seed: UInt64) {
        self.dataset = dataset
        self.retrievalProtocol = retrievalProtocol
        self.method = method
        self.parameters = parameters
        self.bits = bits
        self.modality = modality
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case dataset, method, parameters, bits, modality, seed
        case retrievalProtocol = "protocol"
    }
}
