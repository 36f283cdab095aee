extension Matrix where Scalar: BLASScalar {
    /// The mean of each column, `μ = (1/n)·Aᵀ1` for `n` rows, as one `?gemm` of the
    /// all-ones row vector with `A`.
    ///
    /// Sums accumulate in `Scalar` inside the BLAS kernel; with `Float` and many rows
    /// the relative error grows roughly like `√n·ε` in practice (`n·ε` at worst).
    public func columnMeans() -> [Scalar] {
        precondition(rows > 0, "columnMeans of a matrix with no rows is undefined")
        let ones = Matrix(rows: 1, columns: rows, repeating: 1)
        return Matrix.product(ones, self, alpha: 1 / Scalar(rows)).elements
    }

    /// The sum of each column, `Aᵀ1`, as one `?gemm` of the all-ones row vector with
    /// `A`; zeros for a matrix with no rows.
    public func columnSums() -> [Scalar] {
        guard rows > 0 else { return [Scalar](repeating: 0, count: columns) }
        let ones = Matrix(rows: 1, columns: rows, repeating: 1)
        return Matrix.product(ones, self).elements
    }

    /// `A − 1μᵀ`: subtracts `means[j]` from every element of column `j`.
    ///
    /// With `means = columnMeans()` the result has columns that sum to zero up to
    /// rounding; passing the training set's means centres other data consistently.
    @inlinable
    public func centred(by means: [Scalar]) -> Matrix {
        precondition(means.count == columns,
                     "centred(by:) got \(means.count) means for \(columns) columns")
        var result = self
        result.elements.withUnsafeMutableBufferPointer { buffer in
            means.withUnsafeBufferPointer { meanBuffer in
                for row in 0..<rows {
                    let start = row * columns
                    for column in 0..<columns {
                        buffer[start + column] -= meanBuffer[column]
                    }
                }
            }
        }
        return result
    }

    /// Subtracts `means[j]` from every element of column `j` in place, in parallel row
    /// blocks: ``centred(by:)`` without the copy.
    public mutating func centre(by means: [Scalar]) {
        precondition(means.count == columns,
                     "centre(by:) got \(means.count) means for \(columns) columns")
        let columns = self.columns
        elements.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            ParallelRows.forEachBlock(rows) { _, rows in
                for row in rows {
                    for column in 0..<columns { output[row * columns + column] -= means[column] }
                }
            }
        }
    }

    /// `‖aᵢ‖² = Σⱼ aᵢⱼ²` for every row `i`, accumulated in `Scalar`.
    @inlinable
    public func rowSquaredNorms() -> [Scalar] {
        elements.withUnsafeBufferPointer { buffer in
            (0..<rows).map { row in
                var sum: Scalar = 0
                let start = row * columns
                for index in start..<(start + columns) {
                    sum += buffer[index] * buffer[index]
                }
                return sum
            }
        }
    }

    /// `‖aᵢ‖` for every row `i`: the square roots of `rowSquaredNorms()`, so rows with
    /// entries beyond the square root of the largest finite value overflow to infinity.
    @inlinable
    public func rowNorms() -> [Scalar] {
        rowSquaredNorms().map { $0.squareRoot() }
    }
}
