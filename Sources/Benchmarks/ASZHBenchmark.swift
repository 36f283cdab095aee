import Datasets
import Foundation
import HashCore
import Linalg
import Methods

/// ASZH training at AWA2 scale: `synthetic-awa2` (seed 1), training on the proposed
/// split's trainval part (23,527 items × 2048-d), 1,000 anchors, 64 bits, default
/// parameters; time per phase (kernel features, setup, iterations, encoding of all 37,322
/// items) and peak memory, and the kernel step's GFLOP/s (2·N·D·m for the distance
/// GEMM) beside an sgemm of the same shape (N × D times D × m) timed in the same run.
/// Targets: kernel step ≥ 70% of the sgemm rate; peak memory < 2 GB.
enum ASZHBenchmark {
    static func run() throws {
        print("hashlab bench: ASZH training on synthetic-awa2 (trainval), 1,000 anchors, 64 bits")
        let contents = SyntheticAWA2().contents(seed: 1, phases: TimedPhases { print("  synthetic-awa2: \($0)") })
        let features = contents.modalities[0].features
        let trainval = contents.splits.first { $0.name == "proposed" }!.parts.first { $0.name == "trainval" }!.items
        let training = TrainingSet(features: features.selectingRows(trainval),
                                   labels: contents.labels.selectingRows(trainval).map { Float($0) })
        let (count, dimension, anchors, bits) = (training.count, features.columns, 1000, 64)
        print("  \(count) training items × \(dimension)-d; OpenBLAS \(BLASLibrary.configuration), "
            + "\(BLASLibrary.threads) threads")

        let anchorRows = training.primary.selectingRows(0..<anchors)
        let gemmSeconds = Timing.best { _ = Matrix.product(training.primary, anchorRows, transposeB: true) }
        let flops = 2 * Double(count) * Double(dimension) * Double(anchors)

        let (method, _) = try MethodRegistry.make("aszh", parameters: ["anchors": "\(anchors)"])
        var generator = SeededGenerator(seed: 1, component: "method/aszh")
        var hasher: (any TrainedHasher)?
        let trainingSeconds = try Timing.once { hasher = try method.train(training, bits: bits, generator: &generator) }
        let encodingSeconds = try Timing.once { _ = try hasher!.encode(features, modality: "features") }
        let phases = hasher!.diagnostics.phaseSeconds
        let kernelSeconds = phases["kernel"] ?? .nan

        print(String(format: "  sgemm %d × %d × %d:   %.3f s  %.1f GFLOP/s", count, dimension, anchors,
                     gemmSeconds, flops / gemmSeconds / 1e9))
        print(String(format: "  kernel features:      %.3f s  %.1f GFLOP/s  (%.0f%% of sgemm; target ≥ 70%%)",
                     kernelSeconds, flops / kernelSeconds / 1e9, 100 * gemmSeconds / kernelSeconds))
        print(String(format: "  setup (ΦᵀΦ, labels):  %.3f s", phases["setup"] ?? .nan))
        print(String(format: "  iterations (%d):      %.3f s", hasher!.diagnostics.iterations.count,
                     phases["iterations"] ?? .nan))
        print(String(format: "  training total:       %.3f s", trainingSeconds))
        print(String(format: "  encoding %d items: %.3f s", features.rows, encodingSeconds))
        print(String(format: "  peak memory:          %.2f GB (target < 2 GB)", Double(Timing.peakResidentBytes()) / 1e9))
    }
}
