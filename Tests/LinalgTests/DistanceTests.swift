import Linalg
import Testing

@Suite("Pairwise squared distances")
struct DistanceTests {
    @Test("equal a direct loop over rows (Double)")
    func doubleAgainstLoop() {
        var generator = SeededGenerator(seed: 71, component: "distances")
        let a: Matrix<Double> = generator.normalMatrix(rows: 6, columns: 4)
        let b: Matrix<Double> = generator.normalMatrix(rows: 5, columns: 4)
        let distances = Matrix.pairwiseSquaredDistances(a, b)
        #expect(distances.rows == 6 && distances.columns == 5)
        #expect(maximumDifference(distances, directDistances(a, b)) < 1e-12)
    }

    @Test("equal a direct loop over rows (Float)")
    func floatAgainstLoop() {
        var generator = SeededGenerator(seed: 72, component: "distances")
        let a: Matrix<Float> = generator.normalMatrix(rows: 4, columns: 8)
        let b: Matrix<Float> = generator.normalMatrix(rows: 7, columns: 8)
        #expect(maximumDifference(Matrix.pairwiseSquaredDistances(a, b), directDistances(a, b)) < 1e-4)
    }

    @Test("hand-worked points, and self-distances are non-negative and near zero")
    func handWorkedAndSelf() {
        let points = Matrix<Double>([[0, 0], [3, 4], [1, 1]])
        let distances = Matrix.pairwiseSquaredDistances(points, points)
        #expect(maximumDifference(distances, Matrix([[0, 25, 2], [25, 0, 13], [2, 13, 0]])) < 1e-12)
        var generator = SeededGenerator(seed: 73, component: "distances")
        let cloud: Matrix<Float> = generator.normalMatrix(rows: 30, columns: 16).map { $0 + 100 }
        let selfDistances = Matrix.pairwiseSquaredDistances(cloud, cloud)
        #expect(selfDistances.elements.allSatisfy { $0 >= 0 })
        #expect((0..<30).allSatisfy { selfDistances[$0, $0] < 1 })
    }

    private func directDistances<T: BLASScalar>(_ a: Matrix<T>, _ b: Matrix<T>) -> Matrix<T> {
        var result = Matrix<T>.zeros(rows: a.rows, columns: b.rows)
        for i in 0..<a.rows {
            for j in 0..<b.rows {
                result[i, j] = zip(a.row(i), b.row(j)).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            }
        }
        return result
    }
}
