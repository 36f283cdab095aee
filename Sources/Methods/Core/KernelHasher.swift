import HashCore
import Linalg

/// Codes = sign((φ(x) − μ)·P + c) for an RBF kernel map φ on anchors, an optional mean
/// μ of the training kernel features (zeros when the method does not centre) and an
/// affine map (P, m × K, with intercept c): the encoder of ASZH, SDH, KSH and CNNH.
/// The regression methods learn c with P (``RidgeRegression``); KSH's codes are
/// sgn(K̄·a) by its formulation, c = 0.
public struct KernelHasher: TrainedHasher {
    public let kernel: RBFKernelMap
    public let mean: [Float]
    public let map: AffineProjection
    public let trainingCodes: BinaryCodes?
    public let diagnostics: TrainingDiagnostics

    public init(kernel: RBFKernelMap, mean: [Float], map: AffineProjection, trainingCodes: BinaryCodes?,
                diagnostics: TrainingDiagnostics) {
        self.kernel = kernel
        self.mean = mean
        self.map = map
        self.trainingCodes = trainingCodes
        self.diagnostics = diagnostics
    }

    public func encode(_ features: Matrix<Float>, modality: String) throws -> BinaryCodes {
        try BinaryCodes(signsOf: map.apply(kernel.map(features).centred(by: mean)))
    }
}
