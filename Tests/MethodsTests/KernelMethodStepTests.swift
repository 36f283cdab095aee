import Foundation
import Linalg
@testable import Methods
import Testing

/// The building blocks of BOLSH and CNNH against closed forms and brute force.
@Suite struct KernelMethodStepTests {
    @Test func cubicRootsSolveKnownCubics() {
        // (x − 1)(x + 2)(x − 3) = x³ − 2x² − 5x + 6; (x − 2)(x² + 1) = x³ − 2x² + x − 2.
        #expect(zip(CubicRoots.real(a: -2, b: -5, c: 6).sorted(), [-2.0, 1, 3]).allSatisfy { abs($0 - $1) < 1e-9 })
        let single = CubicRoots.real(a: -2, b: 1, c: -2)
        #expect(single.count == 1 && abs(single[0] - 2) < 1e-9)
    }

    @Test func cnnhEntryStepIsTheConstrainedMinimiser() {
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<200 {
            let ui = 2 * generator.uniform() - 1
            let norm = ui * ui + 5 * generator.uniform()
            let diagonal = 10 * generator.uniform() - 3
            let projection = 10 * generator.uniform() - 5
            func f(_ d: Double) -> Double {
                pow(d, 4) + 4 * ui * pow(d, 3) + 2 * (norm + ui * ui - diagonal) * d * d - 4 * projection * d
            }
            let step = ApproximateCodes.bestStep(ui: ui, norm: norm, diagonal: diagonal, projection: projection)
            let grid = stride(from: -1 - ui, through: 1 - ui, by: 1e-4).map(f).min()!
            #expect(f(step) <= grid + 1e-3, "step \(step) is worse than the grid minimum")
            #expect(ui + step >= -1 - 1e-6 && ui + step <= 1 + 1e-6)
        }
    }

    @Test func cnnhResidualTracksItsDefinition() {
        var generator = SeededGenerator(seed: 15)
        let s = Matrix<Double>(rows: 12, columns: 12, elements: (0..<144).map { ($0 / 12) % 3 == ($0 % 12) % 3 ? 1 : -1 })
        var codes = ApproximateCodes(similarity: s, bits: 4, generator: &generator)
        codes.sweep()
        codes.sweep()
        let h = codes.codes()
        let explicit = s * 4 - Matrix.product(h, h, transposeB: true)
        #expect(zip(explicit.elements, codes.residual).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(h.elements.allSatisfy { abs($0) <= 1 })
    }

    @Test func bolshBatchesAreOrthonormal() throws {
        let fixture = ClusteredFixture(dimension: 8, training: 30, queries: 2)
        for bits in [6, 20] {
            let hasher = try fixture.train("bolsh", bits: bits) as! LinearHasher
            let gram = hasher.projection.transposedProduct()
            for row in 0..<bits {
                for column in 0..<bits where row / 8 == column / 8 {
                    #expect(abs(gram[row, column] - (row == column ? 1 : 0)) < 1e-5)
                }
            }
        }
    }

    @Test func itqNeedsBitsWithinTheDimension() {
        let fixture = ClusteredFixture(dimension: 8, training: 30, queries: 2)
        #expect(throws: TrainingError.bitsExceedDimension(method: "itq", bits: 16, dimension: 8)) {
            try fixture.train("itq", bits: 16)
        }
    }

    /// Too many bits for the features is outside ITQ's definition (not applicable, never
    /// worth retrying); a failed factorization or too small a training set is a failure.
    @Test func onlyBitsBeyondTheDimensionAreNotApplicable() {
        #expect(TrainingError.bitsExceedDimension(method: "itq", bits: 16, dimension: 8).isNotApplicable)
        #expect(!TrainingError.tooFewItems(method: "ksh", found: 3, needed: 10).isNotApplicable)
        #expect(!TrainingError.numerical(method: "sdh", step: "W-step", reason: "not positive definite").isNotApplicable)
    }
}
