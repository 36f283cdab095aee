import Linalg

/// The online (streaming) protocol of LEMON (Wang et al., ACM MM 2020): the training
/// set arrives in a seeded order, cut into chunks of `chunkSize` items (2,000 for
/// MIRFlickr); the last chunk also takes the remainder (18,015 items → eight chunks of
/// 2,000 and one of 2,015). Methods are evaluated after each chunk. Queries and
/// database come from the base protocol, usually ``CrossModalProtocol``.
public struct OnlineProtocol: Codable, Hashable, Sendable {
    public var chunkSize: Int

    public init(chunkSize: Int = 2000) {
        self.chunkSize = chunkSize
    }

    /// `base` with its training set cut into chunks in a seeded order.
    ///
    /// - Throws: ``ProtocolError/invalidParameter(name:reason:)`` unless the chunk
    ///   size is positive.
    public func chunked(_ base: ProtocolSplit, seed: UInt64) throws -> ProtocolSplit {
        guard chunkSize > 0 else {
            throw ProtocolError.invalidParameter(name: "chunk_size", reason: "must be positive, not \(chunkSize)")
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
