import Linalg

/// The cross-modal retrieval protocol of DCMH (Jiang and Li, CVPR 2017): a seeded
/// sample of `queries` items (2,000) queries, every other item forms the database,
/// and training is the first `training` (10,000) items of the database in the seeded
/// order. Or, with `storedSplit`, a stored train/test split (LEMON's MIRFlickr
/// partition): queries = its `test` part, database and training = its `train` part
/// (training optionally capped to its first `training` items in a seeded order).
public struct CrossModalProtocol: Codable, Hashable, Sendable {
    public var queries: Int
    public var training: Int?
    public var storedSplit: String?

    public init(queries: Int = 2000, training: Int? = 10000, storedSplit: String? = nil) {
        self.queries = queries
        self.training = training
        self.storedSplit = storedSplit
    }

    /// The index sets for `dataset` under `seed`.
    ///
    /// - Throws: ``ProtocolError`` for a missing split or part, a stored split whose
    ///   train part is empty, or sizes larger than the data.
    public func split(_ dataset: Dataset, seed: UInt64) throws -> ProtocolSplit {
        var generator = SeededGenerator(seed: seed, component: "cross-modal/order")
        let queryItems: [Int], databaseItems: [Int], trainingOrder: [Int]
        if let storedSplit {
            guard let stored = dataset.split(storedSplit) else {
                throw ProtocolError.missingSplit(dataset: dataset.name, split: storedSplit, part: nil)
            }
            guard let test = stored.part("test") else {
                throw ProtocolError.missingSplit(dataset: dataset.name, split: storedSplit, part: "test")
            }
            guard let train = stored.part("train") else {
                throw ProtocolError.missingSplit(dataset: dataset.name, split: storedSplit, part: "train")
            }
            queryItems = test
            databaseItems = train
            trainingOrder = generator.permutation(train.count).map { train[$0] }
        } else {
            guard queries > 0, queries < dataset.count else {
                throw ProtocolError.tooFewItems(dataset: dataset.name, set: "queries", wanted: queries,
                                                available: dataset.count - 1)
            }
            let order = generator.permutation(dataset.count)
            queryItems = Array(order.prefix(queries))
            trainingOrder = Array(order.dropFirst(queries))
            databaseItems = trainingOrder
        }
        guard !trainingOrder.isEmpty else {
            throw ProtocolError.emptySet(dataset: dataset.name, set: "training",
                                         reason: "the split \"\(storedSplit ?? "")\" has an empty train part")
        }
        let trainingCount = training ?? trainingOrder.count
        guard trainingCount > 0, trainingCount <= trainingOrder.count else {
            throw ProtocolError.tooFewItems(dataset: dataset.name, set: "training (database items)",
                                            wanted: trainingCount, available: trainingOrder.count)
        }
        return ProtocolSplit(training: trainingOrder.prefix(trainingCount).sorted(), queries: queryItems.sorted(),
                             database: databaseItems.sorted())
    }
}
