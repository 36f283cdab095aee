import Datasets
import Foundation
import Linalg
import Testing
import TestSupport

/// Protocol invariants: disjointness, class membership, sizes, determinism under a
/// seed, and errors.
@Suite struct ProtocolTests {
    /// A single-label dataset of `perClass` items for each of `classes` classes
    /// (item i has class i % classes), with a proposed-style split whose unseen classes
    /// are the last two.
    static func dataset(classes: Int = 6, perClass: Int = 20, in directory: TemporaryDirectory) throws -> Dataset {
        let count = classes * perClass
        var labels = Matrix<UInt8>(rows: count, columns: classes, repeating: 0)
        for item in 0..<count { labels[item, item % classes] = 1 }
        let unseen = (0..<count).filter { $0 % classes >= classes - 2 }
        let seen = (0..<count).filter { $0 % classes < classes - 2 }
        let contents = DatasetContents(
            name: "toy", modalities: [.init(name: "x", features: Matrix(rows: count, columns: 2, repeating: 0))],
            labels: labels, classes: (0..<classes).map { "c\($0)" },
            splits: [.init(name: "proposed", parts: [(name: "trainval", items: Array(seen.prefix(50))),
                                                     (name: "test_unseen", items: unseen)]),
                     .init(name: "lemon", parts: [(name: "train", items: Array(0..<100)),
                                                  (name: "test", items: Array(100..<count))])])
        let path = directory.path("toy.h5")
        try contents.write(to: path)
        return try Dataset(path: path)
    }

    @Test func zeroShotByClassList() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let dataset = try Self.dataset(in: directory)
        let unseen: Set<Int> = [4, 5]
        for database in ZeroShotProtocol.Database.allCases {
            let zeroShot = ZeroShotProtocol(unseen: .classes(["c4", "c5"]), queries: 15, database: database)
            let split = try zeroShot.split(dataset, seed: 3)
            #expect(split.unseenClasses == ["c4", "c5"])
            #expect(split.queries.count == 15 && Set(split.queries).count == 15)
            #expect(split.queries.allSatisfy { unseen.contains($0 % 6) })
            #expect(split.training.count == 80 && split.training.allSatisfy { !unseen.contains($0 % 6) })
            #expect(split.queries == split.queries.sorted() && split.database == split.database.sorted())
            let queries = Set(split.queries)
            switch database {
            case .rest: #expect(split.database.count == 105 && queries.isDisjoint(with: split.database))
            case .unseen:
                #expect(split.database.count == 25 && queries.isDisjoint(with: split.database))
                #expect(split.database.allSatisfy { unseen.contains($0 % 6) })
            case .seen: #expect(split.database == split.training)
            case .all: #expect(split.database == Array(0..<120))
            }
            #expect(try zeroShot.split(dataset, seed: 3) == split)
            #expect(try zeroShot.split(dataset, seed: 4).queries != split.queries)
        }
        let capped = try ZeroShotProtocol(unseen: .classes(["c4", "c5"]), queries: 5, trainingLimit: 30)
            .split(dataset, seed: 1)
        #expect(capped.training.count == 30 && Set(capped.training).count == 30)
        #expect(capped.training.allSatisfy { $0 % 6 < 4 })
    }

    @Test func zeroShotByStoredSplit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let dataset = try Self.dataset(in: directory)
        let split = try ZeroShotProtocol(unseen: .split("proposed"), queries: 10, database: .unseen)
            .split(dataset, seed: 0)
        #expect(split.unseenClasses == ["c4", "c5"])
        #expect(split.training == dataset.split("proposed")?.part("trainval"))
        #expect(split.database.count == 30 && split.queries.allSatisfy { $0 % 6 >= 4 })
    }

    @Test func zeroShotErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let dataset = try Self.dataset(in: directory)
        #expect(throws: ProtocolError.unknownClass(dataset: "toy", name: "c44", suggestion: "c4")) {
            try ZeroShotProtocol(unseen: .classes(["c44"]), queries: 1).split(dataset, seed: 0)
        }
        #expect(throws: ProtocolError.tooFewItems(dataset: "toy", set: "queries (unseen items)", wanted: 41,
                                                  available: 40)) {
            try ZeroShotProtocol(unseen: .classes(["c4", "c5"]), queries: 41).split(dataset, seed: 0)
        }
        #expect(throws: ProtocolError.missingSplit(dataset: "toy", split: "official", part: nil)) {
            try ZeroShotProtocol(unseen: .split("official"), queries: 1).split(dataset, seed: 0)
        }
        #expect(throws: ProtocolError.missingSplit(dataset: "toy", split: "lemon", part: "test_unseen")) {
            try ZeroShotProtocol(unseen: .split("lemon"), queries: 1).split(dataset, seed: 0)
        }
        let error = #expect(throws: ProtocolError.self) {
            try ZeroShotProtocol(unseen: .classes(["c5"]), queries: 1, trainingLimit: 101).split(dataset, seed: 0)
        }
        #expect(error?.description == "toy: training (seen items) asks for 101 items but only 100 are available")
    }

    /// Regression (issue 16's probe): every class unseen trapped in the method's column
    /// means; a database of no item would have trapped in the evaluation.
    @Test func emptyTrainingOrDatabaseSetsAreErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let dataset = try Self.dataset(in: directory)
        let everyClass = ZeroShotProtocol(unseen: .classes((0..<6).map { "c\($0)" }), queries: 10)
        let error = #expect(throws: ProtocolError.self) { try everyClass.split(dataset, seed: 0) }
        #expect(error == .emptySet(dataset: "toy", set: "training",
                                   reason: "every labelled item has an unseen class (6 of 6 classes are unseen)"))
        #expect(error?.description.hasPrefix("toy: no training items: ") == true)
        var onlyQueries = ZeroShotProtocol(unseen: .classes(["c5"]), queries: 20)
        onlyQueries.database = .unseen
        #expect(throws: ProtocolError.emptySet(dataset: "toy", set: "database",
                                               reason: "database unseen holds no item besides the queries")) {
            try onlyQueries.split(dataset, seed: 0)
        }
    }

    @Test func crossModalSampledAndStored() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let dataset = try Self.dataset(in: directory)
        let sampled = CrossModalProtocol(queries: 20, training: 50)
        let split = try sampled.split(dataset, seed: 7)
        #expect(split.queries.count == 20 && split.database.count == 100 && split.training.count == 50)
        #expect(Set(split.queries).isDisjoint(with: split.database))
        #expect(Set(split.queries).union(split.database) == Set(0..<120))
        #expect(Set(split.training).isSubset(of: split.database))
        #expect(try sampled.split(dataset, seed: 7) == split)
        #expect(try sampled.split(dataset, seed: 8) != split)

        let stored = try CrossModalProtocol(training: nil, storedSplit: "lemon").split(dataset, seed: 7)
        #expect(stored.queries == Array(100..<120) && stored.database == Array(0..<100))
        #expect(stored.training == Array(0..<100))
        #expect(throws: ProtocolError.tooFewItems(dataset: "toy", set: "queries", wanted: 120, available: 119)) {
            try CrossModalProtocol(queries: 120).split(dataset, seed: 0)
        }
        #expect(throws: ProtocolError.missingSplit(dataset: "toy", split: "proposed", part: "test")) {
            try CrossModalProtocol(storedSplit: "proposed").split(dataset, seed: 0)
        }
    }

    @Test func onlineChunksAsLEMON() throws {
        let base = ProtocolSplit(training: Array(0..<18015), queries: [], database: [])
        let online = try OnlineProtocol(chunkSize: 2000).chunked(base, seed: 5)
        #expect(online.chunks.map(\.count) == Array(repeating: 2000, count: 8) + [2015])
        #expect(online.chunks.flatMap { $0 }.sorted() == base.training)
        #expect(online.chunks[0] != Array(0..<2000))
        #expect(try OnlineProtocol(chunkSize: 2000).chunked(base, seed: 5) == online)
        #expect(try OnlineProtocol(chunkSize: 2000).chunked(base, seed: 6) != online)
        let small = try OnlineProtocol(chunkSize: 2000).chunked(ProtocolSplit(training: [4, 2, 9], queries: [],
                                                                             database: []), seed: 0)
        #expect(small.chunks.count == 1 && small.chunks[0].sorted() == [2, 4, 9])
        #expect(online.sizes == ["training": 18015, "queries": 0, "database": 0, "chunks": 9])
        #expect(throws: ProtocolError.self) { try OnlineProtocol(chunkSize: 0).chunked(base, seed: 0) }
    }

    @Test func zeroShotOnMFeat() throws {
        try #require(FileManager.default.fileExists(atPath: MFeatDatasetTests.path), "run `make test` to fetch mfeat")
        let dataset = try Dataset(path: MFeatDatasetTests.path)
        let split = try ZeroShotProtocol(unseen: .classes(["8", "9"]), queries: 100).split(dataset, seed: 1)
        #expect(split.training == Array(0..<1600))
        #expect(split.queries.count == 100 && split.queries.allSatisfy { $0 >= 1600 })
        #expect(split.database.count == 1900)
    }
}
