import Dispatch
import Foundation

/// Wall-clock timing and memory figures for the benchmarks.
enum Timing {
    static let repetitions = 3

    /// The best of `repetitions` wall-clock times of `work`, in seconds.
    static func best(_ work: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<repetitions {
            best = min(best, try once(work))
        }
        return best
    }

    /// The wall-clock time of one call of `work`, in seconds.
    static func once(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The process's peak resident set size so far, in bytes (getrusage's ru_maxrss).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
