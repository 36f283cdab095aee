import Linalg

/// x ↦ x·P + c: a projection P (m × K) and an intercept c (one value per output
/// column), what a regression with an intercept learns, in the precision it was
/// learned in.
public struct AffineProjection<Scalar: BLASScalar>: Sendable, Equatable {
    public let projection: Matrix<Scalar>
    public let offset: [Scalar]

    public init(projection: Matrix<Scalar>, offset: [Scalar]) {
        precondition(offset.count == projection.columns,
                     "AffineProjection: \(offset.count) offsets for \(projection.columns) columns")
        self.projection = projection
        self.offset = offset
    }

    /// A projection without intercept (c = 0).
    public init(projection: Matrix<Scalar>) {
        self.init(projection: projection, offset: [Scalar](repeating: 0, count: projection.columns))
    }

    /// X·P + 1cᵀ for the rows of `features`.
    public func apply(_ features: Matrix<Scalar>) -> Matrix<Scalar> {
        var result = Matrix.product(features, projection)
        let columns = result.columns
        result.elements.withUnsafeMutableBufferPointer { values in
            for row in 0..<result.rows {
                for column in 0..<columns { values[row * columns + column] += offset[column] }
            }
        }
        return result
    }
}
