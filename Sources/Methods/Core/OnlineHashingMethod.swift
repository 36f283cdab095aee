import Linalg

/// A method that learns from a stream (LEMON): its state absorbs the training data
/// chunk by chunk, and after each chunk encodes like any trained hasher.
///
/// Its offline ``HashingMethod/train(_:bits:generator:)`` is one chunk holding the
/// whole training set.
public protocol OnlineHashingMethod: HashingMethod {
    /// The state before any data, for `bits`-bit codes.
    func begin(bits: Int) throws -> any OnlineHasher
}

extension OnlineHashingMethod {
    /// Absorbs `data` as a single chunk.
    public func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher {
        var hasher = try begin(bits: bits)
        try hasher.absorb(data, generator: &generator)
        return hasher
    }
}
