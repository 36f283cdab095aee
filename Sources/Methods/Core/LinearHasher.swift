import HashCore
import Linalg

/// Codes = sign((x − μ)·W) for a feature mean μ (1 × D) and a projection W (D × K),
/// sign(0) = +1: the encoder of LSH, BOLSH and ITQ.
public struct LinearHasher: TrainedHasher {
    public let mean: [Float]
    public let projection: Matrix<Float>
    public let trainingCodes: BinaryCodes?
    public let diagnostics: TrainingDiagnostics

    public init(mean: [Float], projection: Matrix<Float>, trainingCodes: BinaryCodes? = nil,
                diagnostics: TrainingDiagnostics = TrainingDiagnostics()) {
        self.mean = mean
        self.projection = projection
        self.trainingCodes = trainingCodes
        self.diagnostics = diagnostics
    }

    public func encode(_ features: Matrix<Float>, modality: String) throws -> BinaryCodes {
        try BinaryCodes(signsOf: Matrix.product(features.centred(by: mean), projection))
    }
}
