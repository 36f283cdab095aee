import Datasets
import HashCore
import Linalg
import Methods

extension SingleRun {
    /// An online run: the training items stream in the split's chunks. Each round,
    /// an online method (``Methods/OnlineHashingMethod``) absorbs the chunk — one
    /// seeded generator serves all rounds — while an offline method is trained afresh
    /// on every item so far (its generator seeded as in an offline run), which is how
    /// the online papers compare them. Only the training is timed as the round's
    /// seconds. Then every direction is evaluated with the database = the items so far
    /// in arrival order: their learned codes (the online method's codes of earlier
    /// rounds as they were learned then), or their features encoded by the round's
    /// hash functions.
    func executeOnline(dataset: Dataset, split: ProtocolSplit, configuration: RunConfiguration,
                       clock: inout PhaseTimes, log: (String) -> Void) throws -> RunResult {
        let modalities = configuration.modalities
        var queryFeatures: [String: Matrix<Float>] = [:]
        for modality in modalities {
            queryFeatures[modality] = try dataset.features(modality, rows: split.queries)
        }
        let queryLabels = try dataset.labelSets(items: split.queries)
        let component = "method/\(configuration.method)"
        var generator = SeededGenerator(seed: configuration.seed, component: component)
        var online = try (method as? any OnlineHashingMethod)?.begin(bits: configuration.bits)
        let keepsFeatures = online == nil || configuration.databaseCodes == .encoded
        var seenItems: [Int] = []
        var seenFeatures: [String: Matrix<Float>] = [:]
        var rounds: [OnlineRound] = []
        var hasher: (any TrainedHasher)?
        clock.lap("load")

        for (index, chunk) in split.chunks.enumerated() {
            var chunkFeatures: [String: Matrix<Float>] = [:]
            for modality in modalities {
                let rows = try dataset.features(modality, rows: chunk)
                chunkFeatures[modality] = rows
                if keepsFeatures {
                    seenFeatures[modality] = seenFeatures[modality].map { $0.appendingRows(rows) } ?? rows
                }
            }
            seenItems += chunk
            let chunkLabels = try Self.labels(of: chunk, in: dataset)
            clock.lap("load")

            if var state = online {
                try state.absorb(TrainingSet(modalities: modalities, features: chunkFeatures, labels: chunkLabels),
                                 generator: &generator)
                online = state
                hasher = state
            } else {
                var roundGenerator = SeededGenerator(seed: configuration.seed, component: component)
                hasher = try method.train(TrainingSet(modalities: modalities, features: seenFeatures,
                                                      labels: try Self.labels(of: seenItems, in: dataset)),
                                          bits: configuration.bits, generator: &roundGenerator)
            }
            let trainSeconds = clock.lap("train")
            let databaseLabels = try dataset.labelSets(items: seenItems)
            let reports = try evaluateDirections(
                of: hasher!, configuration: configuration, queries: queryFeatures, queryLabels: queryLabels,
                database: seenFeatures, databaseCount: seenItems.count, databaseLabels: databaseLabels,
                datasetName: dataset.name, databaseName: "round \(index + 1)",
                clock: &clock)
            let round = OnlineRound(round: index + 1, items: seenItems.count, trainSeconds: trainSeconds,
                                    metrics: configuration.isCrossModal ? nil : reports.values.first,
                                    directions: configuration.isCrossModal ? reports : nil)
            rounds.append(round)
            log("round \(round.round) of \(split.chunks.count): \(round.items) items, training "
                + String(format: "%.3f s, ", trainSeconds)
                + reports.sorted { $0.key < $1.key }
                    .map { String(format: "%@ map=%.4f", $0.key, $0.value.map.tieAware) }
                    .joined(separator: ", "))
        }
        let last = rounds.last!
        return RunResult(configuration: configuration, datasetName: dataset.name, datasetPath: dataset.path,
                         splitSizes: split.sizes, unseenClasses: split.unseenClasses, metrics: last.metrics,
                         directions: last.directions, rounds: rounds, seconds: clock.seconds,
                         diagnostics: hasher!.diagnostics)
    }
}
