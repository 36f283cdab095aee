import Datasets

/// Everything that determines a run's result: the dataset, the protocol and its
/// feature preprocessing, the method with every parameter resolved (defaults filled
/// in) and its implementation's revision, the code length, the modality and the seed.
/// Two runs with equal configurations give equal codes.
///
/// Encoded with the keys `dataset`, `protocol`, `method`, `parameters`, `bits`,
/// `modality`, `seed`, `preprocess` only when the preprocessing is not `none`, and
/// `revision` only when the method's revision is not 1: a configuration without them
/// encodes as it did before the keys existed, so its run id (``RunID``) is unchanged,
/// and a configuration read without them has preprocessing `none` and revision 1.
public struct RunConfiguration: Codable, Hashable, Sendable {
    /// The dataset's name or path, as given.
    public var dataset: String
    public var retrievalProtocol: RetrievalProtocol
    /// How features are prepared before training and encoding (a protocol setting).
    public var preprocessing: FeaturePreprocessing
    public var method: String
    /// The method's implementation revision (`HashingMethod.revision`).
    public var methodRevision: Int
    /// Parameter name → canonical value text (every declared parameter).
    public var parameters: [String: String]
    public var bits: Int
    /// The modality whose features are hashed (queries and database alike).
    public var modality: String
    public var seed: UInt64

    public init(dataset: String, retrievalProtocol: RetrievalProtocol, preprocessing: FeaturePreprocessing = .none,
                method: String, methodRevision: Int = 1, parameters: [String: String], bits: Int, modality: String,
                seed: UInt64) {
        self.dataset = dataset
        self.retrievalProtocol = retrievalProtocol
        self.preprocessing = preprocessing
        self.method = method
        self.methodRevision = methodRevision
        self.parameters = parameters
        self.bits = bits
        self.modality = modality
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case dataset, method, parameters, bits, modality, seed
        case retrievalProtocol = "protocol"
        case preprocessing = "preprocess"
        case methodRevision = "revision"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dataset = try container.decode(String.self, forKey: .dataset)
        retrievalProtocol = try container.decode(RetrievalProtocol.self, forKey: .retrievalProtocol)
        preprocessing = try container.decodeIfPresent(FeaturePreprocessing.self, forKey: .preprocessing)
            ?? FeaturePreprocessing.none
        method = try container.decode(String.self, forKey: .method)
        methodRevision = try container.decodeIfPresent(Int.self, forKey: .methodRevision) ?? 1
        parameters = try container.decode([String: String].self, forKey: .parameters)
        bits = try container.decode(Int.self, forKey: .bits)
        modality = try container.decode(String.self, forKey: .modality)
        seed = try container.decode(UInt64.self, forKey: .seed)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dataset, forKey: .dataset)
        try container.encode(retrievalProtocol, forKey: .retrievalProtocol)
        if preprocessing != FeaturePreprocessing.none {
            try container.encode(preprocessing, forKey: .preprocessing)
        }
        try container.encode(method, forKey: .method)
        if methodRevision != 1 {
            try container.encode(methodRevision, forKey: .methodRevision)
        }
        try container.encode(parameters, forKey: .parameters)
        try container.encode(bits, forKey: .bits)
        try container.encode(modality, forKey: .modality)
        try container.encode(seed, forKey: .seed)
    }
}
