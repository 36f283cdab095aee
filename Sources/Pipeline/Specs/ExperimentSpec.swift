/// An experiment as a researcher writes it in `experiments/NAME.yaml`: a dataset, a
/// protocol, the modality (or, for cross-modal methods, the pair of `modalities`),
/// methods with parameters, code lengths and seeds — any list among `modality`, `bits`,
/// `seeds`, the protocol's values or a method's `params` is swept, and a list of pairs
/// under `modalities` — plus the metrics, report items and the paper's values to print
/// beside ours.
///
/// Cross-modal runs (`modalities: [image, text]`) are evaluated in both directions,
/// and their results carry the axis `direction` (`image→text`, `text→image`); online
/// runs (`protocol: {kind: online, chunk: 2000}`) record every round under the axis
/// `round`. A report item that names `round` (as an axis or in its facet) reports every
/// round; any other reports the final round. A `facet` — one axis or a list of them —
/// splits a table into sections and a plot into panels, one per combination of their
/// values: `table: {rows: method, columns: round, value: map, facet: [direction, bits]}`
/// gives each method's mAP after each round, per direction and code length.
///
/// ```yaml
/// experiment: aszh-ratio
/// dataset: mfeat
/// modality: [fac, pix]
/// protocol: {kind: zero-shot, unseen: [[8, 9], [3, 5]], queries: 200}
/// bits: [16, 32, 64]
/// seeds: [1, 2, 3]
/// methods:
///   - method: aszh
///     params: {ratio: ["1/-5", "5/-1"], lambda: [1e-2, 1e-3]}
///     zip: [ratio, lambda]
///   - method: lsh
/// report:
///   - table: {rows: method, columns: bits, value: map}
///   - table: {rows: method, columns: bits, value: map, facet: [modality, unseen]}
///   - ablation: {x: ratio, series: bits, value: map, plot: true, facet: modality}
/// extends: base.yaml
/// ```
///
/// Loading checks everything that does not need the dataset; ``plannedRuns(root:)``
/// opens the dataset and checks the rest.
public struct ExperimentSpec: Sendable {
    /// The experiment's name (`experiment:`).
    public let name: String
    public let description: String
    /// The dataset's name or path, as written.
    public let dataset: String
    /// The spec file's path, as given to ``load(path:)``.
    public let file: String
    /// K for mAP@K, precision@K, recall@K; default 100 and 1,000.
    public let cutoffs: [Int]
    /// The metric names the report shows; default `map`.
    public let metrics: [String]
    public let report: [ReportItem]
    public let paper: [PaperValue]

    let datasetLocation: SpecLocation
    /// The modalities to hash: one (`modality:`, swept as the axis `modality` when
    /// written as a list) or a pair (`modalities: [A, B]`, swept as the axis
    /// `modalities` over a list of pairs); `nil` means the dataset's first.
    let modalityAxis: SweepAxis?
    /// Every protocol setting the spec gives, in ``ProtocolSettings/keys`` order.
    let protocolAxes: [SweepAxis]
    /// Where the `protocol` mapping is written (the spec's first line when it has none).
    let protocolLocation: SpecLocation
    /// The runs in order: method entries in order, then each entry's sweep.
    let runs: [ExpandedRun]

    /// The required top-level keys.
    static let requiredKeys = ["experiment", "dataset", "methods", "bits", "seeds"]

    /// Reads and checks the spec at `path`, following `extends`.
    ///
    /// - Throws: ``SpecError`` naming file, line and key.
    public static func load(path: String) throws -> ExperimentSpec {
        try ExperimentSpec(document: SpecDocument(path: path), file: path)
    }

    private init(document: SpecDocument, file: String) throws {
        let rootLocation = document.root.location
        var fields: [String: SpecNode] = [:]
        for key in Self.requiredKeys {
            guard let node = document.entries[key] else {
                throw SpecError.missingKey(SpecLocation(file: rootLocation.file, line: rootLocation.line, key: key))
            }
            fields[key] = node
        }
        let optional = document.entries
        self.file = file
        name = try fields["experiment"]!.name("the experiment's name")
        description = try optional["description"]?.text("text") ?? ""
        dataset = try fields["dataset"]!.text("a dataset name or path")
        datasetLocation = fields["dataset"]!.location
        if let single = optional["modality"], optional["modalities"] != nil {
            throw SpecError.invalidValue(single.location, reason: "give modality (single-modal runs) or modalities "
                                         + "(a cross-modal pair), not both")
        }
        let modalityAxis = try optional["modality"].map { try SweepAxis(name: "modality", node: $0) }
            ?? optional["modalities"].map { try SweepAxis(classSetsNamed: "modalities", node: $0, noun: "modality") }
        for pair in modalityAxis?.name == "modalities" ? modalityAxis!.values : [] {
            let names = SweepAxis.classNames(pair.text)
            guard names.count == 2, names[0] != names[1] else {
                throw SpecError.invalidValue(pair.location, reason: "a cross-modal pair names two distinct modalities, "
                                             + "not \(names.count == 2 ? "the same twice" : "\(names.count)")")
            }
        }
        self.modalityAxis = modalityAxis
        cutoffs = try optional["cutoffs"]?.elementsOrSelf().map { try $0.integer(in: 1...Int.max) } ?? [100, 1000]

        let protocolAxes = try ProtocolSettings.keys.compactMap { key in
            try document.protocolEntries[key].map { node in
                key == "unseen" ? try SweepAxis(classSetsNamed: key, node: node) : try SweepAxis(name: key, node: node)
            }
        }
        self.protocolAxes = protocolAxes
        let protocolLocation = document.protocolNode?.location
            ?? SpecLocation(file: rootLocation.file, line: rootLocation.line, key: "protocol")
        self.protocolLocation = protocolLocation
        let bits = try SweepAxis(name: "bits", node: fields["bits"]!)
        let seeds = try SweepAxis(name: "seed", node: fields["seeds"]!)
        let entries = try fields["methods"]!.elements()
        guard !entries.isEmpty else {
            throw SpecError.invalidValue(fields["methods"]!.location, reason: "needs at least one method")
        }
        let leadingAxes = (modalityAxis.map { [$0] } ?? []) + protocolAxes
        let runs = try entries.flatMap { node in
            let entry = try MethodEntry(node)
            let axes = leadingAxes + [bits] + entry.parameters + [seeds]
            return try Sweep(axes: axes, zip: entry.zipGroups).points.map { point in
                try ExpandedRun(entry: entry, point: point, modalityAxis: modalityAxis, protocolAxes: protocolAxes,
                                protocolLocation: protocolLocation)
            }
        }

        self.runs = runs
        let vocabulary = SpecVocabulary(runs: runs, metricNames: EvaluationReport.metricNames(cutoffs: cutoffs)
                                            + (runs.contains(where: \.isOnline) ? ["train_seconds"] : []))
        metrics = try optional["metrics"]?.elementsOrSelf().map(vocabulary.metric) ?? ["map"]
        report = try optional["report"]?.elements().map(vocabulary.reportItem) ?? []
        paper = try optional["paper"]?.elements().map(vocabulary.paperValue) ?? []
    }
}
