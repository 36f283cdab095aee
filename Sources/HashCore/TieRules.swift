/// One metric under both rules for ordering items at equal Hamming distance.
///
/// - `indexOrder`: ties broken by database index, as a stable sort (MATLAB's `sort`)
///   gives. Reproduces MATLAB-era evaluation code, but with short codes it depends
///   on how the database happens to be ordered.
/// - `tieAware`: the expected value over a uniformly random order within each group
///   of equal distance (McSherry & Najork, ECIR 2008). Independent of database
///   order; the default for hashlab's tables.
public struct TieRules<Value: Sendable>: Sendable {
    /// The value with ties broken by database index.
    public var indexOrder: Value
    /// The expected value over random orders within ties.
    public var tieAware: Value

    public init(indexOrder: Value, tieAware: Value) {
        self.indexOrder = indexOrder
        self.tieAware = tieAware
    }
}

extension TieRules: Equatable where Value: Equatable {}
extension TieRules: Codable where Value: Codable {}
