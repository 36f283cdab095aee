import Foundation

/// `make bench` (`hashlab-bench [evaluation|aszh|online]…`, all when none is named).
let benchmarks: [String: () throws -> Void] = ["evaluation": EvaluationBenchmark.run, "aszh": ASZHBenchmark.run,
                                              "online": OnlineBenchmark.run]
let chosen = CommandLine.arguments.dropFirst().isEmpty ? ["evaluation", "aszh", "online"]
    : Array(CommandLine.arguments.dropFirst())
for name in chosen {
    guard let benchmark = benchmarks[name] else {
        print("hashlab-bench: unknown benchmark \(name); known: \(benchmarks.keys.sorted().joined(separator: ", "))")
        exit(2)
    }
    try benchmark()
}
