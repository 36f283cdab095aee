import Foundation

/// How reports print numbers: four decimals, never "-0.0000", "—" for no value.
enum ReportNumber {
    /// `value` with four decimals ("0.4120"), or "—" when nil.
    static func text(_ value: Double?) -> String {
        guard let value else { return "—" }
        let text = String(format: "%.4f", value)
        return text == "-0.0000" ? "0.0000" : text
    }

    /// `value` with four decimals, or an empty field when nil (for CSV).
    static func field(_ value: Double?) -> String {
        value == nil ? "" : text(value)
    }
}
