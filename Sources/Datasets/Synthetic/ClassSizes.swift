import Foundation
import Linalg

/// Unequal class sizes that sum exactly to a total, as in real datasets where some
/// classes have a hundred items and others over a thousand.
enum ClassSizes {
    /// The smallest class size, as a fraction of the average (AWA2: 100 of ~750).
    static let minimumFraction = 0.14
    /// The largest class size, as a multiple of the average (AWA2: ~1,600 of ~750).
    static let maximumFactor = 2.1
    /// The spread of the log-normal weights that share out the items.
    static let logSpread = 0.6

    /// `count` sizes summing to `total`, each between `minimumFraction` and
    /// `maximumFactor` times the average: every class gets the minimum, and the rest is
    /// shared in proportion to log-normal weights, capped at the maximum (shares over
    /// the cap are fixed at it and the remainder re-shared), then rounded by largest
    /// remainder.
    static func draw(total: Int, count: Int, generator: inout SeededGenerator) -> [Int] {
        precondition(count > 0 && total >= count, "cannot share \(total) items among \(count) classes")
        let average = Double(total) / Double(count)
        let minimum = max(1, Int(minimumFraction * average))
        let capacity = Double(max(Int((maximumFactor * average).rounded(.up)), minimum) - minimum)
        let weights = (0..<count).map { _ in exp(logSpread * generator.normal()) }

        var shares = [Double](repeating: 0, count: count)
        var open = Set(0..<count)
        var remaining = Double(total - minimum * count)
        while !open.isEmpty {
            let weightSum = open.reduce(0) { $0 + weights[$1] }
            let over = open.filter { remaining * weights[$0] / weightSum > capacity }
            guard !over.isEmpty else {
                for index in open { shares[index] = remaining * weights[index] / weightSum }
                break
            }
            for index in over { shares[index] = capacity }
            remaining -= capacity * Double(over.count)
            open.subtract(over)
        }

        var sizes = shares.map { minimum + Int($0) }
        let byRemainder = (0..<count).sorted {
            (shares[$0] - shares[$0].rounded(.down), $1) > (shares[$1] - shares[$1].rounded(.down), $0)
        }
        var missing = total - sizes.reduce(0, +)
        for index in byRemainder where missing > 0 && Double(sizes[index] - minimum) < capacity {
            sizes[index] += 1
            missing -= 1
        }
        return sizes
    }
}
