import Datasets
import HashCore

/// A retrieval protocol as a person writes it — with `hashlab run-one`'s options or in
/// a spec's `protocol:` mapping — before it is checked: the one place where protocol
/// settings get their defaults and their consistency checks.
///
/// Defaults: `kind` zero-shot; queries 100 (zero-shot) or 2,000 (cross-modal, online);
/// database `rest`; cross-modal training 10,000 unless a stored split is used (online:
/// every item not a query streams in); chunk 2,000; database codes `encoded`, online
/// `learned`; preprocess `none`.
public struct ProtocolSettings: Hashable, Sendable {
    /// The settings' names as specs write them; errors name settings by these.
    public static let keys = ["kind", "unseen", "unseen_split", "queries", "database", "training", "stored_split",
                              "chunk", "database_codes", "preprocess"]

    /// `zero-shot`, `cross-modal` or `online`.
    public var kind: String
    /// Zero-shot: the unseen classes' names.
    public var unseen: [String]?
    /// Zero-shot: take the unseen classes from this stored split's `test_unseen` part.
    public var unseenSplit: String?
    /// The number of queries.
    public var queries: Int?
    /// Zero-shot: which items form the database (`rest`, `unseen`, `seen`, `all`).
    public var database: String?
    /// A cap on the training items.
    public var training: Int?
    /// Cross-modal, online: this stored split's train/test parts instead of a sample.
    public var storedSplit: String?
    /// Online: the items per round.
    public var chunk: Int?
    /// Cross-modal, online: `encoded` or `learned` (``DatabaseCodes``).
    public var databaseCodes: String?
    /// How features are prepared (`none`, `center`, `zscore`, `l2`; see
    /// ``Datasets/FeaturePreprocessing``), for either kind.
    public var preprocess: String?

    public init(kind: String = "zero-shot", unseen: [String]? = nil, unseenSplit: String? = nil, queries: Int? = nil,
                database: String? = nil, training: Int? = nil, storedSplit: String? = nil, chunk: Int? = nil,
                databaseCodes: String? = nil, preprocess: String? = nil) {
        self.kind = kind
        self.unseen = unseen
        self.unseenSplit = unseenSplit
        self.queries = queries
        self.database = database
        self.training = training
        self.storedSplit = storedSplit
        self.chunk = chunk
        self.databaseCodes = databaseCodes
        self.preprocess = preprocess
    }

    /// The protocol these settings describe, defaults filled in.
    ///
    /// - Throws: ``Datasets/ProtocolError/invalidParameter(name:reason:)`` naming the
    ///   offending setting by its key in ``keys``: an unknown kind or database, a
    ///   count that is not positive, zero-shot without exactly one of `unseen` and
    ///   `unseen_split`, a setting the kind does not take, or preprocessing in an
    ///   online run.
    public func retrievalProtocol() throws -> RetrievalProtocol {
        func invalid(_ name: String, _ reason: String) -> ProtocolError {
            .invalidParameter(name: name, reason: reason)
        }
        _ = try databaseCodeSource()
        for (name, count) in [("queries", queries), ("training", training), ("chunk", chunk)] {
            if let count, count <= 0 { throw invalid(name, "must be positive, not \(count)") }
        }
        switch kind {
        case "zero-shot":
            for (name, isGiven) in [("stored_split", storedSplit != nil), ("chunk", chunk != nil),
                                    ("database_codes", databaseCodes != nil)] where isGiven {
                throw invalid(name, "applies to cross-modal and online protocols only")
            }
            let unseenClasses: ZeroShotProtocol.Unseen
            switch (unseen, unseenSplit) {
            case let (names?, nil):
                guard !names.isEmpty else { throw invalid("unseen", "names no class") }
                unseenClasses = .classes(names)
            case let (nil, split?):
                unseenClasses = .split(split)
            case (nil, nil):
                throw invalid("unseen", "zero-shot needs the unseen classes or an unseen_split")
            case (_?, _?):
                throw invalid("unseen_split", "give the unseen classes or an unseen_split, not both")
            }
            let choices = ZeroShotProtocol.Database.allCases.map(\.rawValue)
            let databaseChoice = try database.map { text in
                guard let choice = ZeroShotProtocol.Database(rawValue: text) else {
                    throw invalid("database", "must be one of \(choices.joined(separator: ", ")), not \"\(text)\""
                                  + NearestName.hint(for: text, among: choices))
                }
                return choice
            } ?? .rest
            return .zeroShot(ZeroShotProtocol(unseen: unseenClasses, queries: queries ?? 100, database: databaseChoice,
                                              trainingLimit: training))
        case "cross-modal", "online":
            for (name, isGiven) in [("unseen", unseen != nil), ("unseen_split", unseenSplit != nil),
                                    ("database", database != nil)] where isGiven {
                throw invalid(name, "applies to zero-shot protocols only")
            }
            if kind == "cross-modal" {
                if chunk != nil { throw invalid("chunk", "applies to online protocols only") }
                return .crossModal(CrossModalProtocol(queries: queries ?? 2000,
                                                      training: training ?? (storedSplit == nil ? 10000 : nil),
                                                      storedSplit: storedSplit))
            }
            if let preprocess, preprocess != FeaturePreprocessing.none.rawValue {
                throw invalid("preprocess", "an online run sees its training items a chunk at a time, so statistics "
                              + "fitted to all of them would use items not yet seen; use none")
            }
            return .online(OnlineProtocol(base: CrossModalProtocol(queries: queries ?? 2000, training: training,
                                                                   storedSplit: storedSplit),
                                          chunkSize: chunk ?? 2000))
        default:
            let kinds = ["zero-shot", "cross-modal", "online"]
            throw invalid("kind", "must be zero-shot, cross-modal or online, not \"\(kind)\""
                          + NearestName.hint(for: kind, among: kinds))
        }
    }

    /// Where database codes come from: as given, else `learned` for online protocols
    /// and `encoded` for the others.
    ///
    /// - Throws: ``Datasets/ProtocolError/invalidParameter(name:reason:)`` naming
    ///   `database_codes` for an unknown value.
    public func databaseCodeSource() throws -> DatabaseCodes {
        guard let databaseCodes else { return kind == "online" ? .learned : .encoded }
        guard let choice = DatabaseCodes(rawValue: databaseCodes) else {
            let choices = DatabaseCodes.allCases.map(\.rawValue)
            throw ProtocolError.invalidParameter(
                name: "database_codes", reason: "must be \(choices.joined(separator: " or ")), not \"\(databaseCodes)\""
                    + NearestName.hint(for: databaseCodes, among: choices))
        }
        return choice
    }

    /// The feature preprocessing these settings name; `none` when they name none.
    ///
    /// - Throws: ``Datasets/ProtocolError/invalidParameter(name:reason:)`` naming
    ///   `preprocess`, with the nearest valid name, for an unknown value.
    public func preprocessing() throws -> FeaturePreprocessing {
        guard let preprocess else { return FeaturePreprocessing.none }
        guard let choice = FeaturePreprocessing(rawValue: preprocess) else {
            let choices = FeaturePreprocessing.allCases.map(\.rawValue)
            throw ProtocolError.invalidParameter(
                name: "preprocess", reason: "must be one of \(choices.joined(separator: ", ")), not \"\(preprocess)\""
                    + NearestName.hint(for: preprocess, among: choices))
        }
        return choice
    }
}
