/// The number of elements MATLAB dimensions declare, guarded against what a malformed
/// file can declare: negative dimensions, products that overflow, and sparse arrays
/// whose dense form would not fit in memory.
enum MATElementCount {
    /// The most elements a sparse array is expanded to (2³¹: 16 GiB as `Double`).
    static let maximumDense = 1 << 31

    /// The product of `dimensions`, or `nil` when one is negative or the product
    /// overflows `Int`.
    static func of(_ dimensions: [Int]) -> Int? {
        var count = 1
        for dimension in dimensions {
            guard dimension >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return nil }
            count = product
        }
        return count
    }

    /// The dense element count of a sparse array of `dimensions`.
    ///
    /// - Throws: ``MATFileError/tooLarge(file:variable:dimensions:limit:)`` when the
    ///   count overflows or exceeds ``maximumDense``.
    static func dense(_ dimensions: [Int], file: String, variable: String) throws -> Int {
        guard let count = of(dimensions), count <= maximumDense else {
            throw MATFileError.tooLarge(file: file, variable: variable, dimensions: dimensions, limit: maximumDense)
        }
        return count
    }
}
