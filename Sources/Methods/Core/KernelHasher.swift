import HashCore
import Linalg

/// Codes = sign((φ(x) − μ)·P) for an RBF kernel map φ on anchors, an optional mean
/// μ of the training kernel features (zeros when the method does not centre) and a
/// projection P (m × K): the encoder of ASZH, SDH, KSH and CNNH.
public struct KernelHasher: TrainedHasher {
    public let kernel: RBFKernelMap
    public let mean: [Float]
    public let projection: Matrix<Float>
    public let trainingCodes: BinaryCodes?
    public let diagnostics: TrainingDiagnostics

    public init(kernel: RBFKernelMap, mean: [Float], projection: Matrix<Float>, trainingCodes: BinaryCodes?,
                diagnostics: TrainingDiagnostics) {
        self.kernel = kernel
        self.mean = mean
        self.projection = projection
        self.trainingCodes = trainingCodes
        self.diagnostics = diagnostics
    }

    public func encode(_ features: Matrix<Float>, modality: String) throws -> BinaryCodes {
        try BinaryCodes(signsOf: Matrix.product(kernel.map(features).centred(by: mean), projection))
    }
}
