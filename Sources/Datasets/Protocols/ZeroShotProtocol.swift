import HashCore
import Linalg

/// The zero-shot retrieval protocol: methods train on seen classes only and are
/// scored on queries from classes they never saw.
///
/// - Unseen classes: a list of class names, or those of a stored split's
///   `test_unseen` part (AWA2's proposed split).
/// - An item is *unseen* when it has at least one unseen label, *seen* otherwise
///   (and when it has any label).
/// - Training: the seen items — with a stored split, its `trainval` part — or a
///   seeded sample of `trainingLimit` of them.
/// - Queries: a seeded sample of `queries` unseen items.
/// - Database: `rest` (every item but the queries), `unseen` (the unseen items but the
///   queries), `seen` (the seen items) or `all` (every item, queries included).
public struct ZeroShotProtocol: Codable, Hashable, Sendable {
    /// How the unseen classes are given; encoded as `{"classes": [...]}` or
    /// `{"split": "proposed"}`.
    public enum Unseen: Codable, Hashable, Sendable {
        case classes([String])
        case split(String)

        enum CodingKeys: String, CodingKey { case classes, split }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let split = try container.decodeIfPresent(String.self, forKey: .split) {
                self = .split(split)
            } else {
                self = .classes(try container.decode([String].self, forKey: .classes))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case let .classes(names): try container.encode(names, forKey: .classes)
            case let .split(name): try container.encode(name, forKey: .split)
            }
        }
    }

    /// Which items form the database.
    public enum Database: String, Codable, Hashable, Sendable, CaseIterable {
        case rest, unseen, seen, all
    }

    public var unseen: Unseen
    public var queries: Int
    public var database: Database
    public var trainingLimit: Int?

    public init(unseen: Unseen, queries: Int, database: Database = .rest, trainingLimit: Int? = nil) {
        self.unseen = unseen
        self.queries = queries
        self.database = database
        self.trainingLimit = trainingLimit
    }

    /// The index sets for `dataset` under `seed`.
    ///
    /// - Throws: ``ProtocolError`` for an unknown class name (with a suggestion), a
    ///   missing stored split or part, more queries or training items than exist, or
    ///   no training or database item at all (every class unseen, say).
    public func split(_ dataset: Dataset, seed: UInt64) throws -> ProtocolSplit {
        guard queries > 0 else {
            throw ProtocolError.invalidParameter(name: "queries", reason: "must be positive, not \(queries)")
        }
        let unseenClasses: Set<Int>
        var trainingPool: [Int]?
        switch unseen {
        case let .classes(names):
            unseenClasses = Set(try names.map { name in
                guard let index = dataset.classes.firstIndex(of: name) else {
                    throw ProtocolError.unknownClass(dataset: dataset.name, name: name,
                                                     suggestion: NearestName.suggestion(for: name, among: dataset.classes))
                }
                return index
            })
        case let .split(name):
            guard let stored = dataset.split(name) else {
                throw ProtocolError.missingSplit(dataset: dataset.name, split: name, part: nil)
            }
            guard let testUnseen = stored.part("test_unseen") else {
                throw ProtocolError.missingSplit(dataset: dataset.name, split: name, part: "test_unseen")
            }
            unseenClasses = Set(testUnseen.flatMap { item in
                (0..<dataset.classes.count).filter { dataset.labels[item, $0] != 0 }
            })
            trainingPool = stored.part("trainval")
        }
        var seenItems: [Int] = [], unseenItems: [Int] = []
        for item in 0..<dataset.count {
            let labels = (0..<dataset.classes.count).filter { dataset.labels[item, $0] != 0 }
            if labels.contains(where: unseenClasses.contains) {
                unseenItems.append(item)
            } else if !labels.isEmpty {
                seenItems.append(item)
            }
        }
        guard queries <= unseenItems.count else {
            throw ProtocolError.tooFewItems(dataset: dataset.name, set: "queries (unseen items)",
                                            wanted: queries, available: unseenItems.count)
        }
        var queryGenerator = SeededGenerator(seed: seed, component: "zero-shot/queries")
        let queryItems = queryGenerator.sample(queries, from: unseenItems.count).map { unseenItems[$0] }.sorted()

        var training = trainingPool ?? seenItems
        guard !training.isEmpty else {
            throw ProtocolError.emptySet(dataset: dataset.name, set: "training",
                                         reason: trainingPool == nil
                                            ? "every labelled item has an unseen class (\(unseenClasses.count) of "
                                                + "\(dataset.classes.count) classes are unseen)"
                                            : "the split's trainval part is empty")
        }
        if let trainingLimit {
            guard trainingLimit > 0, trainingLimit <= training.count else {
                throw ProtocolError.tooFewItems(dataset: dataset.name, set: "training (seen items)",
                                                wanted: trainingLimit, available: training.count)
            }
            var trainingGenerator = SeededGenerator(seed: seed, component: "zero-shot/training")
            training = trainingGenerator.sample(trainingLimit, from: training.count).map { training[$0] }
        }
        let querySet = Set(queryItems)
        let databaseItems: [Int]
        switch database {
        case .rest: databaseItems = (0..<dataset.count).filter { !querySet.contains($0) }
        case .unseen: databaseItems = unseenItems.filter { !querySet.contains($0) }
        case .seen: databaseItems = seenItems
        case .all: databaseItems = Array(0..<dataset.count)
        }
        guard !databaseItems.isEmpty else {
            throw ProtocolError.emptySet(dataset: dataset.name, set: "database",
                                         reason: "database \(database.rawValue) holds no item besides the queries")
        }
        return ProtocolSplit(training: training.sorted(), queries: queryItems, database: databaseItems,
                             unseenClasses: unseenClasses.sorted().map { dataset.classes[$0] })
    }
}
