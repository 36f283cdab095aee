import Datasets
import Dispatch
import HashCore
import Linalg
import Methods

/// One run, end to end: open the dataset, derive the protocol's index sets from the
/// seed, prepare the features (preprocessing fitted to the training items only; see
/// ``SplitFeatures``), train the method on the training items' features, encode
/// queries and database, rank by Hamming distance and evaluate. `hashlab run-one` and
/// every run of a sweep go through here.
public struct SingleRun: Sendable {
    /// The configuration with every method parameter resolved.
    public let configuration: RunConfiguration
    /// The cutoffs K for mAP@K, P@K and R@K.
    public let cutoffs: [Int]
    private let method: any HashingMethod

    /// Resolves the method's parameters (`given`: name → text) and checks the code
    /// length.
    ///
    /// - Throws: ``Methods/ParameterError`` for an unknown method or parameter or a bad
    ///   value; ``SingleRunError/invalidBits(_:)``.
    public init(dataset: String, retrievalProtocol: RetrievalProtocol, preprocessing: FeaturePreprocessing = .none,
                method name: String, parameters given: [String: String], bits: Int, modality: String?, seed: UInt64,
                cutoffs: [Int] = [100, 1000]) throws {
        guard (1...4096).contains(bits) else { throw SingleRunError.invalidBits(bits) }
        let (method, resolved) = try MethodRegistry.make(name, parameters: given)
        self.method = method
        self.cutoffs = cutoffs
        configuration = RunConfiguration(
            dataset: dataset, retrievalProtocol: retrievalProtocol, preprocessing: preprocessing, method: name,
            methodRevision: type(of: method).revision, parameters: resolved.values.mapValues(\.description), bits: bits, modality: modality ?? "",
            seed: seed)
    }

    /// Runs; `log` receives one line per phase.
    ///
    /// - Throws: the errors of the dataset catalog and file, the protocol, the method
    ///   and the evaluation, each naming what failed.
    public func execute(catalog: DatasetCatalog, log: (String) -> Void) throws -> RunResult {
        var seconds: [String: Double] = [:]
        var clock = DispatchTime.now()
        func lap(_ phase: String) {
            let now = DispatchTime.now()
            seconds[phase] = Double(now.uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9
            clock = now
        }

        let dataset = try Dataset(path: try catalog.resolve(configuration.dataset))
        var configuration = configuration
        if configuration.modality.isEmpty, let first = dataset.modalities.first {
            configuration.modality = first.name
        }
        let modality = configuration.modality
        let split = try configuration.retrievalProtocol.split(dataset, seed: configuration.seed)
        log("\(dataset.name): \(split.training.count) training, \(split.queries.count) queries, "
            + "\(split.database.count) database items; modality \(modality); "
            + "preprocess \(configuration.preprocessing.rawValue)")
        let features = try SplitFeatures(dataset: dataset, split: split, modality: modality,
                                         preprocessing: configuration.preprocessing)
        var trainingLabels = Matrix<Float>(rows: split.training.count, columns: dataset.classes.count, repeating: 0)
        for (row, item) in split.training.enumerated() {
            for column in 0..<dataset.classes.count { trainingLabels[row, column] = Float(dataset.labels[item, column]) }
        }
        lap("load")

        log("training \(configuration.method), \(configuration.bits) bits")
        var generator = SeededGenerator(seed: configuration.seed, component: "method/\(configuration.method)")
        let hasher = try method.train(TrainingSet(features: features.training, labels: trainingLabels, modality: modality),
                                      bits: configuration.bits, generator: &generator)
        lap("train")
        let queryCodes = try hasher.encode(features.queries, modality: modality)
        let databaseCodes = try hasher.encode(features.database, modality: modality)
        lap("encode")
        let metrics = try RetrievalEvaluation(cutoffs: cutoffs).evaluate(
            queries: queryCodes, queryLabels: try dataset.labelSets(items: split.queries),
            database: databaseCodes, databaseLabels: try dataset.labelSets(items: split.database))
        lap("evaluate")
        let report = EvaluationReport(queriesPath: "\(dataset.name):queries", databasePath: "\(dataset.name):database",
                                      databaseCount: databaseCodes.count, bits: configuration.bits, metrics: metrics)
        return RunResult(configuration: configuration, datasetName: dataset.name, datasetPath: dataset.path,
                         splitSizes: split.sizes, unseenClasses: split.unseenClasses, metrics: report,
                         seconds: seconds, diagnostics: hasher.diagnostics)
    }
}
