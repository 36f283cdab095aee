extension Matrix where Scalar: BLASScalar {
    /// Elementwise sum; the shapes must match.
    @inlinable
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns,
                     "cannot add a \(lhs.rows) × \(lhs.columns) and a "
                         + "\(rhs.rows) × \(rhs.columns) matrix")
        var result = lhs
        result.elements.withUnsafeMutableBufferPointer { buffer in
            rhs.elements.withUnsafeBufferPointer { other in
                for index in buffer.indices { buffer[index] += other[index] }
            }
        }
        return result
    }

    /// Elementwise difference; the shapes must match.
    @inlinable
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns,
                     "cannot subtract a \(rhs.rows) × \(rhs.columns) matrix from a "
                         + "\(lhs.rows) × \(lhs.columns) matrix")
        var result = lhs
        result.elements.withUnsafeMutableBufferPointer { buffer in
            rhs.elements.withUnsafeBufferPointer { other in
                for index in buffer.indices { buffer[index] -= other[index] }
            }
        }
        return result
    }

    /// Every element multiplied by `scalar`.
    @inlinable
    public static func * (matrix: Matrix, scalar: Scalar) -> Matrix {
        matrix.scaled(by: scalar)
    }

    /// Every element multiplied by `scalar`.
    @inlinable
    public static func * (scalar: Scalar, matrix: Matrix) -> Matrix {
        matrix.scaled(by: scalar)
    }

    /// Every element multiplied by `factor`.
    @inlinable
    public func scaled(by factor: Scalar) -> Matrix {
        var result = self
        result.elements.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] *= factor }
        }
        return result
    }

    /// `‖A‖_F = √(Σᵢⱼ aᵢⱼ²)`, with the squares summed in `Double` (so a `Float` matrix
    /// cannot overflow and loses little accuracy however large it is) and the root
    /// rounded back to `Scalar`.
    @inlinable
    public func frobeniusNorm() -> Scalar {
        var sum: Double = 0
        for element in elements {
            let value = Double(element)
            sum += value * value
        }
        return Scalar(sum.squareRoot())
    }
}
