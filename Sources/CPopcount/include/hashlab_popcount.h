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
 * AVX-512 VPOPCNTDQ (together with AVX-512 BW, DQ, VL and VBMI2 and BMI1/2, which the
 * ranking kernel of hashlab_ranking.h also uses: Ice Lake, Zen 4 and later), then the
 * scalar POPCNT instruction, then portable C. Every variant returns identical results;
 * only the speed differs.
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

#endif
