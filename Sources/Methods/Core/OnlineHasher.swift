import Linalg

/// The state of an online method: what it has learned from the chunks absorbed so
/// far. As a ``TrainedHasher`` it encodes queries with the current hash functions, and
/// its ``TrainedHasher/trainingCodes`` are the codes of every item absorbed so far, in
/// arrival order (the database of an online run at that round).
public protocol OnlineHasher: TrainedHasher {
    /// Learns from the next chunk (rows = items, the modalities of the first chunk).
    /// Codes of items absorbed earlier stay as they are, and the cost depends on the
    /// chunk's size only, never on the number of items absorbed before it.
    mutating func absorb(_ chunk: TrainingSet, generator: inout SeededGenerator) throws
}
