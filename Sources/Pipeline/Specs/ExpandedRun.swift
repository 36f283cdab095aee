import Datasets

/// One point of a spec's sweep before the dataset is opened: the method with the
/// parameters the spec gives it, the modality, the protocol and its feature
/// preprocessing, the code length, the seed and the run's axes.
struct ExpandedRun: Sendable {
    let method: String
    /// Where the method's name is written, for errors its parameters raise.
    let methodLocation: SpecLocation
    /// The modalities the spec names (one, or a cross-modal pair); empty means the
    /// dataset's first.
    let modalities: [String]
    /// Where database codes come from (cross-modal and online protocols).
    let databaseCodes: DatabaseCodes
    let retrievalProtocol: RetrievalProtocol
    let preprocessing: FeaturePreprocessing
    /// Parameter name → text as written (defaults are filled in when planned).
    let parameters: [String: String]
    let bits: Int
    let seed: UInt64
    /// `method`, `bits`, `seed`, the entry's `label` when it has one, every given
    /// parameter, every swept protocol setting and `modality` or `modalities` when
    /// swept.
    let axes: [String: String]

    /// Whether the run streams its training items (`kind: online`).
    var isOnline: Bool {
        if case .online = retrievalProtocol { return true }
        return false
    }

    /// The values of the axes results add to the run's: `direction` for a cross-modal
    /// run (`A→B`, `B→A`), `round` (unknown before the data is split: empty) for an
    /// online one.
    var resultAxes: [String: [String]] {
        var axes: [String: [String]] = [:]
        if modalities.count == 2 {
            axes["direction"] = [RunEvaluation.directionName(query: modalities[0], database: modalities[1]),
                                 RunEvaluation.directionName(query: modalities[1], database: modalities[0])]
        }
        if isOnline { axes["round"] = [] }
        return axes
    }

    /// The run at `point` of `entry`'s sweep.
    ///
    /// - Throws: ``SpecError/invalidValue(_:reason:)`` for protocol settings that do
    ///   not fit together (at the offending value, or at `protocolLocation` for a
    ///   missing one); the errors of ``AxisValue/integer(in:)``.
    init(entry: MethodEntry, point: [String: AxisValue], modalityAxis: SweepAxis?, protocolAxes: [SweepAxis],
         protocolLocation: SpecLocation) throws {
        var settings = ProtocolSettings()
        for axis in protocolAxes {
            let value = point[axis.name]!
            switch axis.name {
            case "kind": settings.kind = value.text
            case "unseen": settings.unseen = SweepAxis.classNames(value.text)
            case "unseen_split": settings.unseenSplit = value.text
            case "queries": settings.queries = try value.integer(in: Int.min...Int.max)
            case "database": settings.database = value.text
            case "training": settings.training = try value.integer(in: Int.min...Int.max)
            case "chunk": settings.chunk = try value.integer(in: Int.min...Int.max)
            case "database_codes": settings.databaseCodes = value.text
            case "preprocess": settings.preprocess = value.text
            default: settings.storedSplit = value.text
            }
        }
        do {
            retrievalProtocol = try settings.retrievalProtocol()
            preprocessing = try settings.preprocessing()
            databaseCodes = try settings.databaseCodeSource()
        } catch let ProtocolError.invalidParameter(name, reason) {
            var location = protocolLocation
            location.key = "protocol.\(name)"
            throw SpecError.invalidValue(point[name]?.location ?? location, reason: reason)
        }
        method = entry.name
        methodLocation = entry.location
        modalities = modalityAxis.map { SweepAxis.classNames(point[$0.name]!.text) } ?? []
        bits = try point["bits"]!.integer(in: 1...4096)
        seed = UInt64(try point["seed"]!.integer(in: 0...Int.max))
        parameters = Dictionary(uniqueKeysWithValues: entry.parameters.map { ($0.name, point[$0.name]!.text) })
        var axes = parameters.merging(["method": method, "bits": "\(bits)", "seed": "\(seed)"]) { $1 }
        if let label = entry.label { axes["label"] = label }
        for axis in (modalityAxis.map { [$0] } ?? []) + protocolAxes where axis.isSwept {
            axes[axis.name] = point[axis.name]!.text
        }
        self.axes = axes
    }
}
