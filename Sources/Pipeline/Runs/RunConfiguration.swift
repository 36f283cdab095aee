import Datasets

/// Everything that determines a run's result: the dataset, the protocol and its
/// feature preprocessing, the method with every parameter resolved (defaults filled
/// in) and its implementation's revision, the code length, the modalities, where the
/// database's codes come from, and the seed. Two runs with equal configurations give
/// equal codes.
///
/// Encoded with the keys `dataset`, `protocol`, `method`, `parameters`, `bits`, `seed`;
/// `modality` (a name) for a single-modal run or `modalities` (two names) for a
/// cross-modal one; `preprocess` only when the preprocessing is not `none`;
/// `database_codes` only when they are `learned`; and `revision` only when the
/// method's revision is not 1: a configuration without them encodes as it did before
/// the keys existed, so its run id (``RunID``) is unchanged, and a configuration read
/// without them has preprocessing `none`, encoded database codes and revision 1.
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
    /// The modalities hashed: one (queries and database alike; empty before the
    /// dataset's first is taken), or two, A and B, for a cross-modal run evaluated
    /// A→B (queries of A against a database of B) and B→A.
    public var modalities: [String]
    /// Where the database's codes come from.
    public var databaseCodes: DatabaseCodes
    public var seed: UInt64

    public init(dataset: String, retrievalProtocol: RetrievalProtocol, preprocessing: FeaturePreprocessing = .none,
                method: String, methodRevision: Int = 1, parameters: [String: String], bits: Int, modality: String,
                seed: UInt64) {
        self.init(dataset: dataset, retrievalProtocol: retrievalProtocol, preprocessing: preprocessing, method: method,
                  methodRevision: methodRevision, parameters: parameters, bits: bits,
                  modalities: modality.isEmpty ? [] : [modality], databaseCodes: .encoded, seed: seed)
    }

    public init(dataset: String, retrievalProtocol: RetrievalProtocol, preprocessing: FeaturePreprocessing = .none,
                method: String, methodRevision: Int = 1, parameters: [String: String], bits: Int, modalities: [String],
                databaseCodes: DatabaseCodes, seed: UInt64) {
        self.dataset = dataset
        self.retrievalProtocol = retrievalProtocol
        self.preprocessing = preprocessing
        self.method = method
        self.methodRevision = methodRevision
        self.parameters = parameters
        self.bits = bits
        self.modalities = modalities
        self.databaseCodes = databaseCodes
        self.seed = seed
    }

    /// The modality of a single-modal run; for a cross-modal run both names, `A↔B`.
    public var modality: String { modalities.joined(separator: "↔") }

    /// Whether the run pairs two modalities.
    public var isCrossModal: Bool { modalities.count == 2 }

    /// The directions a cross-modal run evaluates, query modality first: `(A, B)` and
    /// `(B, A)`; for a single-modal run its one modality both ways.
    public var directions: [(query: String, database: String)] {
        isCrossModal ? [(modalities[0], modalities[1]), (modalities[1], modalities[0])]
            : [(modality, modality)]
    }

    enum CodingKeys: String, CodingKey {
        case dataset, method, parameters, bits, modality, modalities, seed
        case databaseCodes = "database_codes"
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
        if let modalities = try container.decodeIfPresent([String].self, forKey: .modalities) {
            self.modalities = modalities
        } else {
            let modality = try container.decode(String.self, forKey: .modality)
            modalities = modality.isEmpty ? [] : [modality]
        }
        databaseCodes = try container.decodeIfPresent(DatabaseCodes.self, forKey: .databaseCodes) ?? .encoded
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
        if isCrossModal {
            try container.encode(modalities, forKey: .modalities)
        } else {
            try container.encode(modality, forKey: .modality)
        }
        if databaseCodes != .encoded {
            try container.encode(databaseCodes, forKey: .databaseCodes)
        }
        try container.encode(seed, forKey: .seed)
    }
}
