import Foundation
import Linalg

/// Gaussian (RBF) kernel features on anchors: φ(x)_j = exp(−‖x − a_j‖² / 2σ²) for m
/// anchors a_j, a seeded sample of training items. The squared distances come from
/// one GEMM (``Matrix/pairwiseSquaredDistances(_:_:)``), so mapping N items costs
/// about one N × D × m product. The same map encodes training items and queries.
///
/// σ defaults to the mean Euclidean distance between the training items and the
/// anchors (as in SDH's code), so the kernel's width follows the data's scale.
public struct RBFKernelMap: Sendable {
    /// The anchors (m × D).
    public let anchors: Matrix<Float>
    /// The kernel width σ.
    public let sigma: Float

    /// Anchors given explicitly.
    public init(anchors: Matrix<Float>, sigma: Float) {
        self.anchors = anchors
        self.sigma = sigma
    }

    /// Samples `anchorCount` anchors from `training` (all rows when there are fewer)
    /// with `generator`, and sets σ to `sigma` or, when `nil`, to the mean distance
    /// from the training items to the anchors.
    ///
    /// - Throws: ``KernelError/tooFewItems(count:)`` when σ is to be set from fewer
    ///   than two items; ``KernelError/degenerateWidth`` when every item coincides with
    ///   every anchor (σ would be 0).
    public init(training: Matrix<Float>, anchorCount: Int, sigma: Float? = nil,
                generator: inout SeededGenerator) throws {
        self = try Self.fitted(training: training, anchorCount: anchorCount, sigma: sigma, generator: &generator).map
    }

    /// The map of ``init(training:anchorCount:sigma:generator:)`` together with φ of the
    /// training items in `precision`, from a single distance GEMM: the squared distances
    /// give σ (when not given; rounded to the map's `Float`, so that training and encoding
    /// use one width) and are then turned into kernel values in place.
    ///
    /// - Throws: ``KernelError/tooFewItems(count:)``, ``KernelError/degenerateWidth``.
    public static func fitted<Scalar: KernelScalar>(
        training: Matrix<Float>, anchorCount: Int, sigma: Float? = nil, precision: Scalar.Type = Float.self,
        generator: inout SeededGenerator
    ) throws -> (map: RBFKernelMap, features: Matrix<Scalar>) {
        guard sigma != nil || training.rows >= 2 else { throw KernelError.tooFewItems(count: training.rows) }
        let count = min(anchorCount, training.rows)
        let chosen = generator.sample(count, from: training.rows).sorted()
        let anchors = training.selectingRows(chosen)
        var values = Matrix.pairwiseSquaredDistances(training.map(Scalar.init), anchors.map(Scalar.init))
        let width = sigma ?? Float(meanDistance(values))
        guard width > 0, width.isFinite else { throw KernelError.degenerateWidth }
        exponentiate(&values, sigma: Scalar(width))
        return (RBFKernelMap(anchors: anchors, sigma: width), values)
    }

    /// φ(X) for the rows of `features` (N × D) → N × m, computed in `precision`.
    public func map<Scalar: KernelScalar>(_ features: Matrix<Float>, precision: Scalar.Type = Float.self)
        -> Matrix<Scalar> {
        precondition(features.columns == anchors.columns,
                     "RBFKernelMap: features have \(features.columns) columns, anchors \(anchors.columns)")
        var result = Matrix.pairwiseSquaredDistances(features.map(Scalar.init), anchors.map(Scalar.init))
        Self.exponentiate(&result, sigma: Scalar(sigma))
        return result
    }

    /// exp(−d / 2σ²) in place, for squared distances d, in parallel row blocks.
    private static func exponentiate<Scalar: KernelScalar>(_ distances: inout Matrix<Scalar>, sigma: Scalar) {
        let scale = -1 / (2 * sigma * sigma)
        let columns = distances.columns
        distances.elements.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            ParallelRows.forEachBlock(distances.rows) { _, rows in
                for index in (rows.lowerBound * columns)..<(rows.upperBound * columns) {
                    output[index] = Scalar.exponential(output[index] * scale)
                }
            }
        }
    }

    /// The mean of √d over squared distances d, summed per row block in parallel and
    /// the blocks in order (the same result on any number of cores).
    private static func meanDistance<Scalar: KernelScalar>(_ distances: Matrix<Scalar>) -> Double {
        let columns = distances.columns
        var partial = [Double](repeating: 0, count: ParallelRows.blockCount(distances.rows))
        partial.withUnsafeMutableBufferPointer { sums in
            nonisolated(unsafe) let sums = sums
            distances.elements.withUnsafeBufferPointer { values in
                ParallelRows.forEachBlock(distances.rows) { block, rows in
                    var sum = 0.0
                    for index in (rows.lowerBound * columns)..<(rows.upperBound * columns) {
                        sum += Double(values[index].squareRoot())
                    }
                    sums[block] = sum
                }
            }
        }
        return partial.reduce(0, +) / Double(max(1, distances.elements.count))
    }
}
