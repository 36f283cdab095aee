#ifndef HASHLAB_POPCOUNT_H
#define HASHLAB_POPCOUNT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Hamming-distance kernels over packed binary codes.
 *
 * A code of K bits is `words = ceil(K / 64)` consecutive uint64 words; the database
 * is `count` codes back to back. Each entry point dispatches once, on first use, to
 * the fastest variant this CPU supports (checked with __builtin_cpu_supports):
 * AVX-512 VPOPCNTDQ (together with AVX-512 BW, VBMI, BITALG and GFNI, which the
 * relevance scan also uses: Ice Lake, Zen 4 and later), then the scalar POPCNT
 * instruction, then portable C. Every variant returns identical results; only the
 * speed differs.
 */

/// The kernel variants, slowest first.
typedef enum {
    HASHLAB_VARIANT_PORTABLE = 0,
    HASHLAB_VARIANT_POPCNT = 1,
    HASHLAB_VARIANT_AVX512 = 2
} hashlab_variant;

/// The variant the dispatcher chose for this CPU (the fastest it supports).
hashlab_variant hashlab_hamming_best_variant(void);

/// Whether this CPU can run `variant`.
int hashlab_hamming_variant_supported(hashlab_variant variant);

/// The name of a variant: "avx512-vpopcntdq", "popcnt" or "portable".
const char *hashlab_hamming_variant_name(hashlab_variant variant);

/// distances[i] = popcount(query XOR database_i) for i in [0, count).
void hashlab_hamming_distances(hashlab_variant variant, const uint64_t *query, const uint64_t *database,
                               size_t count, size_t words, uint16_t *distances);

/// The sum over i of popcount(query XOR database_i): the bare XOR + popcount loop,
/// used by the benchmark as the speed limit of any Hamming evaluation.
uint64_t hashlab_hamming_distance_sum(hashlab_variant variant, const uint64_t *query, const uint64_t *database,
                                      size_t count, size_t words);

/*
 * One pass over the database for one query, gathering everything the ranking
 * metrics need without materialising a ranking.
 *
 * Relevance of item i: (query_labels AND database_labels_i) != 0 over `label_words`
 * words. On return:
 *   histogram_all[d]      = number of items at distance d          (d in 0...bits)
 *   histogram_relevant[d] = number of relevant items at distance d
 * and for the r-th relevant item in database order (r < return value):
 *   relevant_distance[r]            = its distance d
 *   relevant_preceding_all[r]       = items at distance d with a smaller index
 *   relevant_preceding_relevant[r]  = relevant items at distance d with a smaller index
 * so its position in the ranking stable by database index is
 *   1 + (items at distance < d) + relevant_preceding_all[r].
 * Both histograms must hold bits + 1 zeroed entries (only bins that occur are
 * written); the three relevant arrays must hold `count` entries. Returns the number
 * of relevant items.
 *
 * Speed: the AVX-512 variant has a vectorised path for 64-bit codes (words == 1) that
 * counts all items without per-item scalar work and visits relevant items one by one,
 * so it is fastest when relevant items are sparse (single-label data); other shapes
 * use a blocked scalar fold.
 */
size_t hashlab_relevance_scan(hashlab_variant variant, const uint64_t *query, const uint64_t *database,
                              size_t count, size_t words,
                              const uint64_t *query_labels, const uint64_t *database_labels,
                              size_t label_words,
                              uint32_t *histogram_all, uint32_t *histogram_relevant,
                              uint32_t *relevant_distance,
                              uint32_t *relevant_preceding_all,
                              uint32_t *relevant_preceding_relevant);

#endif
