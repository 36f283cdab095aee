import HashCore
import Linalg
@testable import Methods
import Testing

/// Where the similarity ratio can act in ASZH. Under exact balance (Zᵀ1 = 0) only
/// r_s − r_d survives, so 5/−1 and 1/−5 (both r_s − r_d = 6) must give identical
/// codes; without balance, with a soft penalty, and in the discrete solver r_d acts
/// and the codes differ.
@Suite struct ASZHRatioTests {
    static let fixture = ClusteredFixture(seed: 21, training: 240, queries: 60)

    static func codes(_ parameters: [String: String], ratio: String, seed: UInt64 = 3) throws
        -> (training: BinaryCodes, queries: BinaryCodes) {
        var given = parameters
        given["anchors"] = "60"
        given["ratio"] = ratio
        let hasher = try fixture.train("aszh", bits: 16, seed: seed, given)
        return (hasher.trainingCodes!, try hasher.encode(fixture.queries, modality: "features"))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func exactBalanceCancelsTheDifferentPairValue(seed: UInt64) throws {
        let high = try Self.codes(["balance": "exact"], ratio: "5/-1", seed: seed)
        let low = try Self.codes(["balance": "exact"], ratio: "1/-5", seed: seed)
        #expect(high.training == low.training)
        #expect(high.queries == low.queries)
    }

    @Test(arguments: [
        ["balance": "none"],
        ["balance": "soft", "rho": "20"],
        ["balance": "soft", "balance_on": "b", "rho": "20"],
        ["solver": "discrete"],
    ])
    func otherFormulationsRespondToTheDifferentPairValue(parameters: [String: String]) throws {
        let high = try Self.codes(parameters, ratio: "5/-1")
        let low = try Self.codes(parameters, ratio: "1/-5")
        #expect(high.training != low.training, "\(parameters): 5/-1 and 1/-5 gave the same training codes")
    }

    @Test func zeroMeanRatioMakesTheSimilarityMeanZero() throws {
        let labels = Self.fixture.training.labels
        let similarity = LabelSimilarity(labels: labels, ratio: .zeroMean)
        let total = similarity.apply(Matrix<Float>(rows: labels.rows, columns: 1, repeating: 1)).elements
            .reduce(0.0) { $0 + Double($1) }
        #expect(abs(total) < 1e-3 * Double(labels.rows * labels.rows))
        #expect(similarity.different == -1)
        #expect(abs(similarity.same - 5) < 0.01, "6 equal classes: r_s = C − 1 = 5, got \(similarity.same)")
    }

    @Test func diagnosticsRecordBitsChangedAndRank() throws {
        let hasher = try Self.fixture.train("aszh", bits: 16, ["anchors": "60", "iterations": "5"])
        let iterations = hasher.diagnostics.iterations
        #expect(iterations.count == 5)
        #expect(iterations[0].bitsChanged > 0)
        let rank = Int(hasher.diagnostics.notes["z_rank"] ?? "") ?? -1
        #expect((1...16).contains(rank))
    }
}
