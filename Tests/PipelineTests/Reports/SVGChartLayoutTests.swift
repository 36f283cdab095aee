@testable import Pipeline
import Testing

/// How many panels a chart puts side by side. Panels in one row of five are 77 units
/// wide, 45 apart: a heading fits in 122 units, 17 characters at 7 units each; in rows
/// of four, 152.5 units (21 characters); of two, 305 (43 characters).
@Suite struct SVGChartLayoutTests {
    @Test func panelsStaySideBySideWhileTheirHeadingsFit() {
        // zero-shot-mfeat's "modality = fac" … "zer"; aszh-ratio's "label = soft-1000".
        #expect(SVGChart.columns(count: 5, innermost: 5, headingLength: 14) == 5)
        #expect(SVGChart.columns(count: 5, innermost: 5, headingLength: 17) == 5)
        #expect(SVGChart.columns(count: 1, innermost: 0, headingLength: 0) == 1)
    }

    @Test func rowsHoldOneCombinationOfTheOuterAxesWhereTheHeadingsFit() {
        // "direction = fou→kar, bits = 16": 29 characters fit in rows of two, not four.
        #expect(SVGChart.columns(count: 4, innermost: 2, headingLength: 29) == 2)
        #expect(SVGChart.columns(count: 8, innermost: 4, headingLength: 29) == 2)
        // "bits = 16, seed = 1": 19 characters fit in rows of four.
        #expect(SVGChart.columns(count: 8, innermost: 4, headingLength: 19) == 4)
        // Seven values of the last axis: no divisor up to five, so rows of five.
        #expect(SVGChart.columns(count: 14, innermost: 7, headingLength: 10) == 5)
        // Too long for any row of two or more: one panel a row.
        #expect(SVGChart.columns(count: 6, innermost: 3, headingLength: 60) == 1)
    }
}
