import Foundation

/// The order in which the values of one axis appear in tables, plots and comparisons.
///
/// When every value reads as a number, values are sorted numerically, so bits come as
/// 16 < 32 < 128 rather than "128" < "16" < "32". A value reads as a number when it is a
/// decimal (`32`, `1e-2`) or a ratio `a/b` of decimals, whose number is a/|b|: the
/// ASZH ratios r_s/r_d "1/-5", "1/-1", "5/-1" order as 0.2 < 1 < 5. Otherwise (or for
/// equal numbers) values keep the order in which they were first seen.
public enum AxisValueOrder {
    /// `values` without repetitions, ordered as described above.
    public static func ordered<Values: Sequence>(_ values: Values) -> [String] where Values.Element == String {
        var seen = Set<String>()
        let distinct = values.filter { seen.insert($0).inserted }
        let numbers = distinct.map(numericValue)
        guard numbers.allSatisfy({ $0 != nil }) else { return distinct }
        return zip(distinct, numbers).enumerated()
            .sorted { ($0.element.1!, $0.offset) < ($1.element.1!, $1.offset) }
            .map { $0.element.0 }
    }

    /// The number a value stands for: a decimal, or a/|b| for a ratio "a/b" with b ≠ 0;
    /// nil for anything else.
    public static func numericValue(_ value: String) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let number = Double(trimmed), number.isFinite { return number }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let numerator = Double(parts[0].trimmingCharacters(in: .whitespaces)),
              let denominator = Double(parts[1].trimmingCharacters(in: .whitespaces)),
              denominator != 0, numerator.isFinite, denominator.isFinite
        else { return nil }
        return numerator / abs(denominator)
    }
}
