import HashCore
import Linalg

/// The hash functions of a cross-modal method: one affine map per modality of the paired
/// training set, codes = sgn((x − μ_m)·P_m + c_m) for features x of modality m (sign(0) =
/// +1), in Double: the encoder of DLFH, CCA-ITQ and SCM.
///
/// μ_m is the modality's training mean, so that the product is taken of centred features
/// (with raw features of large mean, x·P and μ·P are large and nearly cancel, and the sign
/// of their difference would be decided by rounding). Features are converted to Double
/// before the product, as the methods trained.
///
/// ``trainingCodes`` is one code matrix for the training items; a method that learns a
/// code matrix per modality (DLFH's U and V, SCM's sgn(X̄W_x) and sgn(ȲW_y)) also gives each
/// through ``trainingCodes(for:)``.
public struct CrossModalHasher: TrainedHasher {
    /// The modalities, in the training set's order.
    public let modalities: [String]
    /// μ_m per modality (same order).
    public let means: [[Double]]
    /// (P_m, c_m) per modality (same order).
    public let maps: [AffineProjection<Double>]
    public let trainingCodes: BinaryCodes?
    /// The learned codes of the training items as items of each modality (same order), or
    /// empty when the method learns one unified code matrix.
    public let modalityCodes: [BinaryCodes]
    public let diagnostics: TrainingDiagnostics

    public init(modalities: [String], means: [[Double]], maps: [AffineProjection<Double>], trainingCodes: BinaryCodes?,
                modalityCodes: [BinaryCodes] = [], diagnostics: TrainingDiagnostics) {
        precondition(means.count == modalities.count && maps.count == modalities.count
                         && (modalityCodes.isEmpty || modalityCodes.count == modalities.count),
                     "CrossModalHasher: one mean, map (and learned codes, if any) per modality")
        self.modalities = modalities
        self.means = means
        self.maps = maps
        self.trainingCodes = trainingCodes
        self.modalityCodes = modalityCodes
        self.diagnostics = diagnostics
    }

    public func encode(_ features: Matrix<Float>, modality: String) throws -> BinaryCodes {
        let index = try self.index(of: modality)
        return try BinaryCodes(signsOf: maps[index].apply(features.map(Double.init).centred(by: means[index])))
    }

    /// The learned codes of the training items as items of `modality`: the database codes
    /// of a cross-modal direction whose database is `modality`. ``trainingCodes`` when the
    /// method learns one code matrix for both.
    ///
    /// - Throws: ``TrainingError/unknownModality(_:known:)``.
    public func trainingCodes(for modality: String) throws -> BinaryCodes? {
        let index = try self.index(of: modality)
        return modalityCodes.isEmpty ? trainingCodes : modalityCodes[index]
    }

    private func index(of modality: String) throws -> Int {
        guard let index = modalities.firstIndex(of: modality) else {
            throw TrainingError.unknownModality(modality, known: modalities)
        }
        return index
    }
}
