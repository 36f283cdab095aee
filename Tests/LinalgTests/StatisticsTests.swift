import Linalg
import Testing

@Suite("Column means, centring, row norms")
struct StatisticsTests {
    let matrix = Matrix<Double>([[1, 2], [3, 6], [5, 10]])

    @Test("column means worked by hand")
    func columnMeans() {
        #expect(matrix.columnMeans() == [3, 6])
        #expect(Matrix<Float>([[1, -1, 0.5], [2, 1, 0.5]]).columnMeans() == [1.5, 0, 0.5])
    }

    @Test("centring subtracts each column's mean")
    func centring() {
        #expect(matrix.centred(by: [3, 6]) == Matrix([[-2, -4], [0, 0], [2, 4]]))
        #expect(matrix.centred(by: [1, 0]) == Matrix([[0, 2], [2, 6], [4, 10]]))
    }

    @Test("centred random data has zero column means")
    func centredMeansVanish() {
        var generator = SeededGenerator(seed: 61, component: "centre")
        let data: Matrix<Double> = generator.uniformMatrix(rows: 50, columns: 4)
        let centred = data.centred(by: data.columnMeans())
        #expect(centred.columnMeans().allSatisfy { abs($0) < 1e-15 })
    }

    @Test("centring in place equals the copy, across several parallel row blocks")
    func centringInPlace() {
        var generator = SeededGenerator(seed: 62, component: "centre")
        var data: Matrix<Float> = generator.uniformMatrix(rows: 3 * ParallelRows.blockSize + 7, columns: 5)
        let means = data.columnMeans()
        let copy = data.centred(by: means)
        data.centre(by: means)
        #expect(data == copy)
    }

    @Test("row norms worked by hand")
    func rowNorms() {
        #expect(matrix.rowSquaredNorms() == [5, 45, 125])
        #expect(maximumDifference(matrix.rowNorms(),
                                  [Double(5).squareRoot(), Double(45).squareRoot(), Double(125).squareRoot()]) < 1e-14)
        #expect(Matrix<Float>([[3, 4], [0, 0]]).rowNorms() == [5, 0])
    }
}
