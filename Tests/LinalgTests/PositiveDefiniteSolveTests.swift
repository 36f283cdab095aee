import Linalg
import Testing

@Suite("Positive definite solve (posv)")
struct PositiveDefiniteSolveTests {
    @Test("a 2×2 system worked by hand")
    func handWorked() throws {
        let matrix = Matrix<Double>([[4, 2], [2, 3]])
        let solution = try matrix.solvingPositiveDefinite(Matrix([[2], [1]]))
        #expect(maximumDifference(solution, Matrix([[0.5], [0]])) < 1e-15)
    }

    @Test("the residual ‖AX − B‖ is small for a random SPD matrix MᵀM + nI")
    func randomResidual() throws {
        var generator = SeededGenerator(seed: 41, component: "posv")
        let size = 12
        let factor: Matrix<Double> = generator.normalMatrix(rows: 20, columns: size)
        let matrix = factor.transposedProduct() + Double(size) * Matrix.identity(size)
        let rightHandSides: Matrix<Double> = generator.normalMatrix(rows: size, columns: 3)
        let solution = try matrix.solvingPositiveDefinite(rightHandSides)
        let residual = Matrix.product(matrix, solution) - rightHandSides
        #expect(residual.frobeniusNorm() < 1e-12 * rightHandSides.frobeniusNorm())
        #expect(solution.frobeniusNorm() > 0)
    }

    @Test("Float solve has a small residual")
    func floatResidual() throws {
        var generator = SeededGenerator(seed: 42, component: "posv")
        let factor: Matrix<Float> = generator.normalMatrix(rows: 10, columns: 6)
        let matrix = factor.transposedProduct() + 6 * Matrix.identity(6)
        let rightHandSides: Matrix<Float> = generator.normalMatrix(rows: 6, columns: 2)
        let solution = try matrix.solvingPositiveDefinite(rightHandSides)
        let residual = Matrix.product(matrix, solution) - rightHandSides
        #expect(residual.frobeniusNorm() < 1e-5 * rightHandSides.frobeniusNorm())
    }

    @Test("[[1, 2], [2, 1]] fails at its second leading minor")
    func notPositiveDefinite() {
        let matrix = Matrix<Double>([[1, 2], [2, 1]])
        #expect(throws: LinalgError.notPositiveDefinite(leadingMinor: 2)) {
            try matrix.solvingPositiveDefinite(Matrix([[1], [1]]))
        }
    }
}
