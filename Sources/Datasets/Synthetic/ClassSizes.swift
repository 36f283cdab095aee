import Linalg

/// Unequal class sizes that sum exactly to a total, as in real datasets where some
/// classes have a hundred items and others over a thousand.
enum ClassSizes {
    /// The smallest class size, as a fraction of the average (AWA2: 100 of ~750).
    static let minimumFraction = 0.14
    /// The largest class size, as a multiple of the average (AWA2: ~1,600 of ~750).
    static let maximumFactor = 2.1

    /// `count` sizes summing to `total`, each between `minimumFraction` and
    /// `maximumFactor` times the average: every class gets the minimum, and the rest is
    /// shared in proportion to uniform random weights (so sizes spread roughly evenly
    /// from the minimum to about twice the average), capped at the maximum (shares over
    /// the cap are fixed at it and the remainder re-shared), then rounded by largest
    /// remainder. Sums run in index order, so the sizes depend only on the generator.
    static func draw(total: Int, count: Int, generator: inout SeededGenerator) -> [Int] {
        precondition(count > 0 && total >= count, "cannot share \(total) items among \(count) classes")
        let average = Double(total) / Double(count)
        let minimum = max(1, Int(minimumFraction * average))
        let capacity = Double(max(Int((maximumFactor * average).rounded(.up)), minimum) - minimum)
        let weights = (0..<count).map { _ in generator.uniform() }

        var shares = [Double](repeating: 0, count: count)
        var open = Array(0..<count)
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
            open.removeAll { over.contains($0) }
        }

        var sizes = shares.map { minimum + Int($0) }
        let fractions = shares.map { $0 - $0.rounded(.down) }
        let byRemainder = (0..<count).sorted {
            fractions[$0] != fractions[$1] ? fractions[$0] > fractions[$1] : $0 < $1
        }
        var missing = total - sizes.reduce(0, +)
        for index in byRemainder where missing > 0 && Double(sizes[index] - minimum) < capacity {
            sizes[index] += 1
            missing -= 1
        }
        return sizes
    }
}
