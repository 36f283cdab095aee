/// The line every Markdown report opens with: the experiment, its description and how
/// many of the expected runs were found, with the missing ones counted, e.g.
/// `# aszh-ratio — ASZH ratios on mfeat — 11 of 12 runs (1 missing)`.
struct ReportHeader {
    let experiment: String
    let description: String
    /// Runs whose results were found.
    let found: Int
    /// Runs the spec plans.
    let expected: Int

    var markdown: String {
        var runs = "\(found) of \(expected) runs"
        if found < expected { runs += " (\(expected - found) missing)" }
        let parts = [experiment, description, runs].filter { !$0.isEmpty }
        return "# " + parts.joined(separator: " — ")
    }

    /// The same line as a LaTeX comment.
    var latexComment: String {
        "% " + markdown.dropFirst(2)
    }
}
