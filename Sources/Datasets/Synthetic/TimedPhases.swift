import Foundation

/// Runs the phases of a long job (generating, writing) and reports each as one line,
/// `<phase>: <seconds> s`, when it ends.
public struct TimedPhases: Sendable {
    /// Receives one line per finished phase.
    public let log: @Sendable (String) -> Void

    public init(log: @escaping @Sendable (String) -> Void) {
        self.log = log
    }

    /// Runs `body`, then logs `phase` with the seconds it took (wall clock).
    public func run<Result>(_ phase: String, _ body: () throws -> Result) rethrows -> Result {
        let start = ContinuousClock.now
        let result = try body()
        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        log(String(format: "%@: %.2f s", phase, seconds))
        return result
    }
}
