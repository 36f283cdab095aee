import HashCore
import Linalg
@testable import Methods
import Testing

/// Same parameters, data and seed give the same codes; another seed gives others.
@Suite struct DeterminismTests {
    static let fixture = ClusteredFixture(training: 120, queries: 20)

    @Test(arguments: ["lsh", "bolsh", "itq", "sdh", "ksh", "cnnh", "aszh"])
    func sameSeedSameCodes(method: String) throws {
        let parameters = method == "lsh" || method == "bolsh" || method == "itq" ? [:] : ["anchors": "40"]
        let first = try Self.fixture.train(method, bits: 16, seed: 5, parameters)
        let second = try Self.fixture.train(method, bits: 16, seed: 5, parameters)
        let other = try Self.fixture.train(method, bits: 16, seed: 6, parameters)
        let queries = Self.fixture.queries
        let codes = try first.encode(queries, modality: "features")
        #expect(codes == (try second.encode(queries, modality: "features")))
        #expect(codes != (try other.encode(queries, modality: "features")))
        #expect(first.diagnostics.iterations == second.diagnostics.iterations)
        #expect(first.diagnostics.notes == second.diagnostics.notes)
    }

    static let pairedFixture = PairedFixture(training: 120, queries: 20)

    /// The cross-modal methods, on both modalities' queries.
    @Test(arguments: ["dlfh", "cca-itq"])
    func pairedSameSeedSameCodes(method: String) throws {
        let first = try Self.pairedFixture.train(method, bits: 16, seed: 5)
        let second = try Self.pairedFixture.train(method, bits: 16, seed: 5)
        let other = try Self.pairedFixture.train(method, bits: 16, seed: 6)
        for modality in PairedFixture.modalities {
            let queries = Self.pairedFixture.queries[modality]!
            let codes = try first.encode(queries, modality: modality)
            #expect(codes == (try second.encode(queries, modality: modality)))
            #expect(codes != (try other.encode(queries, modality: modality)))
        }
        #expect(first.trainingCodes == second.trainingCodes)
        #expect(first.diagnostics.iterations == second.diagnostics.iterations)
        #expect(first.diagnostics.notes == second.diagnostics.notes)
    }
}
