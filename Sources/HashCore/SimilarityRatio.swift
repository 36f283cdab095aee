import Foundation

/// The two values of a pairwise label similarity: `same` (r_s) for pairs that share a
/// label, `different` (r_d) for pairs that do not. Written `"r_s/r_d"` in specs
/// (`"1/-1"`, `"5/-1"`, `"1/-5"`), or `"zero-mean"`: r_d = −1 and r_s chosen so the
/// similarity has zero mean over the training pairs (C − 1 for C equal classes; see
/// ``resolved(similarPairFraction:)``).
public enum SimilarityRatio: Hashable, Sendable, CustomStringConvertible {
    case values(same: Double, different: Double)
    case zeroMean

    /// Parses `"r_s/r_d"` or `"zero-mean"`; `nil` for anything else (or r_s ≤ r_d,
    /// which would make dissimilar pairs the more similar).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "zero-mean" {
            self = .zeroMean
            return
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let same = Double(parts[0].trimmingCharacters(in: .whitespaces)),
              let different = Double(parts[1].trimmingCharacters(in: .whitespaces)),
              same.isFinite, different.isFinite, same > different else { return nil }
        self = .values(same: same, different: different)
    }

    public var description: String {
        switch self {
        case .zeroMean: return "zero-mean"
        case let .values(same, different): return "\(Self.format(same))/\(Self.format(different))"
        }
    }

    /// (r_s, r_d) given the fraction `p` of training pairs (i, j), self-pairs
    /// included, that share a label: `.zeroMean` gives r_d = −1 and r_s = (1 − p)/p,
    /// so that p·r_s + (1 − p)·r_d = 0.
    public func resolved(similarPairFraction p: Double) -> (same: Double, different: Double) {
        switch self {
        case let .values(same, different): return (same, different)
        case .zeroMean: return (p > 0 ? (1 - p) / p : 1, -1)
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
