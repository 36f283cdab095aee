import Foundation
import HashCore
import Linalg
@testable import Methods
import Testing

/// KSH's residual operator and its refinement against direct computations in Double:
/// the operator against the formed l × l matrix K·S₀ − Σ b·bᵀ, and the refinement,
/// carried in whitened coordinates w = M^{1/2}a, against the authors' Nesterov
/// iteration written directly in a on a small well-conditioned problem.
@Suite struct KSHRefinementTests {
    static let (count, anchors, classes, bits) = (60, 8, 3, 4)

    static func problem() -> (labels: Matrix<Float>, features: Matrix<Double>) {
        var generator = SeededGenerator(seed: 21, component: "ksh-refinement")
        let labels = Matrix<Float>(rows: count, columns: classes,
                                   elements: (0..<(count * classes)).map { $0 % classes == ($0 / classes) % classes ? 1 : 0 })
        var features = generator.normalMatrix(rows: count, columns: anchors, as: Double.self)
        for item in 0..<count { features[item, item % anchors] += 1.5 * Double(item % classes) }
        features.centre(by: features.columnMeans())
        return (labels, features)
    }

    @Test func residualOperatorMatchesTheFormedMatrix() {
        let (labels, _) = Self.problem()
        var generator = SeededGenerator(seed: 22)
        let similarity = LabelSimilarity(labels: labels, ratio: SimilarityRatio("2/-1")!)
        var residual = KSHResidual(similarity: similarity, bits: Self.bits)
        var formed = Matrix<Double>(rows: Self.count, columns: Self.count, elements: (0..<(Self.count * Self.count)).map {
            Double(Self.bits) * (($0 / Self.count) % Self.classes == ($0 % Self.count) % Self.classes ? 2 : -1)
        })
        for _ in 0..<3 {
            let b = SignMatrix.signs(generator.normalMatrix(rows: Self.count, columns: 1, as: Double.self))
            residual.subtract(b)
            formed = formed - Matrix.product(b, b, transposeB: true)
            let x = generator.normalMatrix(rows: Self.count, columns: 2, as: Double.self)
            let direct = Matrix.product(formed, x)
            #expect(zip(residual.apply(x).elements, direct.elements).allSatisfy { abs($0 - $1) < 1e-10 })
            let norm = formed.elements.reduce(0.0) { $0 + $1 * $1 }
            #expect(abs(residual.squaredNorm - norm) < 1e-9 * norm)
        }
    }

    /// The authors' OptProjectionFast in a: v = a₁ + (δ_t − 1)/δ_{t+1}·(a₁ − a₀), z = v + ∇f(v)/L
    /// with L doubled until f(z) ≥ f(v) + ‖∇f‖²/2L, stopping when f moves by ≤ 0.01·l.
    static func refineInA(_ start: Matrix<Double>, features: Matrix<Double>, residual: Matrix<Double>,
                          steps: Int) -> Matrix<Double> {
        func value(_ a: Matrix<Double>) -> (Double, Matrix<Double>) {
            let phi = Matrix.product(features, a).map { 2 / (1 + exp(-$0)) - 1 }
            let rPhi = Matrix.product(residual, phi)
            let weights = Matrix(rows: rPhi.rows, columns: 1,
                                 elements: zip(rPhi.elements, phi.elements).map { $0 * (1 - $1 * $1) })
            let gradient = Matrix.product(features, weights, transposeA: true)
            return (zip(phi.elements, rPhi.elements).reduce(0.0) { $0 + $1.0 * $1.1 }, gradient)
        }
        var (a0, a1) = (start, start)
        var last = value(start).0
        var delta = [0.0, 1.0]
        var lipschitz = 1.0
        for t in 0..<steps {
            let v = a1 + (a1 - a0) * ((delta[t] - 1) / delta[t + 1])
            let (fv, gradient) = value(v)
            let squared = gradient.elements.reduce(0.0) { $0 + $1 * $1 }
            var next: (Matrix<Double>, Double)?
            for j in 0...50 {
                let bound = lipschitz * pow(2, Double(j))
                let z = v + gradient * (1 / bound)
                let fz = value(z).0
                if fz >= fv + squared / (2 * bound) {
                    lipschitz = bound
                    next = (z, fz)
                    break
                }
            }
            guard let (z, fz) = next else { break }
            (a0, a1) = (a1, z)
            delta.append((1 + (1 + 4 * delta[t + 1] * delta[t + 1]).squareRoot()) / 2)
            if abs(fz - last) / Double(features.rows) <= 1e-2 { break }
            last = fz
        }
        return a1
    }

    @Test(arguments: [3, 20, 100])
    func refinementInWhitenedCoordinatesFollowsThePathInA(steps: Int) throws {
        let (labels, features) = Self.problem()
        let similarity = LabelSimilarity(labels: labels, ratio: SimilarityRatio("1/-1")!)
        let residual = KSHResidual(similarity: similarity, bits: Self.bits)
        let formed = residual.apply(Matrix<Double>.identity(Self.count))
        let (whitening, root) = try KSH.squareRoots(of: features.transposedProduct())
        let whitened = Matrix.product(features, whitening)
        let start = try KSH.spectralDirection(whitened: whitened, residual: residual)
        let w = KSH.refine(start, whitened: whitened, features: features, root: root, residual: residual, steps: steps)
        let a = Matrix.product(whitening, w)
        let a0 = Matrix.product(whitening, start)
        let reference = Self.refineInA(a0, features: features, residual: formed, steps: steps)
        let scale = reference.elements.map(abs).max()!
        #expect(zip(a.elements, reference.elements).allSatisfy { abs($0 - $1) <= 1e-8 * scale },
                "\(steps) steps: max |Δa| \(zip(a.elements, reference.elements).map { abs($0 - $1) }.max()!) of \(scale)")
        #expect(zip(a.elements, a0.elements).contains { abs($0 - $1) > 1e-3 * scale }, "the refinement moved")
    }
}
