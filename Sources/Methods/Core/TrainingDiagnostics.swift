/// What training recorded, so convergence can be seen and runs traced: per iteration
/// the objective and the number of code bits that changed, and named phase times.
public struct TrainingDiagnostics: Codable, Equatable, Sendable {
    /// One iteration of an alternating or iterative method.
    public struct Iteration: Codable, Equatable, Sendable {
        /// The objective after the iteration (method-specific; lower is better).
        public var objective: Double
        /// How many entries of B changed sign in the iteration.
        public var bitsChanged: Int

        public init(objective: Double, bitsChanged: Int) {
            self.objective = objective
            self.bitsChanged = bitsChanged
        }
    }

    public var iterations: [Iteration]
    /// Phase name → seconds (e.g. `kernel`, `iterations`).
    public var phaseSeconds: [String: Double]
    /// Free-form facts a reader needs (e.g. `z_rank`, `sigma`).
    public var notes: [String: String]

    public init(iterations: [Iteration] = [], phaseSeconds: [String: Double] = [:], notes: [String: String] = [:]) {
        self.iterations = iterations
        self.phaseSeconds = phaseSeconds
        self.notes = notes
    }
}
