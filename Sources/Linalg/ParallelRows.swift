import Dispatch

/// Splits row-wise elementwise work over the cores in fixed blocks of
/// ``blockSize`` rows. The blocks depend only on the row count, never on the number
/// of cores, so per-block partial results combined in block order are the same on
/// every machine.
public enum ParallelRows {
    /// Rows per block.
    public static let blockSize = 256

    /// The number of blocks for `rows` rows.
    public static func blockCount(_ rows: Int) -> Int {
        (rows + blockSize - 1) / blockSize
    }

    /// The rows of block `block`.
    public static func rows(ofBlock block: Int, total rows: Int) -> Range<Int> {
        (block * blockSize)..<min(rows, (block + 1) * blockSize)
    }

    /// Calls `body(block, rows)` for every block, concurrently.
    public static func forEachBlock(_ rows: Int, _ body: (Int, Range<Int>) -> Void) {
        let blocks = blockCount(rows)
        if blocks <= 1 {
            if rows > 0 { body(0, 0..<rows) }
            return
        }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: blocks) { block in
                work(block, Self.rows(ofBlock: block, total: rows))
            }
        }
    }
}
