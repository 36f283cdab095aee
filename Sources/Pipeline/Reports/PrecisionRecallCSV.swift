/// Precision–recall curves in long format (see ``PrecisionRecallCurves``): the header
/// `series,facet,radius,precision,recall,n`, then one line per point of every averaged
/// curve — the series value, the panel's facet values (joined by ", " when there are
/// several facet axes; empty without a facet), the Hamming radius, the mean precision
/// and mean recall (four decimals) and the number of runs averaged. Lines are sorted by
/// series in ``AxisValueOrder``, then by panel in the order of
/// ``PrecisionRecallCurves/panels``, then by radius.
struct PrecisionRecallCSV {
    let curves: PrecisionRecallCurves

    var text: String {
        let lines = curves.seriesValues.flatMap { seriesValue in
            curves.panels.values.flatMap { panel in
                curves.curve(seriesValue, panel: panel).map { point in
                    [seriesValue, panel.joined(separator: ", "), "\(point.radius)", ReportNumber.text(point.precision),
                     ReportNumber.text(point.recall), "\(point.count)"]
                }
            }
        }
        return CSVText.encode([["series", "facet", "radius", "precision", "recall", "n"]] + lines)
    }
}
