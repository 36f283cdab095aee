import Foundation

/// Σ_{t = lower}^{upper} 1/t for 1 ≤ lower, accurate to a few ulps at any size.
///
/// Ranges of fewer than eight terms, and those below 65, are summed directly. Others
/// use H(n) = ln n + γ + 1/(2n) − 1/(12n²) + 1/(120n⁴) − 1/(252n⁶) (error below 1e-17
/// for n > 64) and take the difference of the logarithms as `log1p`, so no
/// cancellation between two large partial sums occurs; one `log1p` costs less than
/// eight divisions. Returns 0 when `upper < lower`.
func harmonicSum(from lower: Int, through upper: Int) -> Double {
    precondition(lower >= 1, "harmonic sums start at 1")
    if upper < lower { return 0 }
    if upper - lower < 8 || upper <= 64 {
        var sum = 0.0
        for term in stride(from: upper, through: lower, by: -1) { sum += 1 / Double(term) }
        return sum
    }
    let below = lower - 1
    if below <= 64 {
        return asymptoticHarmonic(upper) - harmonicSum(from: 1, through: below)
    }
    let a = Double(upper)
    let b = Double(below)
    return log1p((a - b) / b) + asymptoticTail(a) - asymptoticTail(b)
}

/// H(n) for n > 64 from its asymptotic expansion.
private func asymptoticHarmonic(_ n: Int) -> Double {
    let eulerGamma = 0.57721566490153286061
    return log(Double(n)) + eulerGamma + asymptoticTail(Double(n))
}

/// H(n) − ln n − γ = 1/(2n) − 1/(12n²) + 1/(120n⁴) − 1/(252n⁶) + O(n⁻⁸).
private func asymptoticTail(_ n: Double) -> Double {
    let inverse = 1 / n
    let inverseSquared = inverse * inverse
    return inverse / 2 - inverseSquared * (1.0 / 12 - inverseSquared * (1.0 / 120 - inverseSquared / 252))
}
