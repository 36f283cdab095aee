/// One job array of a submission: plan entries `offset ..< offset + count`, run by
/// array tasks `0 ..< count` (task `i` computes entry `offset + i`).
public struct SlurmArraySlice: Codable, Equatable, Sendable {
    public var offset: Int
    public var count: Int

    public init(offset: Int, count: Int) {
        self.offset = offset
        self.count = count
    }

    /// The `--array` value: `0-<count−1>`, with `%<parallelism>` when given (at most
    /// that many tasks of the array run at once).
    public func arraySpecification(parallelism: Int?) -> String {
        "0-\(count - 1)" + (parallelism.map { "%\($0)" } ?? "")
    }

    /// `count` plan entries cut into arrays whose task indices stay below
    /// `maxArraySize` (Slurm's `MaxArraySize`: the largest index allowed is
    /// `MaxArraySize − 1`): ⌈count / maxArraySize⌉ slices in plan order, each of
    /// `maxArraySize` entries except the last; none when `count` is 0.
    public static func split(count: Int, maxArraySize: Int) -> [SlurmArraySlice] {
        precondition(maxArraySize >= 1, "MaxArraySize is at least 1")
        return stride(from: 0, to: count, by: maxArraySize).map {
            SlurmArraySlice(offset: $0, count: min(maxArraySize, count - $0))
        }
    }
}
