import Foundation
import HashCore
import Linalg
import Testing
import TestSupport

/// The similarity operator against the explicit N × N matrix, ratio parsing and the
/// zero-mean resolution.
@Suite struct LabelSimilarityTests {
    static func labels(_ generator: inout SeededGenerator, count: Int, classes: Int, multi: Bool) -> Matrix<Float> {
        var labels = Matrix<Float>(rows: count, columns: classes, repeating: 0)
        for item in 0..<count {
            labels[item, generator.integer(below: classes)] = 1
            if multi, generator.uniform() < 0.5 { labels[item, generator.integer(below: classes)] = 1 }
        }
        return labels
    }

    @Test(arguments: [false, true])
    func operatorMatchesExplicitProduct(multi: Bool) throws {
        var generator = SeededGenerator(seed: multi ? 2 : 1)
        let labels = Self.labels(&generator, count: 23, classes: 4, multi: multi)
        let m = generator.normalMatrix(rows: 23, columns: 5, as: Float.self)
        for ratio in ["5/-1", "1/-5", "1/-1", "2/0.5"] {
            let similarity = LabelSimilarity(labels: labels, ratio: try #require(SimilarityRatio(ratio)))
            // S_ij = r_d + (r_s − r_d)·(number of shared labels)
            var explicit = Matrix<Float>(rows: 23, columns: 23, repeating: 0)
            for i in 0..<23 {
                for j in 0..<23 {
                    let shared = (0..<4).reduce(Float(0)) { $0 + labels[i, $1] * labels[j, $1] }
                    explicit[i, j] = Float(similarity.different) + Float(similarity.same - similarity.different) * shared
                }
            }
            let expected = Matrix.product(explicit, m)
            let actual = similarity.apply(m)
            for index in expected.elements.indices {
                #expect(abs(actual.elements[index] - expected.elements[index]) <= 1e-4 * (1 + abs(expected.elements[index])))
            }
        }
    }

    @Test func ratioParsing() {
        #expect(SimilarityRatio("5/-1") == .values(same: 5, different: -1))
        #expect(SimilarityRatio(" 1/-5 ") == .values(same: 1, different: -5))
        #expect(SimilarityRatio("zero-mean") == .zeroMean)
        #expect(SimilarityRatio("1/-5")?.description == "1/-5")
        #expect(SimilarityRatio("0.5/-2")?.description == "0.5/-2")
        #expect(SimilarityRatio("-1/1") == nil)
        #expect(SimilarityRatio("5") == nil)
        #expect(SimilarityRatio("a/b") == nil)
        #expect(SimilarityRatio("1/1") == nil)
    }

    @Test func zeroMeanGivesZeroMeanSimilarity() throws {
        // 10 equal classes: p = 1/10, r_s = 9.
        var labels = Matrix<Float>(rows: 50, columns: 10, repeating: 0)
        for item in 0..<50 { labels[item, item % 10] = 1 }
        let similarity = LabelSimilarity(labels: labels, ratio: .zeroMean)
        #expect(similarity.same == 9 && similarity.different == -1)
        // Unequal and multi-label: mean of the indicator similarity over all pairs is 0.
        var generator = SeededGenerator(seed: 5)
        let multi = LabelSimilarityTests.labels(&generator, count: 40, classes: 3, multi: true)
        let p = LabelSimilarity.similarPairFraction(multi)
        var shared = 0
        for i in 0..<40 {
            for j in 0..<40 where (0..<3).contains(where: { multi[i, $0] * multi[j, $0] > 0 }) { shared += 1 }
        }
        #expect(p == Double(shared) / 1600)
        let (same, different) = SimilarityRatio.zeroMean.resolved(similarPairFraction: p)
        #expect(abs(p * same + (1 - p) * different) < 1e-12)
    }

    @Test func rbfKernelMatchesDirectFormula() throws {
        var generator = SeededGenerator(seed: 3)
        let training = generator.normalMatrix(rows: 30, columns: 4, as: Float.self)
        let map = try RBFKernelMap(training: training, anchorCount: 7, generator: &generator)
        #expect(map.anchors.rows == 7)
        var total = 0.0
        for i in 0..<30 {
            for a in 0..<7 {
                total += Double((0..<4).reduce(Float(0)) { $0 + pow(training[i, $1] - map.anchors[a, $1], 2) }).squareRoot()
            }
        }
        #expect(abs(Double(map.sigma) - total / 210) < 1e-4)
        let queries = generator.normalMatrix(rows: 5, columns: 4, as: Float.self)
        let features = map.map(queries)
        for i in 0..<5 {
            for a in 0..<7 {
                let squared = (0..<4).reduce(Float(0)) { $0 + pow(queries[i, $1] - map.anchors[a, $1], 2) }
                #expect(abs(features[i, a] - exp(-squared / (2 * map.sigma * map.sigma))) < 1e-5)
            }
        }
        let constant = Matrix<Float>(rows: 4, columns: 2, repeating: 1)
        #expect(throws: KernelError.degenerateWidth) { try RBFKernelMap(training: constant, anchorCount: 2, generator: &generator) }
    }

    /// The Double map (KSH and CNNH train and encode in it) against the formula in
    /// Double, to 1e-13: the Float map's 1e-5 would not pass.
    @Test func doubleKernelMatchesDirectFormulaToDoublePrecision() throws {
        var generator = SeededGenerator(seed: 5)
        let training = generator.normalMatrix(rows: 30, columns: 4, as: Float.self).map { $0 * 10 }
        let (map, features) = try RBFKernelMap.fitted(training: training, anchorCount: 7, precision: Double.self,
                                                      generator: &generator)
        let sigma = Double(map.sigma)
        for i in 0..<30 {
            for a in 0..<7 {
                let squared = (0..<4).reduce(0.0) { $0 + pow(Double(training[i, $1]) - Double(map.anchors[a, $1]), 2) }
                #expect(abs(features[i, a] - exp(-squared / (2 * sigma * sigma))) < 1e-13)
            }
        }
        let queries = generator.normalMatrix(rows: 5, columns: 4, as: Float.self)
        let mapped = map.map(queries, precision: Double.self)
        for i in 0..<5 {
            for a in 0..<7 {
                let squared = (0..<4).reduce(0.0) { $0 + pow(Double(queries[i, $1]) - Double(map.anchors[a, $1]), 2) }
                #expect(abs(mapped[i, a] - exp(-squared / (2 * sigma * sigma))) < 1e-13)
            }
        }
    }

    @Test func fittedKernelFeaturesEqualTheMapOfTheTrainingItems() throws {
        var first = SeededGenerator(seed: 4)
        var second = SeededGenerator(seed: 4)
        let training = first.normalMatrix(rows: 25, columns: 3, as: Float.self)
        _ = second.normalMatrix(rows: 25, columns: 3, as: Float.self)
        let (map, features) = try RBFKernelMap.fitted(training: training, anchorCount: 6, generator: &first)
        let separate = try RBFKernelMap(training: training, anchorCount: 6, generator: &second)
        #expect(map.sigma == separate.sigma && map.anchors == separate.anchors)
        #expect(features == separate.map(training))
    }
}
