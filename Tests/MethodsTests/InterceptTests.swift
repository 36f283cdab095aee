import HashCore
import Linalg
@testable import Methods
import Testing

/// Regression onto codes keeps its intercept (``RidgeRegression``, ``KernelHasher``).
@Suite struct InterceptTests {
    /// θ = (AᵀA + D)⁻¹Aᵀt for A = [X 1] and D = diag(δ, …, δ, 0), in Double by Gaussian
    /// elimination: the ridge fit with an unpenalised intercept, worked independently.
    static func augmentedSolution(features: Matrix<Float>, target: [Float], ridge: Double) -> [Double] {
        let size = features.columns + 1
        func a(_ row: Int, _ column: Int) -> Double { column < features.columns ? Double(features[row, column]) : 1 }
        var system = [[Double]](repeating: [Double](repeating: 0, count: size + 1), count: size)
        for i in 0..<size {
            for j in 0..<size {
                system[i][j] = (0..<features.rows).reduce(0.0) { $0 + a($1, i) * a($1, j) }
            }
            if i < features.columns { system[i][i] += ridge }
            system[i][size] = (0..<features.rows).reduce(0.0) { $0 + a($1, i) * Double(target[$1]) }
        }
        for pivot in 0..<size {
            for row in (pivot + 1)..<size {
                let factor = system[row][pivot] / system[pivot][pivot]
                for column in pivot...size { system[row][column] -= factor * system[pivot][column] }
            }
        }
        var solution = [Double](repeating: 0, count: size)
        for row in (0..<size).reversed() {
            let known = ((row + 1)..<size).reduce(0.0) { $0 + system[row][$1] * solution[$1] }
            solution[row] = (system[row][size] - known) / system[row][row]
        }
        return solution
    }

    @Test func ridgeRegressionFitsTheInterceptOfTargetsWithANonZeroMean() throws {
        var generator = SeededGenerator(seed: 21, component: "intercept")
        // Features with non-zero means, targets with means 3 and −0.6.
        var features = generator.normalMatrix(rows: 60, columns: 4, as: Float.self)
        for row in 0..<60 { features[row, 1] += 2 }
        var targets = Matrix<Float>.zeros(rows: 60, columns: 2)
        for row in 0..<60 {
            let noise = Float(0.1 * generator.normal())
            targets[row, 0] = 3 + features[row, 0] - 0.5 * features[row, 2] + noise
            targets[row, 1] = row % 5 == 0 ? 1 : -1
        }
        let fit = try RidgeRegression(features: features, ridge: 0.5).solve(targets, method: "test")
        let predicted = fit.apply(features)
        for column in 0..<2 {
            let target = targets.column(column)
            let expected = Self.augmentedSolution(features: features, target: target, ridge: 0.5)
            for row in 0..<4 { #expect(abs(Double(fit.projection[row, column]) - expected[row]) < 1e-4) }
            #expect(abs(Double(fit.offset[column]) - expected[4]) < 1e-4)
            let meanPrediction = predicted.column(column).reduce(0.0) { $0 + Double($1) } / 60
            let meanTarget = target.reduce(0.0) { $0 + Double($1) } / 60
            #expect(abs(meanPrediction - meanTarget) < 1e-5, "column \(column): \(meanPrediction) vs \(meanTarget)")
        }
    }

    /// Multi-label items (40% carry a second class): learned bits are far from balanced.
    static let fixture = ClusteredFixture(seed: 4, classes: 6, dimension: 24, training: 360, queries: 10,
                                          multiLabel: true)

    static func bitMeans(_ codes: BinaryCodes) -> [Double] {
        let signs = codes.signs(as: Double.self)
        return (0..<signs.columns).map { bit in signs.column(bit).reduce(0, +) / Double(signs.rows) }
    }

    /// Every registered kernel method with learned training codes: the codes its hash
    /// functions give the training items have the learned codes' bit means: the mean
    /// gap over the bits is under 0.1 and under 0.6 × the learned codes' mean |bit mean|
    /// (without the intercept every predicted bit has mean zero and the gap is about
    /// that imbalance). Measured at 16 bits for SDH, CNNH and ASZH: gap 0.075, 0.035,
    /// 0.074 against imbalance 0.33, 0.087, 0.17; without the intercept 0.24, 0.065, 0.14.
    /// Single-modal methods only (DLFH's regressions: ``DLFHTests``).
    @Test(arguments: MethodRegistry.methods.map { $0.name })
    func encodedTrainingItemsKeepTheLearnedBitMeans(method: String) throws {
        let type = try MethodRegistry.method(named: method)
        guard type.modalityNeeds == .one else { return }
        let parameters = type.parameters.contains { $0.name == "anchors" } ? ["anchors": "100"] : [:]
        let hasher = try Self.fixture.train(method, bits: 16, seed: 2, parameters)
        guard hasher is KernelHasher<Float> || hasher is KernelHasher<Double>, let learned = hasher.trainingCodes else { return }
        let encoded = try hasher.encode(Self.fixture.training.primary, modality: "features")
        let learnedMeans = Self.bitMeans(learned)
        let encodedMeans = Self.bitMeans(encoded)
        let gap = zip(learnedMeans, encodedMeans).map { abs($0 - $1) }.reduce(0, +) / Double(learnedMeans.count)
        let imbalance = learnedMeans.map(abs).reduce(0, +) / Double(learnedMeans.count)
        #expect(gap < min(0.1, 0.6 * imbalance), "\(method): mean |bit mean gap| \(gap), learned imbalance \(imbalance)")
    }
}
