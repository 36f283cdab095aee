/// The count, mean and spread of a sample of values, e.g. one metric over seeds.
public struct SampleSummary: Hashable, Sendable {
    /// The number of values, n.
    public var count: Int
    /// The arithmetic mean x̄ = Σxᵢ / n; nil when n = 0.
    public var mean: Double?
    /// The sample standard deviation s = √(Σ(xᵢ − x̄)² / (n − 1)); nil when n < 2.
    public var standardDeviation: Double?

    public init<Values: Collection>(_ values: Values) where Values.Element == Double {
        count = values.count
        guard count > 0 else { return }
        let mean = values.reduce(0, +) / Double(count)
        self.mean = mean
        guard count > 1 else { return }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        standardDeviation = (squares / Double(count - 1)).squareRoot()
    }

    /// The standard error of the mean, s/√n; nil when n < 2.
    public var standardError: Double? {
        standardDeviation.map { $0 / Double(count).squareRoot() }
    }
}
