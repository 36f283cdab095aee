import Foundation
import HashCore
import Linalg
@testable import Methods
import Testing

/// CCA-ITQ against closed forms: canonical correlations of two views built from shared
/// latent factors and independent noise whose sample covariances are exactly known, the
/// CCA constraints, and ITQ's orthogonal rotation and non-increasing loss.
@Suite struct CCAITQTests {
    /// Views x = [z·diag(a), 0] + σ_x·e_x and y = [z·diag(b), 0] + σ_y·e_y, each then turned
    /// by a random orthogonal matrix, where the columns of [z e_x e_y] (N × (r + d_x + d_y))
    /// are centred and orthonormal × √(N − 1): their sample covariance is exactly I. So
    /// Σ_xx + εI = Q_xᵀ·diag(a² + σ_x² + ε, …, σ_x² + ε)·Q_x, Σ_xy = Q_xᵀ·[diag(a·b) 0; 0 0]·Q_y, and,
    /// CCA being invariant under orthogonal maps of each view, the canonical correlations
    /// are a_k·b_k/√((a_k² + σ_x² + ε)(b_k² + σ_y² + ε)) for k < r and 0 beyond.
    static func views(count: Int = 200, a: [Double], b: [Double], noise: (x: Double, y: Double),
                      dimensions: (x: Int, y: Int)) -> (x: Matrix<Double>, y: Matrix<Double>) {
        var generator = SeededGenerator(seed: 17, component: "cca-views")
        let shared = a.count
        let total = shared + dimensions.x + dimensions.y
        var gaussian = generator.normalMatrix(rows: count, columns: total, as: Double.self)
        gaussian.centre(by: gaussian.columnMeans())
        let basis = try! gaussian.orthonormalizedColumns() * Double(count - 1).squareRoot()
        var x = Matrix<Double>.zeros(rows: count, columns: dimensions.x)
        var y = Matrix<Double>.zeros(rows: count, columns: dimensions.y)
        for item in 0..<count {
            for column in 0..<dimensions.x {
                x[item, column] = noise.x * basis[item, shared + column]
                    + (column < shared ? a[column] * basis[item, column] : 0)
            }
            for column in 0..<dimensions.y {
                y[item, column] = noise.y * basis[item, shared + dimensions.x + column]
                    + (column < shared ? b[column] * basis[item, column] : 0)
            }
        }
        return (Matrix.product(x, generator.orthonormalMatrix(rows: dimensions.x, columns: dimensions.x, as: Double.self)),
                Matrix.product(y, generator.orthonormalMatrix(rows: dimensions.y, columns: dimensions.y, as: Double.self)))
    }

    /// AᵀB/(N − 1) summed term by term.
    static func covariance(_ a: Matrix<Double>, _ b: Matrix<Double>) -> Matrix<Double> {
        var result = Matrix<Double>.zeros(rows: a.columns, columns: b.columns)
        for row in 0..<a.columns {
            for column in 0..<b.columns {
                var sum = 0.0
                for item in 0..<a.rows { sum += a[item, row] * b[item, column] }
                result[row, column] = sum / Double(a.rows - 1)
            }
        }
        return result
    }

    /// WᵀCV.
    static func sandwich(_ w: Matrix<Double>, _ c: Matrix<Double>, _ v: Matrix<Double>) -> Matrix<Double> {
        Matrix.product(Matrix.product(w, c, transposeA: true), v)
    }

    @Test(arguments: [0.0, 1e-4, 0.3])
    func canonicalCorrelationsMatchTheClosedForm(regularisation: Double) throws {
        let (a, b) = ([3.0, 1.0, 0.5], [2.0, 1.5, 0.8])
        let noise = (x: 1.0, y: 0.7)
        let (x, y) = Self.views(a: a, b: b, noise: noise, dimensions: (7, 5))
        let cca = try CanonicalCorrelation(x: x, y: y, regularisation: regularisation, count: 5, method: "test")
        let expected = zip(a, b).map { a, b in
            a * b / ((a * a + noise.x * noise.x + regularisation) * (b * b + noise.y * noise.y + regularisation)).squareRoot()
        }.sorted(by: >) + [0, 0]
        for (found, closed) in zip(cca.correlations, expected) {
            #expect(abs(found - closed) < 1e-9, "ε = \(regularisation): ρ \(found), closed form \(closed)")
        }
        var sxx = Self.covariance(x, x)
        var syy = Self.covariance(y, y)
        for index in 0..<7 { sxx[index, index] += regularisation }
        for index in 0..<5 { syy[index, index] += regularisation }
        let constraints = [(Self.sandwich(cca.x, sxx, cca.x), [Double](repeating: 1, count: 5)),
                           (Self.sandwich(cca.y, syy, cca.y), [Double](repeating: 1, count: 5)),
                           (Self.sandwich(cca.x, Self.covariance(x, y), cca.y), cca.correlations)]
        for (product, diagonal) in constraints {
            for row in 0..<5 {
                for column in 0..<5 {
                    #expect(abs(product[row, column] - (row == column ? diagonal[row] : 0)) < 1e-6,
                            "ε = \(regularisation): (\(row), \(column)) is \(product[row, column])")
                }
            }
        }
    }

    static let fixture = PairedFixture(seed: 23, training: 300, queries: 100)

    /// The rotation CCA-ITQ learns is orthogonal, the recorded quantization loss never
    /// rises, and the encoder of each modality is its CCA directions times that rotation.
    @Test(arguments: [0.0, 1.0, 4.0])
    func itqRotationIsOrthogonalAndItsLossNeverRises(power: Double) throws {
        let bits = 12
        let data = Self.fixture.training
        let features = data.modalities.map { data.features[$0]!.map(Double.init) }
        let centred = features.map { $0.centred(by: $0.columnMeans()) }
        let cca = try CanonicalCorrelation(x: centred[0], y: centred[1], regularisation: 1e-4, count: bits, method: "test")
        var stacked = Matrix.product(centred[0], cca.x).elements + Matrix.product(centred[1], cca.y).elements
        for index in stacked.indices { stacked[index] *= pow(cca.correlations[index % bits], power) }
        var generator = SeededGenerator(seed: 3)
        let quantization = try IterativeQuantization(Matrix(rows: 2 * data.count, columns: bits, elements: stacked),
                                                     iterations: 30, method: "test", generator: &generator)
        let gram = quantization.rotation.transposedProduct()
        for row in 0..<bits {
            for column in 0..<bits { #expect(abs(gram[row, column] - (row == column ? 1 : 0)) < 1e-12) }
        }
        let hasher = try Self.fixture.train("cca-itq", bits: bits, ["power": "\(power)", "iterations": "30"])
        let objectives = hasher.diagnostics.iterations.map(\.objective)
        #expect(objectives.count == 30)
        for (before, after) in zip(objectives, objectives.dropFirst()) {
            #expect(after <= before * (1 + 1e-12), "p = \(power): the loss rose from \(before) to \(after)")
        }
        #expect(objectives.last! < objectives.first!)
    }

    @Test func bitsBeyondTheSmallerDimensionAreNotApplicable() throws {
        let fixture = PairedFixture(dimensions: (8, 6), training: 40, queries: 4)
        let error = #expect(throws: TrainingError.bitsExceedDimension(method: "cca-itq", bits: 7, dimension: 6)) {
            try fixture.train("cca-itq", bits: 7)
        }
        #expect(error?.isNotApplicable == true)
        _ = try fixture.train("cca-itq", bits: 6)
    }

    /// Queries of one modality against the training items of the other, encoded or as the
    /// unified training codes: mAP 0.2 above random codes. Measured when written (8, 16
    /// bits; image→text, text→image, encoded): random 0.182, CCA-ITQ 0.528, 0.516 and 0.555,
    /// 0.526.
    @Test func retrievalBeatsRandomCodes() throws {
        for bits in [8, 16] {
            let random = try Self.fixture.randomCodesMAP(bits: bits)
            let hasher = try Self.fixture.train("cca-itq", bits: bits)
            for (query, database) in [("image", "text"), ("text", "image")] {
                for learned in [false, true] {
                    let map = try Self.fixture.meanAveragePrecision(hasher, query: query, database: database,
                                                                    learned: learned)
                    #expect(map > random + 0.2,
                            "\(bits) bits, \(query)→\(database), unified \(learned): mAP \(map), random \(random)")
                }
            }
        }
    }

    /// One code matrix for the training items, whichever modality is the database.
    @Test func trainingCodesAreUnified() throws {
        let hasher = try Self.fixture.train("cca-itq", bits: 16) as! CrossModalHasher
        #expect(try hasher.trainingCodes(for: "image") == hasher.trainingCodes)
        #expect(try hasher.trainingCodes(for: "text") == hasher.trainingCodes)
        #expect(hasher.modalityCodes.isEmpty)
    }
}
