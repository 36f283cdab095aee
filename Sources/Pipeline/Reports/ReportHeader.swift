/// The line every Markdown report opens with: the experiment, its description and how
/// many of the expected runs were found, with the missing and the not applicable ones
/// counted, e.g. `# aszh-ratio — ASZH ratios on mfeat — 11 of 12 runs (1 missing)` or
/// `… — 36 of 36 runs (6 not applicable)`.
struct ReportHeader {
    let experiment: String
    let description: String
    /// Runs whose outcome was found: results, or not applicable.
    let found: Int
    /// Runs among ``found`` recorded not applicable.
    var notApplicable = 0
    /// Runs the spec plans.
    let expected: Int

    var markdown: String {
        var runs = "\(found) of \(expected) runs"
        let remarks = (found < expected ? ["\(expected - found) missing"] : [])
            + (notApplicable > 0 ? ["\(notApplicable) not applicable"] : [])
        if !remarks.isEmpty { runs += " (" + remarks.joined(separator: ", ") + ")" }
        let parts = [experiment, description, runs].filter { !$0.isEmpty }
        return "# " + parts.joined(separator: " — ")
    }

    /// The same line as a LaTeX comment.
    var latexComment: String {
        "% " + markdown.dropFirst(2)
    }
}
