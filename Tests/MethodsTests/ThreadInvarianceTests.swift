import HashCore
import Linalg
@testable import Methods
import Testing

/// Every registered method gives bit-identical codes, training codes and per-iteration
/// diagnostics under 1, 2 and 4 threads (``BLASLibrary/threads``), trained in this one
/// process on a fixture large enough that products span several tiles and that
/// OpenBLAS's own threaded drivers would have split them (800 items × 64 dimensions;
/// kernel methods on 200 anchors; paired methods on two views of 40 and 24 dimensions,
/// query codes of both compared). On ea36b42, with OpenBLAS threads, it failed with 30
/// issues. Serialized: it sets the process-wide thread count.
@Suite(.serialized) struct ThreadInvarianceTests {
    static let fixture = ClusteredFixture(seed: 3, classes: 8, dimension: 64, training: 800, queries: 100,
                                          multiLabel: true)
    static let pairedFixture = PairedFixture(seed: 3, classes: 8, dimensions: [40, 24], training: 800, queries: 100)

    /// Defaults, except anchors and samples sized to the fixture.
    static func parameters(of method: any HashingMethod.Type) -> [String: String] {
        var given: [String: String] = [:]
        let names = Set(method.parameters.map(\.name))
        if names.contains("anchors") { given["anchors"] = "200" }
        if names.contains("samples") { given["samples"] = "600" }
        return given
    }

    struct Trained: Equatable {
        var queryCodes: [String: BinaryCodes]
        var trainingCodes: BinaryCodes?
        var iterations: [TrainingDiagnostics.Iteration]
        var notes: [String: String]
    }

    static func train(_ method: any HashingMethod.Type, bits: Int, threads: Int) throws -> Trained {
        let previous = BLASLibrary.threads
        BLASLibrary.setThreads(threads)
        defer { BLASLibrary.setThreads(previous) }
        let hasher: any TrainedHasher
        let queries: [String: Matrix<Float>]
        switch method.modalityNeeds {
        case .one:
            hasher = try fixture.train(method.name, bits: bits, seed: 7, parameters(of: method))
            queries = ["features": fixture.queries]
        case .paired:
            hasher = try pairedFixture.train(method.name, bits: bits, seed: 7, parameters(of: method))
            queries = pairedFixture.queries
        }
        let queryCodes = Dictionary(uniqueKeysWithValues: try queries.map { modality, features in
            (modality, try hasher.encode(features, modality: modality))
        })
        return Trained(queryCodes: queryCodes, trainingCodes: hasher.trainingCodes,
                       iterations: hasher.diagnostics.iterations, notes: hasher.diagnostics.notes)
    }

    @Test(arguments: MethodRegistry.methods.map { $0.name })
    func codesDoNotDependOnTheThreadCount(method name: String) throws {
        let method = try MethodRegistry.method(named: name)
        for bits in [16, 48] {
            let single = try Self.train(method, bits: bits, threads: 1)
            for threads in [2, 4] {
                let several = try Self.train(method, bits: bits, threads: threads)
                #expect(several.queryCodes == single.queryCodes, "\(name), \(bits) bits: query codes, \(threads) threads")
                #expect(several.trainingCodes == single.trainingCodes,
                        "\(name), \(bits) bits: training codes, \(threads) threads")
                #expect(several.iterations == single.iterations, "\(name), \(bits) bits: iterations, \(threads) threads")
                #expect(several.notes == single.notes, "\(name), \(bits) bits: notes, \(threads) threads")
            }
        }
    }
}
