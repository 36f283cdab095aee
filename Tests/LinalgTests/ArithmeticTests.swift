import Linalg
import Testing

@Suite("Elementwise arithmetic and the Frobenius norm")
struct ArithmeticTests {
    let a = Matrix<Double>([[1, 2], [3, 4]])
    let b = Matrix<Double>([[0.5, -1], [2, 8]])

    @Test("sum, difference and scalar products worked by hand")
    func handWorked() {
        #expect(a + b == Matrix([[1.5, 1], [5, 12]]))
        #expect(a - b == Matrix([[0.5, 3], [1, -4]]))
        #expect(a * 2 == Matrix([[2, 4], [6, 8]]))
        #expect(-1 * a == Matrix([[-1, -2], [-3, -4]]))
        #expect(a.scaled(by: 0.5) == Matrix([[0.5, 1], [1.5, 2]]))
    }

    @Test("Frobenius norm worked by hand")
    func frobenius() {
        #expect(Matrix<Double>([[1, 2], [2, 4]]).frobeniusNorm() == 5)
        #expect(Matrix<Float>([[3], [4]]).frobeniusNorm() == 5)
        #expect(abs(Matrix<Float>([[3e30, 4e30]]).frobeniusNorm() / 5e30 - 1) < 1e-6)
    }
}
