import Dispatch
import Synchronization

/// Runs independent pieces of work (the tiles of a product) on ``BLASLibrary/threads``
/// threads, each taking the next piece not yet taken. Which thread computes a piece
/// never changes what it computes, so the results do not depend on the thread count.
enum ParallelTiles {
    /// Calls `body(tile)` once for every tile in `0..<count`, concurrently.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        let width = min(BLASLibrary.threads, count)
        if width <= 1 {
            for tile in 0..<count { body(tile) }
            return
        }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: width) { _ in
                while true {
                    let tile = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard tile < count else { return }
                    work(tile)
                }
            }
        }
    }
}
