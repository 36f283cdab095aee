import Linalg
import Testing

@Suite("Orthonormal columns (geqrf + orgqr)")
struct OrthonormalizationTests {
    @Test("QᵀQ = I, QQᵀA = A, and R = QᵀA is upper triangular with a non-negative diagonal")
    func randomMatrix() throws {
        var generator = SeededGenerator(seed: 51, component: "qr")
        let matrix: Matrix<Double> = generator.normalMatrix(rows: 8, columns: 5)
        let q = try matrix.orthonormalizedColumns()
        #expect(q.rows == 8 && q.columns == 5)
        #expect(orthonormalityError(q) < 1e-12)
        let r = Matrix.product(q, matrix, transposeA: true)
        #expect(maximumDifference(Matrix.product(q, r), matrix) < 1e-12)
        for row in 0..<5 {
            #expect(r[row, row] > 0)
            for column in 0..<row { #expect(abs(r[row, column]) < 1e-12) }
        }
    }

    @Test("orthonormalizing an orthonormal matrix returns it unchanged (sign fix)")
    func idempotent() throws {
        var generator = SeededGenerator(seed: 52, component: "qr")
        let q: Matrix<Double> = generator.orthonormalMatrix(rows: 7, columns: 4)
        #expect(maximumDifference(try q.orthonormalizedColumns(), q) < 1e-12)
    }

    @Test("a hand-worked 2×2: columns (0, −2) and (3, 1)")
    func handWorked() throws {
        let q = try Matrix<Double>([[0, 3], [-2, 1]]).orthonormalizedColumns()
        #expect(maximumDifference(q, Matrix([[0, 1], [-1, 0]])) < 1e-15)
    }

    @Test("Float orthonormalization")
    func float() throws {
        var generator = SeededGenerator(seed: 53, component: "qr")
        let matrix: Matrix<Float> = generator.normalMatrix(rows: 6, columns: 6)
        let q = try matrix.orthonormalizedColumns()
        #expect(orthonormalityError(q) < 1e-5)
        #expect(maximumDifference(Matrix.product(q, Matrix.product(q, matrix, transposeA: true)),
                                  matrix) < 1e-5)
    }
}
