import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Pipeline
import TestSupport
import Testing

/// The elements, classes and texts of an SVG, read with Foundation's XML parser, which
/// also proves the document well-formed.
final class SVGOutline: NSObject, XMLParserDelegate {
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    private(set) var texts: [String] = []
    private var text = ""

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
    }

    func count(_ name: String, class className: String? = nil) -> Int {
        elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }.count
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((elementName, attributes))
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        if elementName == "text" { texts.append(text) }
        text = ""
    }
}

@Suite struct ReportAblationTests {
    /// ASZH at three ratios × two bit lengths × two seeds on two datasets, and ITQ,
    /// which has no ratio and so is in the CSV but not on the plot.
    static var records: [ReportRecord] {
        var records: [ReportRecord] = []
        for dataset in ["mfeat", "cifar"] {
            for ratio in ["5/-1", "1/-1", "1/-5"] {
                for bits in ["32", "16"] {
                    for seed in ["1", "2"] {
                        let map = 0.3 + 0.01 * Double(seed)! + (bits == "32" ? 0.1 : 0)
                            + 0.05 * AxisValueOrder.numericValue(ratio)!
                        records.append(ReportRecord(
                            axes: ["dataset": dataset, "method": "aszh", "ratio": ratio, "bits": bits, "seed": seed],
                            metrics: ["map": map]))
                    }
                }
            }
        }
        return records + [ReportRecord(axes: ["dataset": "mfeat", "method": "itq", "bits": "16", "seed": "1"],
                                       metrics: ["map": 0.2])]
    }

    @Test func longCSVHasEveryAxisThenEveryMetricAndOneLinePerRun() throws {
        let records = [
            ReportRecord(axes: ["method": "aszh", "bits": "32", "ratio": "5/-1", "seed": "1"],
                         metrics: ["precision@100": 0.7, "map": 0.5]),
            ReportRecord(axes: ["method": "aszh", "bits": "16", "ratio": "1/-5", "seed": "2"], metrics: ["map": 0.45]),
            ReportRecord(axes: ["method": "itq", "bits": "16", "seed": "1"], metrics: ["map": 0.3, "precision@100": 0.6]),
            ReportRecord(axes: ["method": "aszh", "bits": "16", "ratio": "1/-5", "seed": "1"], metrics: ["map": 0.4]),
        ]
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try ReportWriter(
            experiment: "ratios", description: "", items: [.ablation(x: "ratio", series: "bits", value: "map",
                                                                      plot: false)],
            paper: [], records: records, expectedRuns: 4
        ).write(to: directory.path("results"))
        #expect(paths == [directory.path("results/ablations/ratios.csv")])
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == """
            bits,method,ratio,seed,map,precision@100
            16,aszh,1/-5,1,0.4000,
            16,aszh,1/-5,2,0.4500,
            16,itq,,1,0.3000,0.6000
            32,aszh,5/-1,1,0.5000,0.7000

            """)
    }

    @Test func plotHasLabelsOneLinePerSeriesALegendAndRatiosInNumericOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let records = Self.records.filter { $0.axes["dataset"] == "mfeat" }
        let paths = try ReportWriter(
            experiment: "ratios", description: "", items: [.ablation(x: "ratio", series: "bits", value: "map",
                                                                      plot: true)],
            paper: [], records: records, expectedRuns: 13
        ).write(to: directory.path("results"))
        #expect(paths.last == directory.path("results/ablations/ratios-map-vs-ratio.svg"))
        let outline = try SVGOutline(try String(contentsOfFile: paths.last!, encoding: .utf8))
        #expect(outline.elements.first?.name == "svg")
        #expect(outline.elements.first?.attributes["width"] == "800")
        #expect(outline.texts.contains("ratios: map vs ratio by bits"))
        #expect(outline.texts.contains("ratio"))
        #expect(outline.texts.contains("map (mean ± std)"))
        #expect(outline.count("polyline") == 2)
        #expect(outline.count("g", class: "legend-entry") == 2)
        #expect(outline.texts.filter { ["16", "32"].contains($0) } == ["16", "32"])
        #expect(outline.texts.filter { $0.contains("/") } == ["1/-5", "1/-1", "5/-1"])
        // Two seeds per point: every point has an error bar.
        #expect(outline.count("path", class: "error-bar") == 6)
        #expect(outline.count("line", class: "grid") > 3)
    }

    @Test func facetsArePanelsSideBySide() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try ReportWriter(
            experiment: "ratios", description: "", items: [.ablation(x: "ratio", series: "bits", value: "map",
                                                                      plot: true, facet: ["dataset"])],
            paper: [], records: Self.records, expectedRuns: 25
        ).write(to: directory.path("results"))
        let outline = try SVGOutline(try String(contentsOfFile: paths.last!, encoding: .utf8))
        #expect(outline.count("g", class: "panel") == 2)
        #expect(outline.count("polyline") == 4)
        #expect(outline.count("g", class: "legend-entry") == 2)
        #expect(outline.texts.contains("dataset = mfeat"))
        #expect(outline.texts.contains("dataset = cifar"))
    }
}
