import Foundation

/// How reports print numbers: four decimals, never "-0.0000", "—" for no value, `n/a`
/// where every run is not applicable.
enum ReportNumber {
    /// What a table prints, in Markdown, LaTeX and CSV alike, for a value of runs the
    /// method declines (``StoredRun/Status/notApplicable``). Not a number to
    /// ``TableDiff`` (so `n/a` equals `n/a` and differs from any number) and one of the
    /// texts pandas' `read_csv` reads as missing by default.
    static let notApplicable = "n/a"

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
