import Linalg

/// The largest absolute elementwise difference, in `Double`.
func maximumDifference<T: BLASScalar>(_ a: Matrix<T>, _ b: Matrix<T>) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns, "shapes differ")
    return zip(a.elements, b.elements).map { abs(Double($0) - Double($1)) }.max() ?? 0
}

/// The largest absolute elementwise difference of two arrays, in `Double`.
func maximumDifference<T: BinaryFloatingPoint>(_ a: [T], _ b: [T]) -> Double {
    precondition(a.count == b.count, "lengths differ")
    return zip(a, b).map { abs(Double($0) - Double($1)) }.max() ?? 0
}

/// `op(A)·op(B)` by the textbook triple loop in `Double`: the independent reference for
/// the BLAS products.
func referenceProduct<T: BLASScalar>(
    _ a: Matrix<T>, _ b: Matrix<T>, transposeA: Bool, transposeB: Bool
) -> Matrix<Double> {
    let left = transposeA ? a.transposed() : a
    let right = transposeB ? b.transposed() : b
    precondition(left.columns == right.rows, "inner dimensions differ")
    var result = Matrix<Double>.zeros(rows: left.rows, columns: right.columns)
    for row in 0..<left.rows {
        for column in 0..<right.columns {
            var sum = 0.0
            for inner in 0..<left.columns {
                sum += Double(left[row, inner]) * Double(right[inner, column])
            }
            result[row, column] = sum
        }
    }
    return result
}

/// `‖QᵀQ − I‖_max`.
func orthonormalityError<T: BLASScalar>(_ q: Matrix<T>) -> Double {
    maximumDifference(q.transposedProduct(), Matrix<T>.identity(q.columns))
}

/// Multiplies column `j` by `scales[j]`.
func scalingColumns<T: BLASScalar>(_ matrix: Matrix<T>, by scales: [T]) -> Matrix<T> {
    var result = matrix
    for row in 0..<matrix.rows {
        for column in 0..<matrix.columns {
            result[row, column] *= scales[column]
        }
    }
    return result
}
