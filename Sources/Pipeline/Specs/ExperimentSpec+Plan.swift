import Datasets
import HashCore
import Methods

extension ExperimentSpec {
    /// The spec's runs, each with the configuration ``SingleRun`` builds for it
    /// (parameters resolved, defaults filled in, the modality chosen), in order:
    /// method entries as written; within an entry the modalities, then the protocol
    /// settings, then `bits`, then the parameters, then `seeds`, the last varying fastest.
    ///
    /// Opens the dataset (by name under `root`, or by path) once to check it is
    /// present, to take its first modality when the spec names none, and to check
    /// the modalities, unseen classes and stored splits the spec names.
    ///
    /// Each distinct protocol is also split once (seed 0; the sizes of a split do not
    /// depend on the seed), so that a protocol the dataset cannot satisfy — more queries
    /// than items, no training item — is an error of the spec, not of every run.
    ///
    /// - Throws: ``SpecError``: ``SpecError/dataset(_:_:)`` for a dataset that is
    ///   unknown or not built (with the command that builds it),
    ///   ``SpecError/unreadableDataset(_:reason:)``, ``SpecError/invalidValue(_:reason:)``
    ///   for names the dataset lacks or a protocol it cannot satisfy,
    ///   ``SpecError/parameter(_:_:)``.
    public func plannedRuns(root: String = ".") throws -> [PlannedRun] {
        let contents = try openDataset(root: root)
        try check(against: contents)
        try checkSplits(of: contents)
        let firstModality = contents.modalities.first?.name
        return try runs.map { run in
            let single: SingleRun
            do {
                single = try SingleRun(dataset: dataset, retrievalProtocol: run.retrievalProtocol,
                                       preprocessing: run.preprocessing, method: run.method, parameters: run.parameters,
                                       bits: run.bits, modalities: run.modalities.isEmpty ? firstModality.map { [$0] } ?? []
                                           : run.modalities,
                                       databaseCodes: run.databaseCodes, seed: run.seed, cutoffs: cutoffs)
            } catch let error as ParameterError {
                throw SpecError.parameter(run.methodLocation, error)
            } catch let error as SingleRunError {
                throw SpecError.invalidValue(modalityAxis?.values.first?.location ?? run.methodLocation,
                                             reason: "\(error)" + Self.modalityHint(contents))
            }
            return PlannedRun(configuration: single.configuration, cutoffs: single.cutoffs, axes: run.axes)
        }
    }

    private func openDataset(root: String) throws -> Dataset {
        let path: String
        do {
            path = try DatasetCatalog(root: root).resolve(dataset)
        } catch let error as CatalogError {
            throw SpecError.dataset(datasetLocation, error)
        } catch {
            throw SpecError.unreadableDataset(datasetLocation, reason: "\(error)")
        }
        do {
            return try Dataset(path: path)
        } catch {
            throw SpecError.unreadableDataset(datasetLocation, reason: "\(error)")
        }
    }

    /// Splits `dataset` once under each distinct protocol of the runs.
    private func checkSplits(of dataset: Dataset) throws {
        var checked = Set<RetrievalProtocol>()
        for run in runs where checked.insert(run.retrievalProtocol).inserted {
            do {
                _ = try run.retrievalProtocol.split(dataset, seed: 0)
            } catch let error as ProtocolError {
                var location = protocolLocation
                switch error {
                case let .tooFewItems(_, set, _, _):
                    location.key = "protocol." + (set.split(separator: " ").first.map(String.init) ?? "")
                case let .emptySet(_, set, _):
                    let given = Set(protocolAxes.map(\.name))
                    location.key = "protocol." + (set != "training" ? set
                        : ["stored_split", "unseen_split"].first(where: given.contains) ?? "unseen")
                case let .invalidParameter(name, _):
                    location.key = "protocol." + name
                case .unknownClass, .missingSplit:
                    break
                }
                throw SpecError.invalidValue(location, reason: "\(error)")
            }
        }
    }

    /// What to do about a dataset with one modality when a run needs two: the DCMH
    /// layout imported without `mirflickr25k-iall.mat` holds the text features only.
    static func modalityHint(_ dataset: Dataset) -> String {
        guard dataset.modalities.count == 1 else { return "" }
        return " (\(dataset.name) holds one modality, so it has no cross-modal pair"
            + (dataset.modalities[0].name == "text" && dataset.provenance["importer"] == "dcmh-mirflickr"
                ? ": it was imported from the DCMH layout without image features; import it again with "
                    + "mirflickr25k-iall.mat among the --from files" : "") + ")"
    }

    /// Checks the modalities, the unseen classes and the stored splits against `dataset`.
    private func check(against dataset: Dataset) throws {
        func requireName(_ name: String, among known: [String], at location: SpecLocation, what: String,
                         plural: String) throws {
            guard known.contains(name) else {
                throw SpecError.invalidValue(location, reason: "\(dataset.name) has no \(what) \"\(name)\""
                                             + NearestName.hint(for: name, among: known)
                                             + "; its \(plural): \(known.isEmpty ? "none" : known.joined(separator: ", "))")
            }
        }
        for value in modalityAxis?.values ?? [] {
            for name in SweepAxis.classNames(value.text) {
                try requireName(name, among: dataset.modalities.map(\.name), at: value.location, what: "modality",
                                plural: "modalities" + (modalityAxis?.name == "modalities" ? Self.modalityHint(dataset) : ""))
            }
        }
        for axis in protocolAxes {
            for value in axis.values {
                switch axis.name {
                case "unseen":
                    for name in SweepAxis.classNames(value.text) {
                        try requireName(name, among: dataset.classes, at: value.location, what: "class",
                                        plural: "classes")
                    }
                case "unseen_split", "stored_split":
                    try requireName(value.text, among: dataset.splits.map(\.name), at: value.location, what: "split",
                                    plural: "splits")
                default:
                    break
                }
            }
        }
    }
}
