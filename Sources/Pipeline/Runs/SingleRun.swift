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
///
/// - A single-modal run encodes queries and database from its one modality.
/// - A cross-modal run trains on two paired modalities A and B and is evaluated in
///   both directions: A→B ranks codes of A's query features against database codes
///   of B (B's features encoded, or the learned training codes; ``DatabaseCodes``),
///   and B→A the other way.
/// - An online run (``Datasets/OnlineProtocol``) streams the training items in chunks
///   and evaluates after each (see `SingleRun+Online.swift`).
public struct SingleRun: Sendable {
    /// The configuration with every method parameter resolved.
    public let configuration: RunConfiguration
    /// The cutoffs K for mAP@K, P@K and R@K.
    public let cutoffs: [Int]
    let method: any HashingMethod

    /// Resolves the method's parameters (`given`: name → text) and checks the code
    /// length and that the modalities are what the method hashes.
    ///
    /// - Throws: ``Methods/ParameterError`` for an unknown method or parameter or a bad
    ///   value; ``SingleRunError``.
    public init(dataset: String, retrievalProtocol: RetrievalProtocol, preprocessing: FeaturePreprocessing = .none,
                method name: String, parameters given: [String: String], bits: Int, modalities: [String],
                databaseCodes: DatabaseCodes = .encoded, seed: UInt64, cutoffs: [Int] = [100, 1000]) throws {
        guard (1...4096).contains(bits) else { throw SingleRunError.invalidBits(bits) }
        let (method, resolved) = try MethodRegistry.make(name, parameters: given)
        let needs = type(of: method).modalityNeeds
        guard modalities.count <= needs.count, needs == .one || modalities.count == 2 else {
            throw SingleRunError.modalities(method: name, needs: needs, given: modalities)
        }
        guard Set(modalities).count == modalities.count else {
            throw SingleRunError.modalities(method: name, needs: needs, given: modalities)
        }
        self.method = method
        self.cutoffs = cutoffs
        configuration = RunConfiguration(
            dataset: dataset, retrievalProtocol: retrievalProtocol, preprocessing: preprocessing, method: name,
            methodRevision: type(of: method).revision, parameters: resolved.values.mapValues(\.description), bits: bits,
            modalities: modalities, databaseCodes: databaseCodes, seed: seed)
    }

    /// A single-modal run of `modality` (nil: the dataset's first).
    public init(dataset: String, retrievalProtocol: RetrievalProtocol, preprocessing: FeaturePreprocessing = .none,
                method name: String, parameters given: [String: String], bits: Int, modality: String?, seed: UInt64,
                cutoffs: [Int] = [100, 1000]) throws {
        try self.init(dataset: dataset, retrievalProtocol: retrievalProtocol, preprocessing: preprocessing,
                      method: name, parameters: given, bits: bits, modalities: modality.map { [$0] } ?? [],
                      seed: seed, cutoffs: cutoffs)
    }

    /// The run a stored configuration describes (its parameters are resolved again, so
    /// a configuration naming a parameter the method no longer has fails here).
    public init(configuration: RunConfiguration, cutoffs: [Int]) throws {
        try self.init(dataset: configuration.dataset, retrievalProtocol: configuration.retrievalProtocol,
                      preprocessing: configuration.preprocessing, method: configuration.method,
                      parameters: configuration.parameters, bits: configuration.bits,
                      modalities: configuration.modalities, databaseCodes: configuration.databaseCodes,
                      seed: configuration.seed, cutoffs: cutoffs)
    }

    /// Runs; `log` receives one line per phase.
    ///
    /// - Throws: the errors of the dataset catalog and file, the protocol, the method
    ///   and the evaluation, each naming what failed.
    public func execute(catalog: DatasetCatalog, log: (String) -> Void) throws -> RunResult {
        var clock = PhaseTimes()
        let dataset = try Dataset(path: try catalog.resolve(configuration.dataset))
        var configuration = configuration
        if configuration.modalities.isEmpty, let first = dataset.modalities.first {
            configuration.modalities = [first.name]
        }
        var split = try configuration.retrievalProtocol.split(dataset, seed: configuration.seed)
        if configuration.databaseCodes == .learned {
            split.database = split.training
        }
        log("\(dataset.name): \(split.training.count) training, \(split.queries.count) queries, "
            + "\(split.database.count) database items"
            + (split.chunks.isEmpty ? "" : " in \(split.chunks.count) rounds")
            + "; modality \(configuration.modality); preprocess \(configuration.preprocessing.rawValue)"
            + (configuration.databaseCodes == .learned ? "; database codes learned" : ""))
        if case .online = configuration.retrievalProtocol {
            return try executeOnline(dataset: dataset, split: split, configuration: configuration, clock: &clock,
                                     log: log)
        }
        var features: [String: SplitFeatures] = [:]
        for modality in configuration.modalities {
            features[modality] = try SplitFeatures(dataset: dataset, split: split, modality: modality,
                                                   preprocessing: configuration.preprocessing)
        }
        let training = TrainingSet(modalities: configuration.modalities,
                                   features: features.mapValues(\.training),
                                   labels: try Self.labels(of: split.training, in: dataset))
        clock.lap("load")

        log("training \(configuration.method), \(configuration.bits) bits")
        var generator = SeededGenerator(seed: configuration.seed, component: "method/\(configuration.method)")
        let hasher = try method.train(training, bits: configuration.bits, generator: &generator)
        clock.lap("train")
        let queryLabels = try dataset.labelSets(items: split.queries)
        let databaseLabels = try dataset.labelSets(items: split.database)
        let reports = try evaluateDirections(
            of: hasher, configuration: configuration, queries: features.mapValues(\.queries), queryLabels: queryLabels,
            database: features.mapValues(\.database), databaseCount: split.database.count,
            databaseLabels: databaseLabels, datasetName: dataset.name, databaseName: "database", clock: &clock)
        return RunResult(configuration: configuration, datasetName: dataset.name, datasetPath: dataset.path,
                         splitSizes: split.sizes, unseenClasses: split.unseenClasses,
                         metrics: configuration.isCrossModal ? nil : reports.values.first,
                         directions: configuration.isCrossModal ? reports : nil,
                         seconds: clock.seconds, diagnostics: hasher.diagnostics)
    }

    /// The labels of `items` (in that order) as an items × classes 0/1 matrix.
    static func labels(of items: [Int], in dataset: Dataset) throws -> Matrix<Float> {
        var labels = Matrix<Float>(rows: items.count, columns: dataset.classes.count, repeating: 0)
        for (row, item) in items.enumerated() {
            for column in 0..<dataset.classes.count { labels[row, column] = Float(dataset.labels[item, column]) }
        }
        return labels
    }
}
