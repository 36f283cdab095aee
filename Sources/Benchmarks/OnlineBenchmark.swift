import Datasets
import Foundation
import HashCore
import Linalg
import Methods

/// Online cross-modal hashing at MIRFlickr's shape: `synthetic-mirflickr` (seed 1), its
/// `lemon` split's 18,015 training items streamed in LEMON's chunks of 2,000 (the
/// online protocol's seeded order, seed 1; nine rounds, the last 2,015 items), 32 bits,
/// default parameters. The training seconds of every round — LEMON absorbing the
/// chunk, and DLFH, the strongest offline baseline, retrained on everything so far as
/// online runs do. Targets for LEMON: last round / first round ≤ 1.2 and every round
/// ≤ 0.2 s (the paper's MATLAB figure on MIRFlickr at 32 bits).
enum OnlineBenchmark {
    static let methods = ["lemon", "dlfh"]

    static func run() throws {
        print("hashlab bench: online rounds on synthetic-mirflickr (lemon split's train part, chunks of 2,000), 32 bits")
        let contents = SyntheticMIRFlickr().contents(seed: 1, phases: TimedPhases { print("  synthetic-mirflickr: \($0)") })
        let train = contents.splits.first { $0.name == "lemon" }!.parts.first { $0.name == "train" }!.items
        let chunks = try OnlineProtocol(chunkSize: 2000)
            .chunked(ProtocolSplit(training: train, queries: [], database: []), seed: 1).chunks
        let modalities = contents.modalities.map(\.name)
        print("  \(train.count) items in \(chunks.count) rounds; modalities "
              + contents.modalities.map { "\($0.name) \($0.features.columns)-d" }.joined(separator: ", ")
              + "; OpenBLAS \(BLASLibrary.configuration), \(BLASLibrary.threads) threads")

        var seconds: [String: [Double]] = [:]
        for name in methods {
            let (method, _) = try MethodRegistry.make(name, parameters: [:])
            var generator = SeededGenerator(seed: 1, component: "method/\(name)")
            var online = try (method as? any OnlineHashingMethod)?.begin(bits: 32)
            var seen: [Int] = []
            for chunk in chunks {
                seen += chunk
                let items = online == nil ? seen : chunk
                let data = TrainingSet(modalities: modalities,
                                       features: Dictionary(uniqueKeysWithValues: contents.modalities.map {
                                           ($0.name, $0.features.selectingRows(items))
                                       }),
                                       labels: contents.labels.selectingRows(items).map { Float($0) })
                if var state = online {
                    seconds[name, default: []].append(try Timing.once { try state.absorb(data, generator: &generator) })
                    online = state
                } else {
                    var roundGenerator = SeededGenerator(seed: 1, component: "method/\(name)")
                    seconds[name, default: []].append(try Timing.once {
                        _ = try method.train(data, bits: 32, generator: &roundGenerator)
                    })
                }
            }
        }
        print("  round  items  " + methods.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
        var items = 0
        for (round, chunk) in chunks.enumerated() {
            items += chunk.count
            print(String(format: "  %5d  %5d  ", round + 1, items)
                  + methods.map { String(format: "%7.3f s ", seconds[$0]![round]) }.joined())
        }
        let lemon = seconds["lemon"]!
        print(String(format: "  lemon: last / first round %.2f (target ≤ 1.2); slowest round %.3f s (target ≤ 0.2 s)",
                     lemon.last! / lemon.first!, lemon.max()!))
        let dlfh = seconds["dlfh"]!
        print(String(format: "  dlfh:  last / first round %.1f (retrained on everything so far)", dlfh.last! / dlfh.first!))
    }
}
