import Foundation
import HashCore
import Linalg
@testable import Methods
import Testing

/// ASZH's steps against independent computations: explicit N × N similarity,
/// brute force over sign vectors, the closed-form Procrustes optimum.
@Suite struct ASZHStepTests {
    static func labels(_ count: Int, classes: Int, generator: inout SeededGenerator) -> Matrix<Float> {
        var labels = Matrix<Float>(rows: count, columns: classes, repeating: 0)
        for item in 0..<count {
            labels[item, item % classes] = 1
            if generator.uniform() < 0.3 { labels[item, generator.integer(below: classes)] = 1 }
        }
        return labels
    }

    static func explicitSimilarity(_ labels: Matrix<Float>, same: Double, different: Double) -> Matrix<Double> {
        let shared = Matrix.product(labels, labels, transposeB: true)
        return shared.map { different + (same - different) * Double($0) }
    }

    @Test func similarityTermMatchesExplicitMatrix() throws {
        var generator = SeededGenerator(seed: 8)
        let labels = Self.labels(30, classes: 4, generator: &generator)
        let problem = ASZHProblem(phi: generator.normalMatrix(rows: 30, columns: 5), labels: labels,
                                  ratio: .values(same: 3, different: -2), bits: 6,
                                  lambda: 1, alpha: 1, beta: 1, gamma: 1, mu: 1)
        let codes = SignMatrix.signs(generator.normalMatrix(rows: 30, columns: 6, as: Float.self))
        let relaxed = generator.normalMatrix(rows: 30, columns: 6, as: Float.self)
        let s = Self.explicitSimilarity(labels, same: 3, different: -2)
        let product = Matrix.product(codes.map { Double($0) }, relaxed.map { Double($0) }, transposeB: true)
        let expected = zip(s.elements, product.elements).reduce(0.0) { $0 + (6 * $1.0 - $1.1) * (6 * $1.0 - $1.1) }
        let found = problem.similarityTerm(codes: codes, relaxed: relaxed)
        #expect(abs(found - expected) < 1e-5 * expected)
        #expect(abs(problem.similarityNorm - s.elements.reduce(0) { $0 + $1 * $1 }) < 1e-6)
    }

    @Test func zStepIsFeasibleAndOptimal() throws {
        var generator = SeededGenerator(seed: 9)
        for centred in [true, false] {
            let c = generator.normalMatrix(rows: 40, columns: 5, as: Float.self)
            let (z, rank) = try OrthogonalZStep.solve(c.map(Double.init), centred: centred, generator: &generator)
            #expect(rank == 5)
            Self.expectFeasible(z, centred: centred)
            // max tr(ZᵀC) over the set = √N·‖JC‖_* (nuclear norm of the centred C).
            let target = centred ? c.centred(by: c.columnMeans()) : c
            let nuclear = try target.map { Double($0) }.singularValueDecomposition().singularValues.reduce(0, +)
            let value = zip(z.elements, c.elements).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            #expect(abs(value - 40.0.squareRoot() * nuclear) < 1e-4 * value)
        }
    }

    @Test func zStepCompletesRankDeficientTargets() throws {
        var generator = SeededGenerator(seed: 10)
        let c = Matrix.product(generator.normalMatrix(rows: 40, columns: 2, as: Double.self),
                               generator.normalMatrix(rows: 2, columns: 6, as: Double.self))
        let (z, rank) = try OrthogonalZStep.solve(c, centred: true, generator: &generator)
        #expect(rank == 2)
        Self.expectFeasible(z, centred: true)
    }

    static func expectFeasible(_ z: Matrix<Float>, centred: Bool) {
        let gram = z.transposedProduct()
        let count = Float(z.rows)
        for row in 0..<z.columns {
            for column in 0..<z.columns {
                #expect(abs(gram[row, column] - (row == column ? count : 0)) < 1e-3 * count)
            }
        }
        if centred {
            for sum in z.columnSums() { #expect(abs(sum) < 1e-3 * count) }
        }
    }

    @Test func balancedSignStepMatchesBruteForce() {
        var generator = SeededGenerator(seed: 12)
        let q = generator.normalMatrix(rows: 10, columns: 3, as: Float.self)
        for rho in [0.0, 0.3, 2.0] {
            let codes = BalancedSignStep.solve(q, rho: rho)
            for bit in 0..<3 {
                func cost(_ b: [Float]) -> Double {
                    let linear = zip(b, q.column(bit)).reduce(0.0) { $0 + Double($1.0 * $1.1) }
                    let sum = Double(b.reduce(0, +))
                    return -2 * linear + rho * sum * sum
                }
                let best = (0..<1024).map { mask in (0..<10).map { mask >> $0 & 1 == 1 ? Float(1) : -1 } }
                    .map(cost).min()!
                #expect(abs(cost(codes.column(bit)) - best) < 1e-9, "rho \(rho), bit \(bit)")
            }
        }
    }

    @Test func discreteDescentEndsWhereNoSingleFlipHelps() {
        var generator = SeededGenerator(seed: 13)
        let count = 24, bits = 5
        let labels = Self.labels(count, classes: 3, generator: &generator)
        let (same, different) = (2.0, -3.0)
        let q = generator.normalMatrix(rows: count, columns: bits, as: Float.self) * 3
        var codes = SignMatrix.signs(generator.normalMatrix(rows: count, columns: bits, as: Float.self))
        let s = Self.explicitSimilarity(labels, same: same, different: different)
        // f(B) = ‖K·S − BBᵀ‖² − 2⟨B, q⟩, with the explicit N × N S.
        func objective(_ b: Matrix<Float>) -> Double {
            let bb = Matrix.product(b, b, transposeB: true)
            let fit = zip(s.elements, bb.elements).reduce(0.0) { $0 + pow(Double(bits) * $1.0 - Double($1.1), 2) }
            return fit - 2 * zip(b.elements, q.elements).reduce(0.0) { $0 + Double($1.0 * $1.1) }
        }
        let before = objective(codes)
        let flips = DiscreteBitDescent.descend(&codes, linear: q, labels: labels, same: same, different: different,
                                               passes: 50)
        let after = objective(codes)
        #expect(flips > 0)
        #expect(after < before)
        for index in codes.elements.indices {
            var flipped = codes
            flipped.elements[index] *= -1
            #expect(objective(flipped) >= after - 1e-6 * abs(after), "flipping entry \(index) still helps")
        }
    }

    /// Regression (issue 16's probe): `--training 2` trapped in the Z-step's orthonormal
    /// completion; fewer items than bits + 1 is now a training error.
    @Test func tooFewTrainingItemsForTheBitsAreAnError() throws {
        let fixture = ClusteredFixture(training: 16, queries: 4)
        let (method, _) = try MethodRegistry.make("aszh", parameters: ["anchors": "8"])
        var generator = SeededGenerator(seed: 1)
        #expect(throws: TrainingError.tooFewItems(method: "aszh", found: 16, needed: 17)) {
            try method.train(fixture.training, bits: 16, generator: &generator)
        }
        _ = try method.train(fixture.training, bits: 15, generator: &generator)
    }
}
