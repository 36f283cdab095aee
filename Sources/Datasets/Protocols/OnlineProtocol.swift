import Linalg

/// The online (streaming) protocol of LEMON (Wang et al., ACM MM 2020): queries,
/// and the items that stream in, come from a ``CrossModalProtocol`` (`base`: a seeded
/// sample of queries with the rest streaming in, or a stored split's test and train
/// parts); the stream arrives in a seeded order, cut into chunks of `chunkSize` items
/// (2,000 for MIRFlickr), the last chunk also taking the remainder (18,015 items →
/// eight chunks of 2,000 and one of 2,015). After each chunk (a *round*) methods are
/// evaluated with the database = every item streamed in so far.
///
/// Encoded as the base protocol's fields beside `chunkSize`.
public struct OnlineProtocol: Codable, Hashable, Sendable {
    public var base: CrossModalProtocol
    public var chunkSize: Int

    public init(base: CrossModalProtocol = CrossModalProtocol(training: nil), chunkSize: Int = 2000) {
        self.base = base
        self.chunkSize = chunkSize
    }

    enum CodingKeys: String, CodingKey { case chunkSize }

    public init(from decoder: Decoder) throws {
        base = try CrossModalProtocol(from: decoder)
        chunkSize = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .chunkSize)
    }

    public func encode(to encoder: Encoder) throws {
        try base.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(chunkSize, forKey: .chunkSize)
    }

    /// The base protocol's index sets for `dataset` under `seed`, the training items
    /// cut into chunks (``ProtocolSplit/chunks``); the database is the training set,
    /// of which each round sees the chunks so far.
    ///
    /// - Throws: ``ProtocolError`` as ``CrossModalProtocol/split(_:seed:)``, and
    ///   ``ProtocolError/invalidParameter(name:reason:)`` unless the chunk size is positive.
    public func split(_ dataset: Dataset, seed: UInt64) throws -> ProtocolSplit {
        var split = try base.split(dataset, seed: seed)
        split.database = split.training
        return try chunked(split, seed: seed)
    }

    /// `base` with its training set cut into chunks in a seeded order.
    ///
    /// - Throws: ``ProtocolError/invalidParameter(name:reason:)`` unless the chunk
    ///   size is positive.
    public func chunked(_ base: ProtocolSplit, seed: UInt64) throws -> ProtocolSplit {
        guard chunkSize > 0 else {
            throw ProtocolError.invalidParameter(name: "chunk", reason: "must be positive, not \(chunkSize)")
        }
        var generator = SeededGenerator(seed: seed, component: "online/order")
        let order = generator.permutation(base.training.count).map { base.training[$0] }
        let chunkCount = max(1, order.count / chunkSize)
        var result = base
        result.chunks = (0..<chunkCount).map { chunk in
            let end = chunk == chunkCount - 1 ? order.count : (chunk + 1) * chunkSize
            return Array(order[chunk * chunkSize..<end])
        }
        return result
    }
}
