import HashCore
import Linalg

/// A hashing method as the registry knows it: a name, documented parameters with
/// defaults, and a training step that turns a training set into a hasher.
///
/// A method is built from ``ResolvedParameters`` (every declared parameter present,
/// validated); training must use only `generator` for randomness, so the same
/// parameters, data and seed give the same codes.
public protocol HashingMethod: Sendable {
    /// The spec name (`aszh`, `lsh`, …).
    static var name: String { get }
    /// One line on what the method is, with its paper.
    static var summary: String { get }
    /// The parameters, their types, defaults and meanings.
    static var parameters: [ParameterSpec] { get }
    /// The implementation's revision, raised whenever a change makes the same
    /// configuration give other codes. It is part of the run configuration from 2 on,
    /// so runs stored by an older implementation get other run ids and are computed
    /// again, never mixed with the new ones in a table.
    static var revision: Int { get }
    /// One modality, or two paired ones (cross-modal methods).
    static var modalityNeeds: ModalityNeeds { get }
    /// Reads typed values from resolved parameters.
    init(parameters: ResolvedParameters) throws
    /// Learns hash functions for `bits`-bit codes.
    func train(_ data: TrainingSet, bits: Int, generator: inout SeededGenerator) throws -> any TrainedHasher
}

extension TrainedHasher {
    /// One code per item, whatever the modality.
    public func trainingCodes(for modality: String) throws -> BinaryCodes? { trainingCodes }
}

extension HashingMethod {
    /// Revision 1: the implementation as first released.
    public static var revision: Int { 1 }
    /// Single-modal.
    public static var modalityNeeds: ModalityNeeds { .one }
}

/// Learned hash functions: encode features of a modality into codes.
public protocol TrainedHasher: Sendable {
    /// Codes for the rows of `features` of `modality` (N × D, same D as in training).
    func encode(_ features: Matrix<Float>, modality: String) throws -> BinaryCodes
    /// The learned codes of the training items, when the method learns them (B).
    var trainingCodes: BinaryCodes? { get }
    /// The learned codes of the training items as a database of `modality`: the same
    /// ``trainingCodes`` for methods that learn one code per item (the default), and
    /// a modality's own codes for methods that learn one per modality (DLFH's U and V, SCM's).
    func trainingCodes(for modality: String) throws -> BinaryCodes?
    /// What training did, per iteration (objective, bits changed) and per phase (time).
    var diagnostics: TrainingDiagnostics { get }
}
