import HashCore
import Linalg

/// Codes = sign((φ(x) − μ)·P + c) for an RBF kernel map φ on anchors, an optional mean
/// μ of the training kernel features (zeros when the method does not centre) and an
/// affine map (P, m × K, with intercept c): the encoder of ASZH, SDH, KSH and CNNH.
/// The regression methods learn c with P (``RidgeRegression``); KSH's codes are
/// sgn(K̄·a) by its formulation, c = 0.
///
/// New items are encoded in the precision the method trained in (`Scalar`): SDH's, KSH's
/// and CNNH's projections are ill-conditioned (RBF Gram matrices, KSH's whitening), so
/// (φ(x) − μ)·P is a small difference of large terms, and in `Float` its sign depended
/// on the BLAS kernel's rounding (KSH's mAP on mfeat moved by up to 0.09 between the
/// Haswell and SkylakeX kernels with identical training codes).
public struct KernelHasher<Scalar: KernelScalar>: TrainedHasher {
    public let kernel: RBFKernelMap
    public let mean: [Scalar]
    public let map: AffineProjection<Scalar>
    public let trainingCodes: BinaryCodes?
    public let diagnostics: TrainingDiagnostics

    public init(kernel: RBFKernelMap, mean: [Scalar], map: AffineProjection<Scalar>, trainingCodes: BinaryCodes?,
                diagnostics: TrainingDiagnostics) {
        self.kernel = kernel
        self.mean = mean
        self.map = map
        self.trainingCodes = trainingCodes
        self.diagnostics = diagnostics
    }

    public func encode(_ features: Matrix<Float>, modality: String) throws -> BinaryCodes {
        try BinaryCodes(signsOf: map.apply(kernel.map(features, precision: Scalar.self).centred(by: mean)))
    }
}
