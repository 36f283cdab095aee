import CPopcount

/// Hamming distances through the C kernel, which uses the CPU's population-count
/// instruction (AVX-512 VPOPCNTDQ or POPCNT, chosen at run time; portable C otherwise).
public enum HammingKernel {
    /// A compiled variant of the kernel. All variants give identical results.
    public enum Variant: Int, CaseIterable, Sendable, CustomStringConvertible {
        case portable = 0
        case popcnt = 1
        case avx512 = 2

        /// The fastest variant this CPU supports.
        public static var best: Variant {
            Variant(rawValue: Int(hashlab_hamming_best_variant().rawValue)) ?? .portable
        }

        /// Whether this CPU can run the variant.
        public var isSupported: Bool { hashlab_hamming_variant_supported(cValue) != 0 }

        /// "avx512-vpopcntdq", "popcnt" or "portable".
        public var description: String { String(cString: hashlab_hamming_variant_name(cValue)) }

        var cValue: hashlab_variant { hashlab_variant(rawValue: UInt32(rawValue)) }
    }

    /// Distances from code `query` of `queries` to every code of `database`, written
    /// to `distances` (which must hold `database.count` entries).
    public static func distances(
        from queries: BinaryCodes, _ query: Int, to database: BinaryCodes,
        into distances: UnsafeMutableBufferPointer<UInt16>, variant: Variant = .best
    ) {
        precondition(queries.bitCount == database.bitCount,
                     "query codes have \(queries.bitCount) bits, database codes \(database.bitCount)")
        precondition(distances.count >= database.count, "distance buffer too small")
        queries.words.withUnsafeBufferPointer { queryWords in
            database.words.withUnsafeBufferPointer { databaseWords in
                hashlab_hamming_distances(
                    variant.cValue, queryWords.baseAddress! + query * queries.wordsPerCode,
                    databaseWords.baseAddress, database.count, database.wordsPerCode,
                    distances.baseAddress)
            }
        }
    }

    /// The sum of the distances from code `query` to every database code: the bare
    /// XOR + popcount loop, the speed limit of any evaluation over the same pairs.
    public static func distanceSum(
        from queries: BinaryCodes, _ query: Int, to database: BinaryCodes, variant: Variant = .best
    ) -> UInt64 {
        precondition(queries.bitCount == database.bitCount, "code lengths differ")
        return queries.words.withUnsafeBufferPointer { queryWords in
            database.words.withUnsafeBufferPointer { databaseWords in
                hashlab_hamming_distance_sum(
                    variant.cValue, queryWords.baseAddress! + query * queries.wordsPerCode,
                    databaseWords.baseAddress, database.count, database.wordsPerCode)
            }
        }
    }
}
