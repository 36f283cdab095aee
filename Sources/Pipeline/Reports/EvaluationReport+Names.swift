extension EvaluationReport {
    /// The metrics under the names specs and reports use: `map` (tie-aware),
    /// `map_index_order`, `map@K`, `precision@K`, `recall@K` (tie-aware) for each
    /// cutoff, and `precision@r2` (precision within Hamming radius 2).
    public var namedValues: [String: Double] {
        var values = ["map": map.tieAware, "map_index_order": map.indexOrder, "precision@r2": precisionWithinRadius2]
        for cutoff in atCutoffs {
            values["map@\(cutoff.cutoff)"] = cutoff.map.tieAware
            values["precision@\(cutoff.cutoff)"] = cutoff.precision.tieAware
            values["recall@\(cutoff.cutoff)"] = cutoff.recall.tieAware
        }
        return values
    }
}

extension EvaluationReport {
    /// Every name ``namedValues`` holds for a report with these cutoffs.
    public static func metricNames(cutoffs: [Int]) -> [String] {
        ["map", "map_index_order"] + cutoffs.flatMap { ["map@\($0)", "precision@\($0)", "recall@\($0)"] }
            + ["precision@r2"]
    }
}
