import Dispatch

/// Seconds per phase of a run (`load`, `train`, `encode`, `evaluate`): each lap adds
/// the time since the previous lap to its phase, so phases that alternate (the
/// directions of a cross-modal run, the rounds of an online one) sum up.
struct PhaseClock {
    private(set) var seconds: [String: Double] = [:]
    private var start = DispatchTime.now()

    /// Adds the time since the last lap (or since the clock was made) to `phase` and
    /// returns it.
    @discardableResult
    mutating func lap(_ phase: String) -> Double {
        let now = DispatchTime.now()
        let elapsed = Double(now.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        seconds[phase, default: 0] += elapsed
        start = now
        return elapsed
    }
}
