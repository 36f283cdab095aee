import Dispatch
import Foundation
import HashCore
import Linalg

/// Evaluation at AWA2 scale (7,913 queries × 37,322 database items × 64 bits, 50
/// single-label classes, random codes) against the bare XOR + popcount loop over the
/// same pairs, both spread over all cores the same way.
enum EvaluationBenchmark {
    static let queryCount = 7_913
    static let databaseCount = 37_322
    static let bits = 64
    static let classes = 50
    static let rounds = 7

    static func randomCodes(_ count: Int, _ generator: inout SeededGenerator) throws -> BinaryCodes {
        try BinaryCodes(count: count, bitCount: bits, words: (0..<count).map { _ in generator.next() })
    }

    static func randomLabels(_ count: Int, _ generator: inout SeededGenerator) throws -> LabelSets {
        try LabelSets(classIndices: (0..<count).map { _ in generator.integer(below: classes) },
                      classCount: classes)
    }

    static func run() throws {
        var generator = SeededGenerator(seed: 2024, component: "bench/evaluation")
        let queries = try randomCodes(queryCount, &generator)
        let database = try randomCodes(databaseCount, &generator)
        let queryLabels = try randomLabels(queryCount, &generator)
        let databaseLabels = try randomLabels(databaseCount, &generator)
        let pairs = Double(queryCount) * Double(databaseCount)
        let cores = ProcessInfo.processInfo.activeProcessorCount

        print("hashlab bench: evaluation at AWA2 scale")
        print("  \(queryCount) queries × \(databaseCount) database items × \(bits) bits, "
            + "\(classes) classes; \(cores) cores; kernel \(HammingKernel.Variant.best); best of \(rounds), alternating")

        var checksum: UInt64 = 0
        func limitLoop() {
            let chunk = 32
            let sums = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: (queryCount + chunk - 1) / chunk)
            defer { sums.deallocate() }
            nonisolated(unsafe) let output = sums
            DispatchQueue.concurrentPerform(iterations: sums.count) { index in
                var sum: UInt64 = 0
                for query in (index * chunk)..<min(queryCount, (index + 1) * chunk) {
                    sum &+= HammingKernel.distanceSum(from: queries, query, to: database)
                }
                output[index] = sum
            }
            checksum = sums.reduce(0, &+)
        }

        // The two are timed in alternation, so that a burst of load on this shared machine
        // falls on both alike; each keeps its best time.
        var metrics: RetrievalMetrics?
        var limitSeconds = Double.infinity
        var evaluationSeconds = Double.infinity
        for _ in 0..<Self.rounds {
            limitSeconds = min(limitSeconds, Timing.once(limitLoop))
            evaluationSeconds = min(evaluationSeconds, try Timing.once {
                metrics = try RetrievalEvaluation().evaluate(
                    queries: queries, queryLabels: queryLabels, database: database, databaseLabels: databaseLabels)
            })
        }

        func rate(_ seconds: Double) -> String { String(format: "%.3g pairs/s", pairs / seconds) }
        print(String(format: "  XOR+popcount limit: %.3f s  %@  (checksum %llu)",
                     limitSeconds, rate(limitSeconds), checksum))
        print(String(format: "  mAP@all:            %.3f s  %@  (mAP %.4f, tie-aware %.4f)",
                     evaluationSeconds, rate(evaluationSeconds),
                     metrics!.meanAveragePrecision.indexOrder, metrics!.meanAveragePrecision.tieAware))
        print(String(format: "  mAP@all speed / limit: %.1f%% (target ≥ 50%%)",
                     100 * limitSeconds / evaluationSeconds))
    }
}
