/// Precision–recall curves in long format (see ``PrecisionRecallCurves``): the header
/// `series,facet,radius,precision,recall,n`, then one line per point of every averaged
/// curve — the series value, the facet value (empty without a facet), the Hamming
/// radius, the mean precision and mean recall (four decimals) and the number of runs
/// averaged. Lines are sorted by series, then facet, in ``AxisValueOrder``, then radius.
struct PrecisionRecallCSV {
    let curves: PrecisionRecallCurves

    var text: String {
        let lines = curves.seriesValues.flatMap { seriesValue in
            curves.facetValues.flatMap { facetValue in
                curves.curve(seriesValue, facetValue: facetValue).map { point in
                    [seriesValue, facetValue ?? "", "\(point.radius)", ReportNumber.text(point.precision),
                     ReportNumber.text(point.recall), "\(point.count)"]
                }
            }
        }
        return CSVText.encode([["series", "facet", "radius", "precision", "recall", "n"]] + lines)
    }
}
