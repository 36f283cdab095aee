import Foundation
import Pipeline
import TestSupport
import Testing

/// Tables without a facet, pinned byte for byte: the final table per direction, the
/// per-round table that averages over bits and direction (CrossModalOnlineRecords),
/// and ReportNotApplicableTests' runs with aszh's seed 1 at ratio 1/-5 and the
/// others at 5/-1, a table split by ratio whose itq runs, without a ratio, appear in
/// both sections. The committed reports under `results/tables` rely on these staying
/// as they are.
@Suite struct ReportTablePinnedTests {
    /// The Markdown, LaTeX and CSV text of `item` over `records`.
    static func texts(_ item: ReportItem, records: [ReportRecord]) throws -> (md: String, tex: String, csv: String) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try ReportWriter(
            experiment: "demo", description: "Pinned", items: [item],
            paper: [PaperValue(cell: ["method": "aszh", "bits": "32"], metric: "map", value: 0.641)],
            records: records, expectedRuns: 20
        ).write(to: directory.path("results"))
        let texts = try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
        return (texts[0], texts[1], texts[2])
    }

    @Test func aTableWithOneFreeAxisHasOneSectionPerValue() throws {
        let texts = try Self.texts(.table(rows: "method", columns: "bits", value: "map"),
                                   records: CrossModalOnlineRecords.records)
        #expect(texts.md == #"""
            # demo — Pinned — 8 of 20 runs (12 missing)

            map by method (rows) and bits (columns): mean ± std over seeds (sample standard deviation, n − 1); the \#
            best mean of each column is marked (higher is better); n is given where runs are missing; the paper's \#
            value is in parentheses where it reports one.

            ## direction = fou→kar

            | method | 16 | 32 |
            | --- | ---: | ---: |
            | lsh | 0.3600 ± 0.0424 | 0.4600 ± 0.0424 |
            | itq | **0.4600 ± 0.0424** | **0.5600 ± 0.0424** |

            ## direction = kar→fou

            | method | 16 | 32 |
            | --- | ---: | ---: |
            | lsh | 0.4100 ± 0.0424 | 0.5100 ± 0.0424 |
            | itq | **0.5100 ± 0.0424** | **0.6100 ± 0.0424** |

            """#)
        #expect(texts.tex == #"""
            % demo — Pinned — 8 of 20 runs (12 missing)
            \begin{table}[t]
            \centering
            \caption{map by method (rows) and bits (columns): mean $\pm$ std over seeds (sample standard deviation, \#
            n $-$ 1); the best mean of each column is marked (higher is better); n is given where runs are missing; \#
            the paper's value is in parentheses where it reports one.}
            \begin{tabular}{lrr}
            \toprule
            method & 16 & 32 \\
            \midrule
            \multicolumn{3}{l}{\emph{direction = fou$\rightarrow$kar}} \\
            lsh & 0.3600 $\pm$ 0.0424 & 0.4600 $\pm$ 0.0424 \\
            itq & \textbf{0.4600 $\pm$ 0.0424} & \textbf{0.5600 $\pm$ 0.0424} \\
            \midrule
            \multicolumn{3}{l}{\emph{direction = kar$\rightarrow$fou}} \\
            lsh & 0.4100 $\pm$ 0.0424 & 0.5100 $\pm$ 0.0424 \\
            itq & \textbf{0.5100 $\pm$ 0.0424} & \textbf{0.6100 $\pm$ 0.0424} \\
            \bottomrule
            \end{tabular}
            \end{table}

            """#)
        #expect(texts.csv == #"""
            direction,method,bits=16 mean,bits=16 std,bits=16 n,bits=16 best,bits=16 paper,bits=32 mean,bits=32 std,\#
            bits=32 n,bits=32 best,bits=32 paper
            fou→kar,lsh,0.3600,0.0424,2,,,0.4600,0.0424,2,,
            fou→kar,itq,0.4600,0.0424,2,*,,0.5600,0.0424,2,*,
            kar→fou,lsh,0.4100,0.0424,2,,,0.5100,0.0424,2,,
            kar→fou,itq,0.5100,0.0424,2,*,,0.6100,0.0424,2,*,

            """#)
    }

    @Test func aTableWithTwoFreeAxesAveragesOverThem() throws {
        let texts = try Self.texts(.table(rows: "method", columns: "round", value: "map"),
                                   records: CrossModalOnlineRecords.records)
        #expect(texts.md == #"""
            # demo — Pinned — 8 of 20 runs (12 missing)

            map by method (rows) and round (columns): mean ± std over seeds (sample standard deviation, n − 1); the \#
            best mean of each column is marked (higher is better); n is given where runs are missing; the paper's \#
            value is in parentheses where it reports one.

            Cells also average over bits, direction, which vary within them.

            | method | 1 | 2 | 3 |
            | --- | ---: | ---: | ---: |
            | lsh | 0.3950 ± 0.0607 | 0.4150 ± 0.0635 | 0.4350 ± 0.0678 |
            | itq | **0.4950 ± 0.0607** | **0.5150 ± 0.0635** | **0.5350 ± 0.0678** |

            """#)
        #expect(texts.tex == #"""
            % demo — Pinned — 8 of 20 runs (12 missing)
            \begin{table}[t]
            \centering
            \caption{map by method (rows) and round (columns): mean $\pm$ std over seeds (sample standard deviation,\#
             n $-$ 1); the best mean of each column is marked (higher is better); n is given where runs are \#
            missing; the paper's value is in parentheses where it reports one. Cells also average over bits, \#
            direction, which vary within them.}
            \begin{tabular}{lrrr}
            \toprule
            method & 1 & 2 & 3 \\
            \midrule
            lsh & 0.3950 $\pm$ 0.0607 & 0.4150 $\pm$ 0.0635 & 0.4350 $\pm$ 0.0678 \\
            itq & \textbf{0.4950 $\pm$ 0.0607} & \textbf{0.5150 $\pm$ 0.0635} & \textbf{0.5350 $\pm$ 0.0678} \\
            \bottomrule
            \end{tabular}
            \end{table}

            """#)
        #expect(texts.csv == #"""
            method,round=1 mean,round=1 std,round=1 n,round=1 best,round=1 paper,round=2 mean,round=2 std,round=2 n,\#
            round=2 best,round=2 paper,round=3 mean,round=3 std,round=3 n,round=3 best,round=3 paper
            lsh,0.3950,0.0607,8,,,0.4150,0.0635,8,,,0.4350,0.0678,8,,
            itq,0.4950,0.0607,8,*,,0.5150,0.0635,8,*,,0.5350,0.0678,8,*,

            """#)
    }

    @Test func runsWithoutTheSectionAxisAppearInEverySection() throws {
        let records = ReportNotApplicableTests.records.map { record -> ReportRecord in
            var record = record
            if record.axes["method"] == "aszh" { record.axes["ratio"] = record.axes["seed"] == "1" ? "1/-5" : "5/-1" }
            return record
        }
        let texts = try Self.texts(.table(rows: "method", columns: "bits", value: "map"), records: records)
        #expect(texts.md == #"""
            # demo — Pinned — 17 of 20 runs (3 missing, 3 not applicable)

            map by method (rows) and bits (columns): mean ± std over seeds (sample standard deviation, n − 1); the \#
            best mean of each column is marked (higher is better); n is given where runs are missing; the paper's \#
            value is in parentheses where it reports one.

            Runs without a ratio appear in every ratio section.

            n/a: not applicable, the method declines the configuration, so there are no metrics; a cell with some \#
            such runs averages the others (n counts them) and gives the number of n/a runs. Reasons: 3 × itq: 64 \#
            bits need at least 64 feature dimensions, the features have 47.

            ## ratio = 1/-5

            | method | 16 | 32 | 64 |
            | --- | ---: | ---: | ---: |
            | aszh | **0.5000** (n=1 of 3) | 0.6000 (n=1 of 3, paper 0.6410) | **0.7000** (n=1 of 3) |
            | itq | 0.4200 ± 0.0200 | **0.6800 ± 0.0283** (n=2 of 3) | n/a |

            ## ratio = 5/-1

            | method | 16 | 32 | 64 |
            | --- | ---: | ---: | ---: |
            | aszh | **0.5300 ± 0.0141** (n=2 of 3) | 0.6300 ± 0.0283 (n=2 of 3, paper 0.6410) | **0.7300 ± \#
            0.0141** (n=2 of 3) |
            | itq | 0.4200 ± 0.0200 | **0.6800 ± 0.0283** (n=2 of 3) | n/a |

            """#)
        #expect(texts.tex == #"""
            % demo — Pinned — 17 of 20 runs (3 missing, 3 not applicable)
            \begin{table}[t]
            \centering
            \caption{map by method (rows) and bits (columns): mean $\pm$ std over seeds (sample standard deviation, \#
            n $-$ 1); the best mean of each column is marked (higher is better); n is given where runs are missing; \#
            the paper's value is in parentheses where it reports one. Runs without a ratio appear in every ratio \#
            section. n/a: not applicable, the method declines the configuration, so there are no metrics; a cell \#
            with some such runs averages the others (n counts them) and gives the number of n/a runs. Reasons: 3 \#
            $\times$ itq: 64 bits need at least 64 feature dimensions, the features have 47.}
            \begin{tabular}{lrrr}
            \toprule
            method & 16 & 32 & 64 \\
            \midrule
            \multicolumn{4}{l}{\emph{ratio = 1/-5}} \\
            aszh & \textbf{0.5000} (n=1 of 3) & 0.6000 (n=1 of 3, paper 0.6410) & \textbf{0.7000} (n=1 of 3) \\
            itq & 0.4200 $\pm$ 0.0200 & \textbf{0.6800 $\pm$ 0.0283} (n=2 of 3) & n/a \\
            \midrule
            \multicolumn{4}{l}{\emph{ratio = 5/-1}} \\
            aszh & \textbf{0.5300 $\pm$ 0.0141} (n=2 of 3) & 0.6300 $\pm$ 0.0283 (n=2 of 3, paper 0.6410) & \#
            \textbf{0.7300 $\pm$ 0.0141} (n=2 of 3) \\
            itq & 0.4200 $\pm$ 0.0200 & \textbf{0.6800 $\pm$ 0.0283} (n=2 of 3) & n/a \\
            \bottomrule
            \end{tabular}
            \end{table}

            """#)
        #expect(texts.csv == #"""
            ratio,method,bits=16 mean,bits=16 std,bits=16 n,bits=16 n/a,bits=16 best,bits=16 paper,bits=32 mean,\#
            bits=32 std,bits=32 n,bits=32 n/a,bits=32 best,bits=32 paper,bits=64 mean,bits=64 std,bits=64 n,bits=64 \#
            n/a,bits=64 best,bits=64 paper
            1/-5,aszh,0.5000,,1,0,*,,0.6000,,1,0,,0.6410,0.7000,,1,0,*,
            1/-5,itq,0.4200,0.0200,3,0,,,0.6800,0.0283,2,0,*,,n/a,n/a,0,3,,
            5/-1,aszh,0.5300,0.0141,2,0,*,,0.6300,0.0283,2,0,,0.6410,0.7300,0.0141,2,0,*,
            5/-1,itq,0.4200,0.0200,3,0,,,0.6800,0.0283,2,0,*,,n/a,n/a,0,3,,

            """#)
    }
}
