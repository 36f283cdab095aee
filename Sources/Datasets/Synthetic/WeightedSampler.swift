import Foundation
import Linalg

/// Draws indices `0..<weights.count` with probability proportional to fixed
/// non-negative weights, by binary search in the cumulative weights.
struct WeightedSampler: Sendable {
    /// `cumulative[i]` is the sum of the first `i + 1` weights.
    private let cumulative: [Double]

    /// A sampler over `weights`, which must be non-negative with a positive sum.
    init(weights: [Double]) {
        var running = 0.0
        cumulative = weights.map { weight in
            precondition(weight >= 0, "sampling weights must be non-negative, got \(weight)")
            running += weight
            return running
        }
        precondition(running > 0, "sampling weights must have a positive sum")
    }

    /// Zipf weights `1 / (rank + 1)^exponent` for ranks `0..<count`.
    static func zipf(count: Int, exponent: Double) -> WeightedSampler {
        WeightedSampler(weights: (0..<count).map { 1 / pow(Double($0 + 1), exponent) })
    }

    /// One index, using one `uniform()` draw: the first `i` with
    /// `cumulative[i] > u · total`.
    func draw(_ generator: inout SeededGenerator) -> Int {
        let target = generator.uniform() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
