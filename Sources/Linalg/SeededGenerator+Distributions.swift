#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension SeededGenerator {
    /// A uniform `Double` in `[0, 1)`: the top 53 bits of `next()` times `2⁻⁵³`.
    /// Every value is a multiple of `2⁻⁵³`; one `next()` per call.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform `Float` in `[0, 1)`: the top 24 bits of `next()` times `2⁻²⁴`.
    /// Every value is a multiple of `2⁻²⁴`; one `next()` per call.
    public mutating func uniformFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform integer in `0..<bound`, exactly unbiased, by Lemire's multiply-and-reject
    /// method (Lemire 2019, "Fast random integer generation in an interval").
    ///
    /// The high word of `next() · bound` is the result; a draw is rejected when the low
    /// word falls below `2⁶⁴ mod bound`, which happens with probability below
    /// `bound / 2⁶⁴`. Usually one `next()` per call.
    public mutating func integer(below bound: Int) -> Int {
        precondition(bound > 0, "integer(below:) needs a positive bound, got \(bound)")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A standard normal `Double` (mean 0, variance 1) by Marsaglia's polar method.
    ///
    /// Draws `u, v` uniform in `(−1, 1)` (as `2·uniform() − 1`) until
    /// `0 < s = u² + v² < 1`, then returns `u·√(−2 ln s / s)`. The method yields a second
    /// independent variate `v·√(…)`, which is deliberately discarded so that the generator
    /// carries no hidden cache and each call depends only on the state. The `log` is the
    /// C library's; every other step is exactly rounded IEEE arithmetic.
    public mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * log(s) / s).squareRoot()
            }
        }
    }

    /// A uniformly random permutation of `0..<count` (Fisher–Yates).
    public mutating func permutation(_ count: Int) -> [Int] {
        precondition(count >= 0, "permutation needs a non-negative count, got \(count)")
        var result = Array(0..<count)
        shuffle(&result)
        return result
    }

    /// Shuffles `array` in place, every order equally likely (Fisher–Yates, in the
    /// forward form: for `i` from 0 to `n − 2`, swap `i` with `i + integer(below: n − i)`).
    public mutating func shuffle<Element>(_ array: inout [Element]) {
        let count = array.count
        guard count > 1 else { return }
        for index in 0..<(count - 1) {
            array.swapAt(index, index + integer(below: count - index))
        }
    }

    /// `count` distinct indices drawn uniformly without replacement from
    /// `0..<population`, in the order drawn (every ordered selection equally likely).
    ///
    /// A partial Fisher–Yates shuffle over the virtual array `0..<population`, with the
    /// displaced entries kept in a dictionary: O(`count`) time and memory however large
    /// `population` is. The first `count` elements of `permutation(population)` from the
    /// same state are the same indices in the same order.
    public mutating func sample(_ count: Int, from population: Int) -> [Int] {
        precondition(count >= 0 && count <= population,
                     "cannot sample \(count) distinct indices from a population of \(population)")
        var displaced: [Int: Int] = [:]
        displaced.reserveCapacity(count)
        var result: [Int] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            let chosen = index + integer(below: population - index)
            result.append(displaced[chosen] ?? chosen)
            displaced[chosen] = displaced[index] ?? index
        }
        return result
    }
}
