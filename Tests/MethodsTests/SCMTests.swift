import Foundation
import HashCore
import Linalg
@testable import Methods
import Testing

/// SCM against independent computations: the label similarity S̃ and the residual R_k formed
/// as N × N matrices from the labels and the codes, products summed term by term, and each
/// bit's generalized eigenproblem solved by brute force (a dense symmetric eigendecomposition
/// of the whitened (d_x + d_y)-square pencil), on small problems.
@Suite struct SCMTests {
    /// Labels of `count` items over `classes` classes, a second label for about a third of
    /// them, and item 0 without labels.
    static func labels(_ count: Int, _ classes: Int, _ generator: inout SeededGenerator) -> Matrix<Float> {
        var labels = Matrix<Float>(rows: count, columns: classes, repeating: 0)
        for item in 1..<count {
            labels[item, item % classes] = 1
            if generator.uniform() < 0.35 { labels[item, generator.integer(below: classes)] = 1 }
        }
        return labels
    }

    /// S̃_ij = (r_s − r_d)·cos(l_i, l_j) + r_d, the cosine taken as 0 when an item has no label.
    static func similarity(_ labels: Matrix<Float>, same: Double, different: Double) -> Matrix<Double> {
        let count = labels.rows
        var result = Matrix<Double>.zeros(rows: count, columns: count)
        for i in 0..<count {
            for j in 0..<count {
                var (shared, normI, normJ) = (0.0, 0.0, 0.0)
                for label in 0..<labels.columns {
                    shared += Double(labels[i, label] * labels[j, label])
                    normI += Double(labels[i, label] * labels[i, label])
                    normJ += Double(labels[j, label] * labels[j, label])
                }
                let cosine = normI > 0 && normJ > 0 ? shared / (normI * normJ).squareRoot() : 0
                result[i, j] = (same - different) * cosine + different
            }
        }
        return result
    }

    /// R = c·S̃ − Σ_j b_x,j·b_y,jᵀ over the rows of `codesX`, `codesY` (k × N).
    static func residual(_ similarity: Matrix<Double>, scale: Double, codesX: Matrix<Double>,
                         codesY: Matrix<Double>) -> Matrix<Double> {
        var result = similarity.map { scale * $0 }
        for bit in 0..<codesX.rows {
            for i in 0..<result.rows {
                for j in 0..<result.columns { result[i, j] -= codesX[bit, i] * codesY[bit, j] }
            }
        }
        return result
    }

    /// AᵀMB summed term by term.
    static func sandwich(_ a: Matrix<Double>, _ m: Matrix<Double>, _ b: Matrix<Double>) -> Matrix<Double> {
        var result = Matrix<Double>.zeros(rows: a.columns, columns: b.columns)
        for row in 0..<a.columns {
            for column in 0..<b.columns {
                var sum = 0.0
                for i in 0..<m.rows {
                    for j in 0..<m.columns { sum += a[i, row] * m[i, j] * b[j, column] }
                }
                result[row, column] = sum
            }
        }
        return result
    }

    static func maxAbs(_ a: Matrix<Double>) -> Double {
        a.elements.reduce(0.0) { max($0, abs($1)) }
    }

    static func squaredNorm(_ a: Matrix<Double>) -> Double {
        a.elements.reduce(0.0) { $0 + $1 * $1 }
    }

    /// A + λI.
    static func ridged(_ a: Matrix<Double>, _ ridge: Double) -> Matrix<Double> {
        var result = a
        for index in 0..<a.rows { result[index, index] += ridge }
        return result
    }

    /// The column `index` of `a` as a d × 1 matrix.
    static func column(_ a: Matrix<Double>, _ index: Int) -> Matrix<Double> {
        Matrix(rows: a.rows, columns: 1, elements: a.column(index))
    }

    /// The eigenvalues, descending, of the pencil [0 C; Cᵀ 0]·w = σ·[C_xx 0; 0 C_yy]·w by brute
    /// force: each C_mm^{-1/2} from a dense symmetric eigendecomposition, the whitened
    /// (d_x + d_y)-square block matrix formed and eigendecomposed.
    static func pencilEigenvalues(cross: Matrix<Double>, cxx: Matrix<Double>, cyy: Matrix<Double>) throws -> [Double] {
        func inverseRoot(_ a: Matrix<Double>) throws -> Matrix<Double> {
            let (values, vectors) = try a.symmetricEigendecomposition()
            var result = Matrix<Double>.zeros(rows: a.rows, columns: a.rows)
            for i in 0..<a.rows {
                for j in 0..<a.rows {
                    for k in 0..<a.rows { result[i, j] += vectors[i, k] * vectors[j, k] / values[k].squareRoot() }
                }
            }
            return result
        }
        let whitened = Matrix.product(Matrix.product(try inverseRoot(cxx), cross), try inverseRoot(cyy))
        let (dx, dy) = (cross.rows, cross.columns)
        var block = Matrix<Double>.zeros(rows: dx + dy, columns: dx + dy)
        for i in 0..<dx {
            for j in 0..<dy {
                block[i, dx + j] = whitened[i, j]
                block[dx + j, i] = whitened[i, j]
            }
        }
        return try block.symmetricEigendecomposition().values.reversed()
    }

    // MARK: The residual as an operator

    /// X̄ᵀR_kȲ = P_k·Q_kᵀ and ‖R_k‖²_F against R_k formed from S̃ and the codes, before and after
    /// each of four random bits, with uncentred features (so the r_d·11ᵀ part acts) and ratios
    /// whose parts both act.
    @Test(arguments: [(1.0, -1.0), (3.0, -2.0), (5.0, 1.0)])
    func residualOperatorMatchesTheDenseResidual(ratio: (same: Double, different: Double)) throws {
        var generator = SeededGenerator(seed: 21, component: "scm-residual")
        let (count, classes, bits) = (30, 4, 6)
        let labels = Self.labels(count, classes, &generator)
        let x = generator.normalMatrix(rows: count, columns: 5, as: Double.self).map { $0 + 0.7 }
        let y = generator.normalMatrix(rows: count, columns: 4, as: Double.self).map { $0 - 1.3 }
        var residual = SCMResidual(x: x, y: y, embedding: UnitLabelVectors.of(labels.map(Double.init)),
                                   same: ratio.same, different: ratio.different, bits: bits)
        let similarity = Self.similarity(labels, same: ratio.same, different: ratio.different)
        var codes = (x: Matrix<Double>.zeros(rows: 0, columns: count), y: Matrix<Double>.zeros(rows: 0, columns: count))
        for step in 0...4 {
            let dense = Self.residual(similarity, scale: Double(bits), codesX: codes.x, codesY: codes.y)
            let cross = Self.sandwich(x, dense, y)
            let factored = Matrix.product(residual.left, residual.right, transposeB: true)
            #expect(Self.maxAbs(factored - cross) <= 1e-9 * Self.maxAbs(cross), "ratio \(ratio), \(step) bits: X̄ᵀRȲ")
            let norm = Self.squaredNorm(dense)
            #expect(abs(residual.squaredNorm - norm) <= 1e-9 * norm,
                    "ratio \(ratio), \(step) bits: ‖R‖² \(residual.squaredNorm), dense \(norm)")
            let bx = SignMatrix.signs(generator.normalMatrix(rows: count, columns: 1, as: Double.self))
            let by = SignMatrix.signs(generator.normalMatrix(rows: count, columns: 1, as: Double.self))
            let bilinear = Self.sandwich(bx, dense, by)[0, 0]
            #expect(abs(residual.bilinear(bx, by) - bilinear) <= 1e-9 * Self.maxAbs(dense) * Double(count * count))
            residual.subtract(bx, by)
            codes = (codes.x.appendingRows(bx.transposed()), codes.y.appendingRows(by.transposed()))
            #expect(residual.codes.x == codes.x && residual.codes.y == codes.y)
        }
    }

    // MARK: Each bit's generalized eigenproblem

    static let small = PairedFixture(seed: 41, classes: 3, latent: 3, dimensions: (7, 5), training: 60, queries: 4,
                                     multiLabel: true)

    /// The centred features of `fixture`'s training items, their means, and the unit labels.
    static func centred(_ fixture: PairedFixture) -> (x: Matrix<Double>, y: Matrix<Double>, embedding: Matrix<Double>) {
        let features = PairedFixture.modalities.map { fixture.training.features[$0]!.map(Double.init) }
        let centred = features.map { $0.centred(by: $0.columnMeans()) }
        return (centred[0], centred[1], UnitLabelVectors.of(fixture.training.labels.map(Double.init)))
    }

    /// SCM-Seq on 60 items (7- and 5-dimensional, 3 labels), 9 bits (more than either
    /// dimension): for every bit k, with R_k formed from S̃ and the codes of bits 0 … k − 1 and
    /// C_k = X̄ᵀR_kȲ summed term by term, (w_x,k, w_y,k) satisfies C_k·w_y = σ_k·C_xx·w_x and
    /// C_kᵀ·w_x = σ_k·C_yy·w_y with unit constraints, its objective w_xᵀC_kw_y equals σ_k, and σ_k
    /// is the top eigenvalue of the pencil by brute force; the codes subtracted are the signs
    /// of its projections; the recorded objective is ‖R_{k+1}‖²_F. Training through the
    /// registry gives the same directions.
    @Test(arguments: [1e-6, 0.5])
    func everyBitSolvesItsGeneralizedEigenproblem(ridge: Double) throws {
        let bits = 9
        let (x, y, embedding) = Self.centred(Self.small)
        let labels = Self.small.training.labels
        var residual = SCMResidual(x: x, y: y, embedding: embedding, same: 1, different: -1, bits: bits)
        let problem = try SCMEigenproblem(x: x, y: y, ridge: ridge, method: "test")
        var diagnostics = TrainingDiagnostics()
        let learned = try SCM.sequential(bits, residual: &residual, problem: problem, x: x, y: y,
                                         diagnostics: &diagnostics)
        let cxx = Self.ridged(Self.sandwich(x, .identity(x.rows), x), ridge)
        let cyy = Self.ridged(Self.sandwich(y, .identity(y.rows), y), ridge)
        let similarity = Self.similarity(labels, same: 1, different: -1)
        for bit in 0..<bits {
            let dense = Self.residual(similarity, scale: Double(bits), codesX: residual.codes.x.selectingRows(0..<bit),
                                      codesY: residual.codes.y.selectingRows(0..<bit))
            let cross = Self.sandwich(x, dense, y)
            let (wx, wy, sigma) = (Self.column(learned.x, bit), Self.column(learned.y, bit), learned.values[bit])
            let scale = Self.maxAbs(cross)
            let equations = [(Matrix.product(cross, wy), Matrix.product(cxx, wx)),
                             (Matrix.product(cross, wx, transposeA: true), Matrix.product(cyy, wy))]
            for (index, (lhs, rhs)) in equations.enumerated() {
                #expect(Self.maxAbs(lhs - rhs.scaled(by: sigma)) <= 1e-9 * Self.maxAbs(lhs),
                        "λ = \(ridge), bit \(bit): eigen-equation \(index)")
            }
            #expect(abs(Self.sandwich(wx, cxx, wx)[0, 0] - 1) <= 1e-9)
            #expect(abs(Self.sandwich(wy, cyy, wy)[0, 0] - 1) <= 1e-9)
            #expect(abs(Self.sandwich(wx, cross, wy)[0, 0] - sigma) <= 1e-9 * sigma, "λ = \(ridge), bit \(bit): objective")
            let brute = try Self.pencilEigenvalues(cross: cross, cxx: cxx, cyy: cyy)
            #expect(abs(brute[0] - sigma) <= 1e-9 * sigma, "λ = \(ridge), bit \(bit): σ \(sigma), brute force \(brute[0])")
            #expect(brute[0] - brute[1] > 1e-6 * scale / Double(x.rows), "λ = \(ridge), bit \(bit): a repeated top eigenvalue")
            #expect(residual.codes.x.row(bit).elementsEqual(SignMatrix.signs(Matrix.product(x, wx)).elements))
            #expect(residual.codes.y.row(bit).elementsEqual(SignMatrix.signs(Matrix.product(y, wy)).elements))
            let next = Self.residual(similarity, scale: Double(bits), codesX: residual.codes.x.selectingRows(0...bit),
                                     codesY: residual.codes.y.selectingRows(0...bit))
            let norm = Self.squaredNorm(next)
            #expect(abs(diagnostics.iterations[bit].objective - norm) <= 1e-9 * norm)
        }
        let hasher = try Self.small.train("scm", bits: bits, ["regularisation": "\(ridge)"]) as! CrossModalHasher
        #expect(hasher.maps.map(\.projection) == [learned.x, learned.y])
        #expect(hasher.diagnostics.iterations == diagnostics.iterations)
    }

    /// SCM-Orth: W_xᵀC_xxW_x = W_yᵀC_yyW_y = I and W_xᵀ(X̄ᵀc·S̃Ȳ)W_y = diag(σ), σ the top eigenvalues
    /// of the pencil by brute force; its first pair is SCM-Seq's first bit.
    @Test func orthogonalVariantTakesTheLeadingEigenpairs() throws {
        let bits = 3
        let (x, y, _) = Self.centred(Self.small)
        let orth = try Self.small.train("scm", bits: bits, ["variant": "orth"]) as! CrossModalHasher
        let seq = try Self.small.train("scm", bits: bits) as! CrossModalHasher
        let (wx, wy) = (orth.maps[0].projection, orth.maps[1].projection)
        let cxx = Self.ridged(Self.sandwich(x, .identity(x.rows), x), 1e-6)
        let cyy = Self.ridged(Self.sandwich(y, .identity(y.rows), y), 1e-6)
        let similarity = Self.similarity(Self.small.training.labels, same: 1, different: -1)
        let cross = Self.sandwich(x, similarity.map { Double(bits) * $0 }, y)
        let sigma = orth.diagnostics.notes["eigenvalues"]!.split(separator: " ").map { Double($0)! }
        let brute = try Self.pencilEigenvalues(cross: cross, cxx: cxx, cyy: cyy)
        let products = [(Self.sandwich(wx, cxx, wx), [Double](repeating: 1, count: bits)),
                        (Self.sandwich(wy, cyy, wy), [Double](repeating: 1, count: bits)),
                        (Self.sandwich(wx, cross, wy), Array(brute.prefix(bits)))]
        for (product, diagonal) in products {
            for row in 0..<bits {
                for column in 0..<bits {
                    let expected = row == column ? diagonal[row] : 0
                    #expect(abs(product[row, column] - expected) <= 1e-9 * max(1, diagonal[0]),
                            "(\(row), \(column)): \(product[row, column]), expected \(expected)")
                }
            }
        }
        for (found, expected) in zip(sigma, brute) { #expect(abs(found - expected) <= 1e-5 * expected) }
        #expect(Self.maxAbs(Self.column(wx, 0) - Self.column(seq.maps[0].projection, 0)) <= 1e-9 * Self.maxAbs(wx))
    }

    /// X̄ᵀS̃Ȳ has rank at most C (3 labels here): SCM-Orth declines 4 bits as not applicable,
    /// SCM-Seq learns 12 (more than either dimension).
    @Test func orthogonalBitsBeyondTheLabelsAreNotApplicable() throws {
        let error = #expect(throws: TrainingError.self) { try Self.small.train("scm", bits: 4, ["variant": "orth"]) }
        #expect(error?.isNotApplicable == true)
        if case let .bitsExceedRank(method, bits, rank, _)? = error {
            #expect(method == "scm" && bits == 4 && rank == 3)
        } else {
            Issue.record("expected bitsExceedRank, got \(String(describing: error))")
        }
        let seq = try Self.small.train("scm", bits: 12)
        #expect(seq.diagnostics.iterations.count == 12)
    }

    // MARK: Ratio, defaults, determinism

    /// With centred features r_d does not act on the bits: 1/−1 and 3/1 (the same r_s − r_d)
    /// give the same codes; 5/−1 another weight of the labels against the codes.
    @Test func onlyTheDifferenceOfTheRatioActs() throws {
        let fixture = PairedFixture(seed: 43, training: 200, queries: 50, multiLabel: true)
        let queries = fixture.queries["image"]!
        let paper = try fixture.train("scm", bits: 16)
        let shifted = try fixture.train("scm", bits: 16, ["ratio": "3/1"])
        let stronger = try fixture.train("scm", bits: 16, ["ratio": "5/-1"])
        #expect(try paper.encode(queries, modality: "image") == shifted.encode(queries, modality: "image"))
        #expect(try paper.encode(queries, modality: "image") != stronger.encode(queries, modality: "image"))
    }

    @Test func defaultsAreTheAuthorsCode() throws {
        let (method, resolved) = try MethodRegistry.make("scm", parameters: [:])
        let scm = method as! SCM
        #expect(scm.ratio == .values(same: 1, different: -1))
        #expect(scm.regularisation == 1e-6)
        #expect(scm.variant == .seq)
        #expect(resolved.assignments == ["ratio=1/-1", "regularisation=1e-06", "variant=seq"])
        #expect(SCM.modalityNeeds == .paired)
        let names = MethodRegistry.methods.map { $0.name }
        #expect(names.firstIndex(of: "scm") == names.firstIndex(of: "cca-itq")! + 1)
    }

    /// SCM draws nothing at random: every seed gives the same codes.
    @Test func codesDoNotDependOnTheSeed() throws {
        let fixture = PairedFixture(training: 120, queries: 20)
        let first = try fixture.train("scm", bits: 16, seed: 5)
        let other = try fixture.train("scm", bits: 16, seed: 6)
        for modality in PairedFixture.modalities {
            let queries = fixture.queries[modality]!
            #expect(try first.encode(queries, modality: modality) == other.encode(queries, modality: modality))
        }
        #expect(first.trainingCodes == other.trainingCodes)
        #expect(first.diagnostics.iterations == other.diagnostics.iterations)
    }

    // MARK: Retrieval

    static let fixture = PairedFixture(seed: 23, training: 300, queries: 100, multiLabel: true)

    /// Queries of one modality against the training items of the other: encoded, as the
    /// learned codes of that modality (the same codes) and as the unified codes, on 300
    /// multi-label items. SCM-Seq beats random codes by 0.2 and CCA-ITQ (unsupervised) on the
    /// same fixture by 0.05; SCM-Orth at the fixture's 6 labels beats random codes by 0.2.
    /// Measured when written (image→text, text→image; encoded): 6 bits: random 0.336, SCM-Seq
    /// 0.641, 0.631 (unified 0.645, 0.633), SCM-Orth 0.574, 0.566, CCA-ITQ 0.587, 0.573; 8 bits:
    /// random 0.337, SCM-Seq 0.670, 0.673, CCA-ITQ 0.583, 0.580; 16 bits: random 0.336, SCM-Seq
    /// 0.712, 0.700, CCA-ITQ 0.604, 0.594.
    @Test func retrievalBeatsRandomCodesAndCCAITQ() throws {
        for bits in [6, 8, 16] {
            let random = try Self.fixture.randomCodesMAP(bits: bits)
            let scm = try Self.fixture.train("scm", bits: bits) as! CrossModalHasher
            let cca = try Self.fixture.train("cca-itq", bits: bits)
            let orth = bits == 6 ? try Self.fixture.train("scm", bits: bits, ["variant": "orth"]) : nil
            for (query, database) in [("image", "text"), ("text", "image")] {
                let encoded = try Self.fixture.meanAveragePrecision(scm, query: query, database: database)
                let learned = try Self.fixture.meanAveragePrecision(scm, query: query, database: database, learned: true)
                let unified = try PairedFixture.meanAveragePrecision(
                    queries: scm.encode(Self.fixture.queries[query]!, modality: query), database: scm.trainingCodes!,
                    fixture: Self.fixture)
                let baseline = try Self.fixture.meanAveragePrecision(cca, query: query, database: database)
                let orthogonal = try orth.map { try Self.fixture.meanAveragePrecision($0, query: query, database: database) }
                #expect(learned == encoded, "\(bits) bits, \(query)→\(database): learned \(learned), encoded \(encoded)")
                #expect(encoded > random + 0.2, "\(bits) bits, \(query)→\(database): mAP \(encoded), random \(random)")
                #expect(unified > random + 0.2, "\(bits) bits, \(query)→\(database): unified \(unified), random \(random)")
                #expect(encoded > baseline + 0.05, "\(bits) bits, \(query)→\(database): mAP \(encoded), CCA-ITQ \(baseline)")
                if let orthogonal {
                    #expect(orthogonal > random + 0.2, "\(query)→\(database): SCM-Orth \(orthogonal), random \(random)")
                }
            }
            for modality in PairedFixture.modalities {
                #expect(try scm.trainingCodes(for: modality)
                            == scm.encode(Self.fixture.training.features[modality]!, modality: modality))
            }
        }
    }
}
