import Linalg
@testable import Methods
import Testing

/// The objectives the iterative methods record never increase (up to rounding of
/// the Float products: 1e-6 relative).
@Suite struct ConvergenceTests {
    static let fixture = ClusteredFixture(training: 240, queries: 10)

    static func expectNonIncreasing(_ hasher: any TrainedHasher, _ label: String) {
        let objectives = hasher.diagnostics.iterations.map(\.objective)
        #expect(objectives.count > 1, "\(label): no iterations recorded")
        for (before, after) in zip(objectives, objectives.dropFirst()) {
            #expect(after <= before + 1e-6 * abs(before), "\(label): objective rose from \(before) to \(after)")
        }
    }

    @Test func itqQuantizationLossIsNonIncreasing() throws {
        let hasher = try Self.fixture.train("itq", bits: 16, ["iterations": "30"])
        Self.expectNonIncreasing(hasher, "itq")
        let first = hasher.diagnostics.iterations.first!.objective
        let last = hasher.diagnostics.iterations.last!.objective
        #expect(last < first, "ITQ's rotation should lower the loss: \(first) → \(last)")
    }

    @Test func sdhObjectiveIsNonIncreasing() throws {
        Self.expectNonIncreasing(try Self.fixture.train("sdh", bits: 16, ["anchors": "60", "iterations": "6"]), "sdh")
    }

    @Test func cnnhFactorisationErrorIsNonIncreasing() throws {
        let hasher = try Self.fixture.train("cnnh", bits: 12, ["anchors": "60", "sweeps": "6"])
        Self.expectNonIncreasing(hasher, "cnnh")
    }

    @Test(arguments: [
        ["balance": "exact"], ["balance": "none"], ["balance": "soft", "rho": "50"],
        ["balance": "soft", "balance_on": "b", "rho": "50"], ["solver": "discrete"],
        ["balance": "none", "ratio": "1/-5", "lambda": "100", "gamma": "0.1"],
        ["solver": "discrete", "ratio": "5/-1", "alpha": "0"],
    ])
    func aszhObjectiveIsNonIncreasing(parameters: [String: String]) throws {
        var given = parameters
        given["anchors"] = "60"
        given["iterations"] = "8"
        Self.expectNonIncreasing(try Self.fixture.train("aszh", bits: 16, given), "aszh \(parameters)")
    }
}
