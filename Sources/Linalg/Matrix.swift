/// A dense matrix stored row-major in one contiguous array.
///
/// Element `(row, column)` lives at `elements[row * columns + column]`. The type is
/// generic so that the same container holds features (`Float`), small dense solves
/// (`Double`) and integer tables read from files (`UInt8`, `Int32`); the BLAS and
/// LAPACK operations are extensions where `Scalar: BLASScalar`.
public struct Matrix<Scalar> {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The row-major elements; `elements.count == rows * columns`.
    public var elements: [Scalar]

    /// Wraps row-major elements. The count must equal `rows * columns`.
    public init(rows: Int, columns: Int, elements: [Scalar]) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        precondition(elements.count == rows * columns,
                     "\(elements.count) elements cannot fill a \(rows) × \(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Scalar) {
        self.init(rows: rows, columns: columns,
                  elements: [Scalar](repeating: value, count: rows * columns))
    }

    /// Builds a matrix from nested rows, which must all have the same length.
    public init(_ nestedRows: [[Scalar]]) {
        let columns = nestedRows.first?.count ?? 0
        precondition(nestedRows.allSatisfy { $0.count == columns }, "rows differ in length")
        self.init(rows: nestedRows.count, columns: columns, elements: nestedRows.flatMap { $0 })
    }

    /// `(rows, columns)`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// The element at `(row, column)`.
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// The elements of one row.
    public func row(_ index: Int) -> ArraySlice<Scalar> {
        elements[(index * columns)..<((index + 1) * columns)]
    }

    /// The elements of one column, copied.
    public func column(_ index: Int) -> [Scalar] {
        (0..<rows).map { elements[$0 * columns + index] }
    }

    /// A new matrix made of the given rows, in the given order.
    public func selectingRows<Indices: Sequence>(_ indices: Indices) -> Matrix
    where Indices.Element == Int {
        var selected: [Scalar] = []
        var count = 0
        for index in indices {
            selected.append(contentsOf: row(index))
            count += 1
        }
        return Matrix(rows: count, columns: columns, elements: selected)
    }

    /// This matrix's rows followed by `other`'s (same column count).
    public func appendingRows(_ other: Matrix) -> Matrix {
        precondition(other.columns == columns, "cannot stack \(other.columns) columns under \(columns)")
        return Matrix(rows: rows + other.rows, columns: columns, elements: elements + other.elements)
    }

    /// The transpose, copied.
    public func transposed() -> Matrix {
        var result = [Scalar]()
        result.reserveCapacity(elements.count)
        for column in 0..<columns {
            for row in 0..<rows {
                result.append(elements[row * columns + column])
            }
        }
        return Matrix(rows: columns, columns: rows, elements: result)
    }

    /// Applies `transform` to every element.
    @inlinable
    public func map<Result>(_ transform: (Scalar) throws -> Result) rethrows -> Matrix<Result> {
        Matrix<Result>(rows: rows, columns: columns, elements: try elements.map(transform))
    }
}

extension Matrix: Equatable where Scalar: Equatable {}
extension Matrix: Hashable where Scalar: Hashable {}
extension Matrix: Sendable where Scalar: Sendable {}

extension Matrix where Scalar: Numeric {
    /// The all-zero matrix.
    public static func zeros(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, repeating: 0)
    }

    /// The `size × size` identity.
    public static func identity(_ size: Int) -> Matrix {
        var result = Matrix.zeros(rows: size, columns: size)
        for index in 0..<size { result[index, index] = 1 }
        return result
    }
}
