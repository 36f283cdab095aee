import Linalg
import Testing

/// Products and Gram matrices give bit-identical results under 1, 2 and 4 threads
/// (``BLASLibrary/threads``), for shapes of one and of many tiles and inner dimensions
/// across OpenBLAS's own blocking (`GEMM_Q`) boundaries, where its threaded drivers
/// rounded differently. Serialized: it sets the process-wide thread count.
@Suite(.serialized) struct ThreadCountTests {
    static func underThreads<Result: Equatable>(_ compute: () throws -> Result) rethrows -> [Int: Result] {
        let previous = BLASLibrary.threads
        defer { BLASLibrary.setThreads(previous) }
        var results: [Int: Result] = [:]
        for threads in [1, 2, 4] {
            BLASLibrary.setThreads(threads)
            results[threads] = try compute()
        }
        return results
    }

    static let shapes: [(m: Int, k: Int, n: Int)] = [
        (800, 64, 64), (800, 200, 48), (64, 800, 48), (200, 800, 200), (48, 1200, 216), (1000, 1000, 16),
        (37, 513, 1001), (300, 300, 300), (16, 2000, 300),
    ]

    @Test(arguments: [false, true], [false, true])
    func productsDoNotDependOnTheThreadCount(transposeA: Bool, transposeB: Bool) {
        var generator = SeededGenerator(seed: 5, component: "thread-count")
        for (m, k, n) in Self.shapes {
            let a = generator.normalMatrix(rows: transposeA ? k : m, columns: transposeA ? m : k, as: Float.self)
            let b = generator.normalMatrix(rows: transposeB ? n : k, columns: transposeB ? k : n, as: Float.self)
            let results = Self.underThreads { Matrix.product(a, b, transposeA: transposeA, transposeB: transposeB) }
            #expect(results[2] == results[1], "\(m) × \(k) × \(n): 2 threads")
            #expect(results[4] == results[1], "\(m) × \(k) × \(n): 4 threads")
        }
    }

    @Test func gramMatricesDoNotDependOnTheThreadCount() {
        var generator = SeededGenerator(seed: 6, component: "thread-count")
        for (m, k, _) in Self.shapes {
            let a = generator.normalMatrix(rows: m, columns: k, as: Float.self)
            let gram = Self.underThreads { a.transposedProduct() }
            let outer = Self.underThreads { a.productWithTranspose() }
            #expect(gram[2] == gram[1] && gram[4] == gram[1], "AᵀA of \(m) × \(k)")
            #expect(outer[2] == outer[1] && outer[4] == outer[1], "AAᵀ of \(m) × \(k)")
        }
    }
}
