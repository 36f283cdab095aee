#include "hashlab_popcount.h"

#include <immintrin.h>

#define ALWAYS_INLINE static inline __attribute__((always_inline))

/* ---- shared bodies, inlined into each target-specific variant ---- */

ALWAYS_INLINE uint32_t code_distance(const uint64_t *a, const uint64_t *b, size_t words) {
    uint32_t distance = 0;
    for (size_t w = 0; w < words; w++) {
        distance += (uint32_t)__builtin_popcountll(a[w] ^ b[w]);
    }
    return distance;
}

ALWAYS_INLINE void distances_scalar(const uint64_t *query, const uint64_t *database,
                                    size_t count, size_t words, uint16_t *distances) {
    if (words == 1) {
        const uint64_t q = query[0];
        for (size_t i = 0; i < count; i++) {
            distances[i] = (uint16_t)__builtin_popcountll(q ^ database[i]);
        }
        return;
    }
    for (size_t i = 0; i < count; i++) {
        distances[i] = (uint16_t)code_distance(query, database + i * words, words);
    }
}

ALWAYS_INLINE uint64_t distance_sum_scalar(const uint64_t *query, const uint64_t *database,
                                           size_t count, size_t words) {
    uint64_t sum = 0;
    if (words == 1) {
        const uint64_t q = query[0];
        for (size_t i = 0; i < count; i++) {
            sum += (uint64_t)__builtin_popcountll(q ^ database[i]);
        }
        return sum;
    }
    for (size_t i = 0; i < count; i++) {
        sum += code_distance(query, database + i * words, words);
    }
    return sum;
}

/* ---- portable variant (no target attribute: whatever the baseline emits) ---- */

static void distances_portable(const uint64_t *query, const uint64_t *database, size_t count,
                               size_t words, uint16_t *distances) {
    distances_scalar(query, database, count, words, distances);
}

static uint64_t sum_portable(const uint64_t *query, const uint64_t *database, size_t count,
                             size_t words) {
    return distance_sum_scalar(query, database, count, words);
}

/* ---- POPCNT variant ---- */

#define POPCNT __attribute__((target("popcnt")))

POPCNT static void distances_popcnt(const uint64_t *query, const uint64_t *database,
                                    size_t count, size_t words, uint16_t *distances) {
    distances_scalar(query, database, count, words, distances);
}

POPCNT static uint64_t sum_popcnt(const uint64_t *query, const uint64_t *database,
                                  size_t count, size_t words) {
    return distance_sum_scalar(query, database, count, words);
}

/* ---- AVX-512 VPOPCNTDQ variant: eight 64-bit words per instruction ---- */

#define AVX512 __attribute__((target("popcnt,avx512f,avx512vpopcntdq")))

AVX512 static void distances_avx512(const uint64_t *query, const uint64_t *database,
                                    size_t count, size_t words, uint16_t *distances) {
    if (words != 1) {
        distances_scalar(query, database, count, words, distances);
        return;
    }
    const __m512i q = _mm512_set1_epi64((long long)query[0]);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m512i codes = _mm512_loadu_si512((const void *)(database + i));
        const __m512i counts = _mm512_popcnt_epi64(_mm512_xor_si512(q, codes));
        _mm_storeu_si128((__m128i *)(distances + i), _mm512_cvtepi64_epi16(counts));
    }
    for (; i < count; i++) {
        distances[i] = (uint16_t)__builtin_popcountll(query[0] ^ database[i]);
    }
}

AVX512 static uint64_t sum_avx512(const uint64_t *query, const uint64_t *database,
                                  size_t count, size_t words) {
    if (words != 1) return distance_sum_scalar(query, database, count, words);
    const __m512i q = _mm512_set1_epi64((long long)query[0]);
    __m512i total = _mm512_setzero_si512();
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m512i codes = _mm512_loadu_si512((const void *)(database + i));
        total = _mm512_add_epi64(total, _mm512_popcnt_epi64(_mm512_xor_si512(q, codes)));
    }
    uint64_t sum = (uint64_t)_mm512_reduce_add_epi64(total);
    for (; i < count; i++) sum += (uint64_t)__builtin_popcountll(query[0] ^ database[i]);
    return sum;
}

/* ---- dispatch ---- */

static hashlab_variant detect_best_variant(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vpopcntdq")
        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi2")
        && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2")
        && __builtin_cpu_supports("popcnt")) {
        return HASHLAB_VARIANT_AVX512;
    }
    if (__builtin_cpu_supports("popcnt")) return HASHLAB_VARIANT_POPCNT;
    return HASHLAB_VARIANT_PORTABLE;
}

hashlab_variant hashlab_hamming_best_variant(void) {
    static _Atomic int best = -1;
    int current = best;
    if (current < 0) {
        current = (int)detect_best_variant();
        best = current;
    }
    return (hashlab_variant)current;
}

int hashlab_hamming_variant_supported(hashlab_variant variant) {
    return variant >= HASHLAB_VARIANT_PORTABLE && variant <= hashlab_hamming_best_variant();
}

const char *hashlab_hamming_variant_name(hashlab_variant variant) {
    switch (variant) {
    case HASHLAB_VARIANT_AVX512: return "avx512-vpopcntdq";
    case HASHLAB_VARIANT_POPCNT: return "popcnt";
    default: return "portable";
    }
}

static hashlab_variant runnable(hashlab_variant variant) {
    return hashlab_hamming_variant_supported(variant) ? variant : HASHLAB_VARIANT_PORTABLE;
}

void hashlab_hamming_distances(hashlab_variant variant, const uint64_t *query,
                               const uint64_t *database, size_t count, size_t words,
                               uint16_t *distances) {
    switch (runnable(variant)) {
    case HASHLAB_VARIANT_AVX512: distances_avx512(query, database, count, words, distances); break;
    case HASHLAB_VARIANT_POPCNT: distances_popcnt(query, database, count, words, distances); break;
    default: distances_portable(query, database, count, words, distances); break;
    }
}

uint64_t hashlab_hamming_distance_sum(hashlab_variant variant, const uint64_t *query,
                                      const uint64_t *database, size_t count, size_t words) {
    switch (runnable(variant)) {
    case HASHLAB_VARIANT_AVX512: return sum_avx512(query, database, count, words);
    case HASHLAB_VARIANT_POPCNT: return sum_popcnt(query, database, count, words);
    default: return sum_portable(query, database, count, words);
    }
}
