import HashCore
import Linalg
import Testing

/// Regression (issue 16's probe): σ set from one training item (or none) was reported as
/// "every training item coincides with every anchor"; the error says how many items
/// there are.
@Suite struct KernelWidthTests {
    @Test func fewerThanTwoItemsAreNamedAsSuch() throws {
        var generator = SeededGenerator(seed: 1)
        for rows in [0, 1] {
            let training = Matrix<Float>(rows: rows, columns: 3, repeating: 1)
            #expect(throws: KernelError.tooFewItems(count: rows)) {
                try RBFKernelMap(training: training, anchorCount: 4, generator: &generator)
            }
        }
        #expect(KernelError.tooFewItems(count: 1).description
                == "RBF kernel: 1 training item; setting σ from the data needs at least 2")
        #expect(KernelError.tooFewItems(count: 0).description
                == "RBF kernel: 0 training items; setting σ from the data needs at least 2")
        let one = Matrix<Float>(rows: 1, columns: 3, repeating: 1)
        let given = try RBFKernelMap(training: one, anchorCount: 4, sigma: 2, generator: &generator)
        #expect(given.sigma == 2 && given.anchors.rows == 1)
    }
}
