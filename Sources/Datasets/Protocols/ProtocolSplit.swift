/// The index sets a protocol derives from a dataset and a seed: what a method trains
/// on, which items query, which form the database, and (online protocols) the order
/// in which training arrives. Indices are 0-based items of the dataset, sorted within
/// each set (online chunks keep their arrival order). Recorded with every result.
public struct ProtocolSplit: Codable, Equatable, Sendable {
    public var training: [Int]
    public var queries: [Int]
    public var database: [Int]
    /// Training in arrival order, cut into chunks (online protocols); empty otherwise.
    public var chunks: [[Int]]
    /// The unseen classes' names (zero-shot protocols); empty otherwise.
    public var unseenClasses: [String]

    public init(training: [Int], queries: [Int], database: [Int], chunks: [[Int]] = [],
                unseenClasses: [String] = []) {
        self.training = training
        self.queries = queries
        self.database = database
        self.chunks = chunks
        self.unseenClasses = unseenClasses
    }

    /// The sizes, for tables and logs: `training`, `queries`, `database`, `chunks`.
    public var sizes: [String: Int] {
        var sizes = ["training": training.count, "queries": queries.count, "database": database.count]
        if !chunks.isEmpty { sizes["chunks"] = chunks.count }
        return sizes
    }
}
