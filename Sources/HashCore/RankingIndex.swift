import CPopcount
import Foundation

/// A database indexed for Hamming ranking by the C kernel (`hashlab_ranking.h`): per
/// query, the distance histograms of all and of relevant items and (unless only the
/// tie-aware values are wanted) the sums of precisions at the relevant items' ranks,
/// without materialising the ranking.
///
/// The ranking is a counting sort over distances 0…K, stable by database index; the
/// statistics are sufficient for every metric of `RetrievalEvaluation`. The index is
/// immutable once built and may be shared by threads: each call of `rank` ranks
/// through a `Workspace` taken from a pool (one per thread at a time, reused across calls).
final class RankingIndex: @unchecked Sendable {
    private let index: OpaquePointer
    let bitCount: Int
    private let queryWords: Int
    private let labelWords: Int
    private let cutoffs: [Int]
    private let cutoffWords: [UInt32]
    private let poolLock = NSLock()
    private var pool: [Workspace] = []

    /// `cutoffs` (the K of the @K metrics) must be clamped to 1…N already.
    init(database: BinaryCodes, labels: LabelSets, variant: HammingKernel.Variant, cutoffs: [Int]) {
        bitCount = database.bitCount
        queryWords = database.wordsPerCode
        labelWords = labels.wordsPerItem
        self.cutoffs = cutoffs
        cutoffWords = cutoffs.map { UInt32($0) }
        let created = database.words.withUnsafeBufferPointer { codes in
            labels.words.withUnsafeBufferPointer { labelWords in
                hashlab_ranking_index_create(
                    variant.cValue, codes.baseAddress, database.count, database.wordsPerCode,
                    UInt32(database.bitCount), labelWords.baseAddress, labels.wordsPerItem)
            }
        }
        guard let created else { fatalError("out of memory indexing \(database.count) codes for ranking") }
        index = created
    }

    deinit { hashlab_ranking_index_destroy(index) }

    /// Scratch memory and output buffers for ranking against the index from one thread.
    final class Workspace {
        fileprivate let workspace: OpaquePointer
        fileprivate var histogramAll: [UInt32]
        fileprivate var histogramRelevant: [UInt32]
        fileprivate var relevantCounts: [Int]
        fileprivate var precisionSums: [Double]
        fileprivate var hits: [UInt32]

        init(_ index: RankingIndex) {
            guard let created = hashlab_ranking_workspace_create(index.index) else {
                fatalError("out of memory for a ranking workspace")
            }
            workspace = created
            let block = Int(HASHLAB_RANKING_BLOCK)
            histogramAll = [UInt32](repeating: 0, count: block * (index.bitCount + 1))
            histogramRelevant = histogramAll
            relevantCounts = [Int](repeating: 0, count: block)
            precisionSums = [Double](repeating: 0, count: block * (index.cutoffs.count + 1))
            hits = [UInt32](repeating: 0, count: block * index.cutoffs.count)
        }

        deinit { hashlab_ranking_workspace_destroy(workspace) }
    }

    /// Ranks queries `range` of `queries` and hands each query's statistics, with its
    /// index, to `body`, in query order. Without `indexOrder` the kernel counts the
    /// distance histograms alone (`hashlab_ranking_histograms`, about half the work) and
    /// the statistics carry no index-order sums.
    func rank(queries: BinaryCodes, labels: LabelSets, range: Range<Int>, indexOrder: Bool = true,
              _ body: (Int, RankingStatistics) -> Void) {
        precondition(queries.wordsPerCode == queryWords && labels.wordsPerItem == labelWords,
                     "queries and database differ in shape")
        let workspace = poolLock.withLock { pool.popLast() } ?? Workspace(self)
        defer { poolLock.withLock { pool.append(workspace) } }
        let block = Int(HASHLAB_RANKING_BLOCK)
        let bins = bitCount + 1
        let cutoffCount = cutoffs.count
        var first = range.lowerBound
        while first < range.upperBound {
            let count = min(block, range.upperBound - first)
            queries.words.withUnsafeBufferPointer { codes in
                labels.words.withUnsafeBufferPointer { labelBits in
                    cutoffWords.withUnsafeBufferPointer { cutoffWords in
                        workspace.histogramAll.withUnsafeMutableBufferPointer { all in
                            workspace.histogramRelevant.withUnsafeMutableBufferPointer { relevant in
                                workspace.relevantCounts.withUnsafeMutableBufferPointer { counts in
                                    workspace.precisionSums.withUnsafeMutableBufferPointer { sums in
                                        workspace.hits.withUnsafeMutableBufferPointer { hits in
                                            let queryCodes = codes.baseAddress! + first * queryWords
                                            let queryLabels = labelBits.baseAddress! + first * labelWords
                                            if indexOrder {
                                                hashlab_ranking_rank(
                                                    index, workspace.workspace, count, queryCodes, queryLabels,
                                                    cutoffWords.baseAddress, cutoffCount, all.baseAddress,
                                                    relevant.baseAddress, counts.baseAddress, sums.baseAddress,
                                                    hits.baseAddress)
                                            } else {
                                                hashlab_ranking_histograms(
                                                    index, workspace.workspace, count, queryCodes, queryLabels,
                                                    all.baseAddress, relevant.baseAddress, counts.baseAddress)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            workspace.histogramAll.withUnsafeBufferPointer { all in
                workspace.histogramRelevant.withUnsafeBufferPointer { relevant in
                    workspace.precisionSums.withUnsafeBufferPointer { sums in
                        workspace.hits.withUnsafeBufferPointer { hits in
                            for query in 0..<count {
                                let histogram = (query * bins)..<((query + 1) * bins)
                                let sumRange = (query * (cutoffCount + 1))..<((query + 1) * (cutoffCount + 1))
                                let hitRange = (query * cutoffCount)..<((query + 1) * cutoffCount)
                                let indexOrderSums = indexOrder ? RankingStatistics.IndexOrderSums(
                                    precisionSums: UnsafeBufferPointer(rebasing: sums[sumRange]),
                                    hits: UnsafeBufferPointer(rebasing: hits[hitRange])) : nil
                                body(first + query, RankingStatistics(
                                    histogramAll: UnsafeBufferPointer(rebasing: all[histogram]),
                                    histogramRelevant: UnsafeBufferPointer(rebasing: relevant[histogram]),
                                    relevantCount: workspace.relevantCounts[query],
                                    indexOrder: indexOrderSums, cutoffs: cutoffs))
                            }
                        }
                    }
                }
            }
            first += count
        }
    }
}
