import CPopcount

/// One pass of a query over the database (the C kernel `hashlab_relevance_scan`):
/// the distance histogram of all items and of relevant items, and for every relevant
/// item in database order its distance and the number of items (all, and relevant)
/// at the same distance with a smaller database index.
///
/// These are sufficient statistics for every ranking metric of `RetrievalEvaluation`:
/// a counting sort over distances 0…K, stable by database index, places the item at
/// rank 1 + (items at smaller distance) + (items at the same distance before it).
struct QueryScan {
    let bitCount: Int
    private(set) var histogramAll: [UInt32]
    private(set) var histogramRelevant: [UInt32]
    private(set) var relevantDistance: [UInt32]
    private(set) var relevantPrecedingAll: [UInt32]
    private(set) var relevantPrecedingRelevant: [UInt32]
    private(set) var relevantCount = 0

    init(bitCount: Int, databaseCount: Int) {
        self.bitCount = bitCount
        histogramAll = [UInt32](repeating: 0, count: bitCount + 1)
        histogramRelevant = [UInt32](repeating: 0, count: bitCount + 1)
        relevantDistance = [UInt32](repeating: 0, count: databaseCount)
        relevantPrecedingAll = [UInt32](repeating: 0, count: databaseCount)
        relevantPrecedingRelevant = [UInt32](repeating: 0, count: databaseCount)
    }

    /// Scans query `query` against the whole database, replacing the previous contents.
    mutating func scan(
        query: Int, of queries: BinaryCodes, labels queryLabels: LabelSets,
        database: BinaryCodes, databaseLabels: LabelSets, variant: HammingKernel.Variant
    ) {
        for distance in 0...bitCount {
            histogramAll[distance] = 0
            histogramRelevant[distance] = 0
        }
        let queryWords = queries.wordsPerCode
        let labelWords = queryLabels.wordsPerItem
        relevantCount = queries.words.withUnsafeBufferPointer { queryCodes in
            database.words.withUnsafeBufferPointer { databaseCodes in
                queryLabels.words.withUnsafeBufferPointer { queryLabelWords in
                    databaseLabels.words.withUnsafeBufferPointer { databaseLabelWords in
                        histogramAll.withUnsafeMutableBufferPointer { all in
                            histogramRelevant.withUnsafeMutableBufferPointer { relevant in
                                relevantDistance.withUnsafeMutableBufferPointer { distance in
                                    relevantPrecedingAll.withUnsafeMutableBufferPointer { precedingAll in
                                        relevantPrecedingRelevant.withUnsafeMutableBufferPointer {
                                            precedingRelevant in
                                            hashlab_relevance_scan(
                                                variant.cValue, queryCodes.baseAddress! + query * queryWords,
                                                databaseCodes.baseAddress, database.count, queryWords,
                                                queryLabelWords.baseAddress! + query * labelWords,
                                                databaseLabelWords.baseAddress, labelWords,
                                                all.baseAddress, relevant.baseAddress,
                                                distance.baseAddress, precedingAll.baseAddress,
                                                precedingRelevant.baseAddress)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
