import Foundation
import Pipeline
import TestSupport
import Testing

/// Paired differences against the baseline ratio 1/-1 (map 0.50, 0.55, 0.60 at seeds
/// 1, 2, 3), worked out by hand:
///
/// | ratio | map at seeds 1–3 | differences      | mean   | sd     | se = sd/√3 | t = mean/se |
/// |-------|------------------|------------------|--------|--------|------------|-------------|
/// | 1/-5  | 0.60, 0.66, 0.69 | 0.10, 0.11, 0.09 | 0.1000 | 0.0100 | 0.0058     | 17.3205     |
/// | 5/-1  | 0.53, 0.56, 0.66 | 0.03, 0.01, 0.06 | 0.0333 | 0.0252 | 0.0145     | 2.2942      |
///
/// With 2 degrees of freedom the critical value is t_{0.975,2} = 4.3027, so only 1/-5
/// is marked. A 5/-1 run at seed 4 has no baseline partner; the itq run has no ratio.
@Suite struct ReportCompareTests {
    static var records: [ReportRecord] {
        let maps: [(ratio: String, seed: String, map: Double)] = [
            ("5/-1", "1", 0.53), ("5/-1", "2", 0.56), ("5/-1", "3", 0.66), ("5/-1", "4", 0.70),
            ("1/-1", "1", 0.50), ("1/-1", "2", 0.55), ("1/-1", "3", 0.60),
            ("1/-5", "1", 0.60), ("1/-5", "2", 0.66), ("1/-5", "3", 0.69),
        ]
        return maps.map {
            ReportRecord(axes: ["method": "aszh", "bits": "32", "ratio": $0.ratio, "seed": $0.seed],
                         metrics: ["map": $0.map])
        } + [ReportRecord(axes: ["method": "itq", "bits": "32", "seed": "1"], metrics: ["map": 0.4])]
    }

    @Test func pairedDifferencesMatchTheHandComputation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try ReportWriter(
            experiment: "ratios", description: "", items: [.compare(by: "ratio", baseline: "1/-1", value: "map")],
            paper: [], records: Self.records, expectedRuns: 12
        ).write(to: directory.path("results"))
        #expect(paths == [directory.path("results/tables/ratios-compare-ratio.md"),
                          directory.path("results/tables/ratios-compare-ratio.csv")])
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == """
            # ratios — 11 of 12 runs (1 missing)

            map: each run with ratio ≠ 1/-1 is paired with the run at ratio = 1/-1 that has the same other \
            axes and the same seed; difference = setting − baseline. n pairs; mean diff = mean of the \
            differences; se = sd/√n with sd their sample standard deviation (n − 1); t = mean diff / se; \
            * where |t| > t crit = t(0.975, n − 1), a two-sided paired t test at the 5% level.

            | ratio | n | mean diff | se | t | t crit | p < 0.05 |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: |
            | 1/-5 | 3 | 0.1000 | 0.0058 | 17.3205 | 4.3027 | * |
            | 5/-1 | 3 | 0.0333 | 0.0145 | 2.2942 | 4.3027 |  |

            1 run has no baseline partner (ratio = 1/-1, same other axes and seed) and is left out.

            """)
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8) == """
            ratio,n,mean diff,se,t,t crit,p < 0.05
            1/-5,3,0.1000,0.0058,17.3205,4.3027,*
            5/-1,3,0.0333,0.0145,2.2942,4.3027,

            """)
    }

    @Test func otherVaryingAxesSplitTheGroupsAndSinglePairsHaveNoStatistics() throws {
        let records = Self.records + [
            ReportRecord(axes: ["method": "aszh", "bits": "16", "ratio": "1/-1", "seed": "1"], metrics: ["map": 0.2]),
            ReportRecord(axes: ["method": "aszh", "bits": "16", "ratio": "5/-1", "seed": "1"], metrics: ["map": 0.25]),
        ]
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try ReportWriter(
            experiment: "ratios", description: "", items: [.compare(by: "ratio", baseline: "1/-1", value: "map")],
            paper: [], records: records, expectedRuns: 14
        ).write(to: directory.path("results"))
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8) == """
            ratio,bits,n,mean diff,se,t,t crit,p < 0.05
            1/-5,32,3,0.1000,0.0058,17.3205,4.3027,*
            5/-1,16,1,0.0500,,,,
            5/-1,32,3,0.0333,0.0145,2.2942,4.3027,

            """)
    }
}
