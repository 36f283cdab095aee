import Linalg
import Testing

@Suite("Singular value decomposition (gesdd)")
struct SingularValueDecompositionTests {
    @Test("a scaled permutation has its absolute entries as singular values")
    func handWorkedDiagonal() throws {
        let matrix = Matrix<Double>([[3, 0], [0, -4], [0, 0]])
        let (u, values, vt) = try matrix.singularValueDecomposition()
        #expect(u.rows == 3 && u.columns == 2 && vt.rows == 2 && vt.columns == 2)
        #expect(maximumDifference(values, [4, 3]) < 1e-14)
        #expect(abs(abs(u[1, 0]) - 1) < 1e-14 && abs(abs(u[0, 1]) - 1) < 1e-14)
        #expect(abs(abs(vt[0, 1]) - 1) < 1e-14 && abs(abs(vt[1, 0]) - 1) < 1e-14)
        #expect(abs(u[2, 0]) < 1e-14 && abs(u[2, 1]) < 1e-14)
    }

    @Test("A = UΣVᵀ with orthonormal factors and descending values",
          arguments: [(7, 4), (4, 7), (5, 5)])
    func randomReconstruction(rows: Int, columns: Int) throws {
        var generator = SeededGenerator(seed: 31, component: "svd \(rows)×\(columns)")
        let matrix: Matrix<Double> = generator.normalMatrix(rows: rows, columns: columns)
        let (u, values, vt) = try matrix.singularValueDecomposition()
        let k = min(rows, columns)
        #expect(u.rows == rows && u.columns == k && vt.rows == k && vt.columns == columns)
        #expect(values == values.sorted(by: >))
        #expect(values.last! > 0)
        #expect(orthonormalityError(u) < 1e-12)
        #expect(orthonormalityError(vt.transposed()) < 1e-12)
        let reconstructed = Matrix.product(scalingColumns(u, by: values), vt)
        #expect(maximumDifference(reconstructed, matrix) < 1e-12)
    }

    @Test("Float SVD reconstructs the matrix")
    func floatReconstruction() throws {
        var generator = SeededGenerator(seed: 32, component: "svd")
        let matrix: Matrix<Float> = generator.normalMatrix(rows: 6, columns: 3)
        let (u, values, vt) = try matrix.singularValueDecomposition()
        #expect(values == values.sorted(by: >))
        #expect(maximumDifference(Matrix.product(scalingColumns(u, by: values), vt), matrix) < 1e-5)
    }
}
