import Linalg
import Testing

@Suite("Products (gemm, syrk)")
struct ProductTests {
    let a = Matrix<Double>([[1, 2, 3], [4, 5, 6]])
    let b = Matrix<Double>([[7, 8], [9, 10], [11, 12]])

    @Test("2×3 · 3×2 worked by hand")
    func handWorkedProduct() {
        #expect(Matrix.product(a, b) == Matrix([[58, 64], [139, 154]]))
        #expect(Matrix.product(a, b, alpha: 2) == Matrix([[116, 128], [278, 308]]))
    }

    @Test("transposed operands worked by hand")
    func handWorkedTransposes() {
        #expect(Matrix.product(a, b, transposeA: true, transposeB: true)
            == Matrix([[39, 49, 59], [54, 68, 82], [69, 87, 105]]))
        #expect(Matrix.product(a, a, transposeB: true) == Matrix([[14, 32], [32, 77]]))
        #expect(Matrix.product(a, a, transposeA: true)
            == Matrix([[17, 22, 27], [22, 29, 36], [27, 36, 45]]))
    }

    @Test("Double gemm matches a reference loop on 7×5 · 5×9", arguments: [false, true], [false, true])
    func doubleAgainstReference(transposeA: Bool, transposeB: Bool) {
        checkAgainstReference(Double.self, transposeA: transposeA, transposeB: transposeB,
                              tolerance: 1e-12)
    }

    @Test("Float gemm matches a reference loop on 7×5 · 5×9", arguments: [false, true], [false, true])
    func floatAgainstReference(transposeA: Bool, transposeB: Bool) {
        checkAgainstReference(Float.self, transposeA: transposeA, transposeB: transposeB,
                              tolerance: 1e-5)
    }

    @Test("Double gemm matches a reference loop across tile and inner-block edges (257×270 · 270×515)",
          arguments: [false, true], [false, true])
    func tiledAgainstReference(transposeA: Bool, transposeB: Bool) {
        checkAgainstReference(Double.self, transposeA: transposeA, transposeB: transposeB,
                              tolerance: 1e-11, m: 257, k: 270, n: 515)
    }

    private func checkAgainstReference<T: BLASScalar>(
        _ type: T.Type, transposeA: Bool, transposeB: Bool, tolerance: Double, m: Int = 7, k: Int = 5, n: Int = 9
    ) {
        var generator = SeededGenerator(seed: 11, component: "gemm")
        let left: Matrix<T> = transposeA
            ? generator.normalMatrix(rows: k, columns: m) : generator.normalMatrix(rows: m, columns: k)
        let right: Matrix<T> = transposeB
            ? generator.normalMatrix(rows: n, columns: k) : generator.normalMatrix(rows: k, columns: n)
        let product = Matrix.product(left, right, transposeA: transposeA, transposeB: transposeB,
                                     alpha: 3)
        let reference = referenceProduct(left, right, transposeA: transposeA,
                                         transposeB: transposeB)
        #expect(product.rows == m && product.columns == n)
        #expect(maximumDifference(product.map { Double($0) }, reference.map { 3 * $0 }) < tolerance)
    }

    @Test("syrk products equal the gemm products and are exactly symmetric")
    func syrkMatchesGemm() {
        var generator = SeededGenerator(seed: 12, component: "syrk")
        let matrix: Matrix<Double> = generator.normalMatrix(rows: 8, columns: 5)
        let gram = matrix.transposedProduct()
        let outer = matrix.productWithTranspose()
        #expect(gram.rows == 5 && outer.rows == 8)
        #expect(maximumDifference(gram, Matrix.product(matrix, matrix, transposeA: true)) < 1e-12)
        #expect(maximumDifference(outer, Matrix.product(matrix, matrix, transposeB: true)) < 1e-12)
        #expect(gram == gram.transposed())
        #expect(outer == outer.transposed())
    }

    @Test("Gram matrices across tile and inner-block edges match the reference loop (300×530)")
    func tiledGramAgainstReference() {
        var generator = SeededGenerator(seed: 14, component: "syrk")
        let matrix: Matrix<Double> = generator.normalMatrix(rows: 300, columns: 530)
        let gram = matrix.transposedProduct()
        let outer = matrix.productWithTranspose()
        #expect(maximumDifference(gram.map { $0 },
                                  referenceProduct(matrix, matrix, transposeA: true, transposeB: false)) < 1e-11)
        #expect(maximumDifference(outer.map { $0 },
                                  referenceProduct(matrix, matrix, transposeA: false, transposeB: true)) < 1e-11)
        #expect(gram == gram.transposed())
        #expect(outer == outer.transposed())
    }

    @Test("syrk on Float equals gemm")
    func floatSyrkMatchesGemm() {
        var generator = SeededGenerator(seed: 13, component: "syrk")
        let matrix: Matrix<Float> = generator.normalMatrix(rows: 6, columns: 4)
        #expect(maximumDifference(matrix.transposedProduct(),
                                  Matrix.product(matrix, matrix, transposeA: true)) < 1e-5)
        #expect(maximumDifference(matrix.productWithTranspose(),
                                  Matrix.product(matrix, matrix, transposeB: true)) < 1e-5)
    }

    @Test("an empty inner dimension gives the zero matrix")
    func emptyInnerDimension() {
        let left = Matrix<Double>.zeros(rows: 2, columns: 0)
        let right = Matrix<Double>.zeros(rows: 0, columns: 3)
        #expect(Matrix.product(left, right) == Matrix.zeros(rows: 2, columns: 3))
    }
}
