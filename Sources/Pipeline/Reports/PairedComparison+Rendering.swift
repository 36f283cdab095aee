extension PairedComparison {
    /// Column names of both renderings: the setting, the other varying axes, then n,
    /// mean difference, standard error, t, the critical value and the significance mark.
    private var header: [String] {
        [by] + otherAxes + ["n", "mean diff", "se", "t", "t crit", "p < 0.05"]
    }

    private func fields(_ group: Group, missing: String) -> [String] {
        func number(_ value: Double?) -> String { value == nil ? missing : ReportNumber.text(value) }
        return [group.setting] + group.others + [
            String(group.differences.count), number(group.differences.mean),
            number(group.differences.standardError), number(group.t), number(group.criticalValue),
            group.isSignificant ? "*" : "",
        ]
    }

    /// The comparison as Markdown (after the report header): how runs are paired and
    /// what each column means, the table ("—" where a statistic is undefined), and how
    /// many runs lacked a baseline partner.
    var markdown: String {
        var lines = [
            "\(value): each run with \(by) ≠ \(baseline) is paired with the run at \(by) = \(baseline) "
                + "that has the same other axes and the same seed; difference = setting − baseline. "
                + "n pairs; mean diff = mean of the differences; se = sd/√n with sd their sample standard "
                + "deviation (n − 1); t = mean diff / se; * where |t| > t crit = t(0.975, n − 1), "
                + "a two-sided paired t test at the 5% level.",
            "",
        ]
        if groups.isEmpty {
            lines.append("No run has a baseline partner.")
        } else {
            lines.append(MarkdownTable(header: header, rows: groups.map { fields($0, missing: "—") }).text)
        }
        if unpairedRuns > 0 {
            let runs = unpairedRuns == 1 ? "1 run has" : "\(unpairedRuns) runs have"
            lines += ["", "\(runs) no baseline partner (\(by) = \(baseline), same other axes and seed) and "
                + (unpairedRuns == 1 ? "is" : "are") + " left out."]
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// The comparison as CSV: one line per group with the columns of the Markdown table;
    /// empty fields where a statistic is undefined, "*" in `p < 0.05` where significant.
    var csv: String {
        CSVText.encode([header] + groups.map { fields($0, missing: "") })
    }
}
