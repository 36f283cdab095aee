import HashCore
import Linalg

/// The kernel features a kernel method trains on: the RBF map on seeded anchors, the
/// mapped training items Φ (N × m) in the method's training precision and, when
/// centred, their column means (which ``KernelHasher`` subtracts from new items too).
/// ASZH trains in `Float`; SDH, KSH and CNNH in `Double`, because their ridge solves on
/// the RBF Gram matrix and their greedy or coordinate-wise sign steps turned a last-bit
/// difference (another BLAS kernel's rounding) into other codes.
struct KernelFeatures<Scalar: KernelScalar> {
    let map: RBFKernelMap
    let mean: [Scalar]
    let values: Matrix<Scalar>

    /// Maps `features` on `anchors` anchors sampled with `generator`; σ from the data
    /// unless given.
    ///
    /// - Throws: ``TrainingError/numerical(method:step:reason:)`` for a zero width.
    init(_ features: Matrix<Float>, anchors: Int, sigma: Double?, centred: Bool, method: String,
         generator: inout SeededGenerator) throws {
        var mapped: Matrix<Scalar>
        do {
            (map, mapped) = try RBFKernelMap.fitted(training: features, anchorCount: anchors,
                                                    sigma: sigma.map { Float($0) }, precision: Scalar.self,
                                                    generator: &generator)
        } catch {
            throw TrainingError.numerical(method: method, step: "kernel width", reason: "\(error)")
        }
        mean = centred ? mapped.columnMeans() : [Scalar](repeating: 0, count: mapped.columns)
        if centred { mapped.centre(by: mean) }
        values = mapped
    }
}
