import Linalg
import Testing

@Suite("Symmetric eigendecomposition (syevd)")
struct EigendecompositionTests {
    @Test("[[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, ∓1)/√2")
    func handWorked() throws {
        let (values, vectors) = try Matrix<Double>([[2, 1], [1, 2]]).symmetricEigendecomposition()
        #expect(maximumDifference(values, [1, 3]) < 1e-14)
        let half = Double(0.5).squareRoot()
        #expect(abs(abs(vectors[0, 0]) - half) < 1e-14)
        #expect(abs(vectors[0, 0] + vectors[1, 0]) < 1e-14)
        #expect(abs(abs(vectors[0, 1]) - half) < 1e-14)
        #expect(abs(vectors[0, 1] - vectors[1, 1]) < 1e-14)
    }

    @Test("AV = VΛ, VᵀV = I and ascending values on a random symmetric matrix")
    func randomSymmetric() throws {
        var generator = SeededGenerator(seed: 21, component: "eigen")
        let base: Matrix<Double> = generator.normalMatrix(rows: 9, columns: 6)
        let symmetric = base.productWithTranspose() - 4 * Matrix.identity(9)
        let (values, vectors) = try symmetric.symmetricEigendecomposition()
        #expect(values == values.sorted())
        #expect(values.first! < 0 && values.last! > 0)
        #expect(orthonormalityError(vectors) < 1e-12)
        let left = Matrix.product(symmetric, vectors)
        let right = scalingColumns(vectors, by: values)
        #expect(maximumDifference(left, right) < 1e-11)
    }

    @Test("Float eigendecomposition satisfies AV = VΛ")
    func floatSymmetric() throws {
        var generator = SeededGenerator(seed: 22, component: "eigen")
        let base: Matrix<Float> = generator.normalMatrix(rows: 5, columns: 5)
        let symmetric = base + base.transposed()
        let (values, vectors) = try symmetric.symmetricEigendecomposition()
        #expect(values == values.sorted())
        #expect(orthonormalityError(vectors) < 1e-5)
        #expect(maximumDifference(Matrix.product(symmetric, vectors),
                                  scalingColumns(vectors, by: values)) < 1e-4)
    }
}
