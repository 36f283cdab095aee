/// Seconds per named phase of a computation (a method's `kernel`, `iterations`; a run's
/// `load`, `train`, `encode`, `evaluate`): each lap adds the time since the previous lap
/// (or since the timer was made) to its phase, so phases that recur sum up.
public struct PhaseTimes: Sendable {
    /// Phase name → seconds.
    public private(set) var seconds: [String: Double] = [:]
    private var start = ContinuousClock.now

    public init() {}

    /// Adds the time since the last lap to `phase` and returns it, in seconds.
    @discardableResult
    public mutating func lap(_ phase: String) -> Double {
        let now = ContinuousClock.now
        let elapsed = (now - start) / .seconds(1)
        seconds[phase, default: 0] += elapsed
        start = now
        return elapsed
    }
}
