#include "hashlab_popcount.h"

#include <immintrin.h>
#include <stdbool.h>

/* Items per block of the relevance scan: distances and relevance bits of a block
   are computed first (vectorisable), then folded into the histograms. */
#define BLOCK 512

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

/* Relevance bits of one block: bit j of relevant[j / 64] is set when item j shares a label.
   Each word is gathered in a register and stored once. */
ALWAYS_INLINE void relevance_bits(const uint64_t *query_labels, const uint64_t *labels,
                                  size_t count, size_t label_words, uint64_t *relevant) {
    for (size_t start = 0; start < count; start += 64) {
        const size_t length = count - start < 64 ? count - start : 64;
        uint64_t bits = 0;
        if (label_words == 1) {
            const uint64_t q = query_labels[0];
            for (size_t j = 0; j < length; j++) {
                bits |= (uint64_t)((q & labels[start + j]) != 0) << j;
            }
        } else {
            for (size_t j = 0; j < length; j++) {
                const uint64_t *item = labels + (start + j) * label_words;
                uint64_t shared = 0;
                for (size_t w = 0; w < label_words; w++) shared |= query_labels[w] & item[w];
                bits |= (uint64_t)(shared != 0) << j;
            }
        }
        relevant[start / 64] = bits;
    }
}

/* Folds one block into the histograms, recording relevant items in index order. */
ALWAYS_INLINE size_t fold_block(const uint16_t *distances, const uint64_t *relevant, size_t count,
                                uint32_t *histogram_all, uint32_t *histogram_relevant,
                                uint32_t *relevant_distance, uint32_t *relevant_preceding_all,
                                uint32_t *relevant_preceding_relevant) {
    size_t found = 0;
    for (size_t start = 0; start < count; start += 64) {
        const size_t length = count - start < 64 ? count - start : 64;
        const uint64_t bits = relevant[start / 64];
        for (size_t j = start; j < start + length; j++) {
            const uint32_t d = distances[j];
            if ((bits >> (j - start)) & 1) {
                relevant_distance[found] = d;
                relevant_preceding_all[found] = histogram_all[d];
                relevant_preceding_relevant[found] = histogram_relevant[d];
                histogram_relevant[d] += 1;
                found += 1;
            }
            histogram_all[d] += 1;
        }
    }
    return found;
}

#define DEFINE_SCAN(NAME, DISTANCES)                                                          \
    static size_t NAME(const uint64_t *query, const uint64_t *database, size_t count,        \
                       size_t words, const uint64_t *query_labels,                           \
                       const uint64_t *database_labels, size_t label_words,                  \
                       uint32_t *histogram_all, uint32_t *histogram_relevant,                \
                       uint32_t *relevant_distance, uint32_t *relevant_preceding_all,        \
                       uint32_t *relevant_preceding_relevant) {                              \
        uint16_t distances[BLOCK];                                                           \
        uint64_t relevant[BLOCK / 64];                                                       \
        size_t found = 0;                                                                    \
        for (size_t start = 0; start < count; start += BLOCK) {                              \
            const size_t length = count - start < BLOCK ? count - start : BLOCK;             \
            DISTANCES(query, database + start * words, length, words, distances);            \
            relevance_bits(query_labels, database_labels + start * label_words, length,      \
                           label_words, relevant);                                           \
            found += fold_block(distances, relevant, length, histogram_all,                  \
                                histogram_relevant, relevant_distance + found,               \
                                relevant_preceding_all + found,                              \
                                relevant_preceding_relevant + found);                        \
        }                                                                                    \
        return found;                                                                        \
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

DEFINE_SCAN(scan_portable, distances_scalar)

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

POPCNT DEFINE_SCAN(scan_popcnt, distances_scalar)

/* ---- AVX-512 VPOPCNTDQ variant: eight 64-bit words per instruction ---- */

/* Besides VPOPCNTDQ, the relevance scan uses BW, VBMI, BITALG and GFNI, present on every CPU
   with VPOPCNTDQ except Knights Mill; the dispatcher checks them all. */
#define AVX512                                                                                \
    __attribute__((target("popcnt,avx512f,avx512bw,avx512vbmi,avx512bitalg,avx512vpopcntdq,gfni")))

AVX512 ALWAYS_INLINE void distances_avx512_inline(const uint64_t *query, const uint64_t *database,
                                                  size_t count, size_t words,
                                                  uint16_t *distances) {
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

AVX512 static void distances_avx512(const uint64_t *query, const uint64_t *database,
                                    size_t count, size_t words, uint16_t *distances) {
    distances_avx512_inline(query, database, count, words, distances);
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

AVX512 DEFINE_SCAN(scan_avx512_general, distances_avx512_inline)

/*
 * The AVX-512 relevance scan of 64-bit codes (words == 1), block by block of FAST_BLOCK items.
 *
 * All items, vectorised: each item's distance d becomes a one-hot lane 1 << d (d == 64 gives
 * 0; that bin is counted at the end as the items not in any other). The one-hots are summed
 * bit-sliced with carry-save adders (Harley-Seal): per block, planes of weight 1, 2, 4, ..., 64
 * hold, for every lane and bit position, the binary digits of how many of the block's items in
 * that lane have that distance. At the block's end each plane is turned into per-distance
 * counts (plane_counts), weighted and added to `running`, the all-items histogram of the
 * blocks so far.
 *
 * Relevant items, one by one in index order (rare in single-label data): the block's distances
 * are also kept packed one byte per item; a relevant item's preceding-all count is `running`
 * at its distance (the blocks before) plus the number of earlier items of its block whose
 * distance byte equals its own (byte compares, popcounted).
 */
#define FAST_GROUPS 8                   /* groups of 64 items per block */
#define FAST_BLOCK (64 * FAST_GROUPS)

/* Carry-save adder: sum and carry bits of a + b + c, bitwise. */
AVX512 ALWAYS_INLINE void csa(__m512i *carry, __m512i *sum, __m512i a, __m512i b, __m512i c) {
    *sum = _mm512_ternarylogic_epi64(a, b, c, 0x96);   /* a ^ b ^ c */
    *carry = _mm512_ternarylogic_epi64(a, b, c, 0xE8); /* majority(a, b, c) */
}

/* Adds eight vectors to the bit-sliced counter (ones, twos, fours); returns the carry of weight
   eight. */
AVX512 ALWAYS_INLINE __m512i csa8(__m512i *ones, __m512i *twos, __m512i *fours,
                                  const __m512i in[8]) {
    __m512i twos_a, twos_b, fours_a, fours_b, eights;
    csa(&twos_a, ones, *ones, in[0], in[1]);
    csa(&twos_b, ones, *ones, in[2], in[3]);
    csa(&fours_a, twos, *twos, twos_a, twos_b);
    csa(&twos_a, ones, *ones, in[4], in[5]);
    csa(&twos_b, ones, *ones, in[6], in[7]);
    csa(&fours_b, twos, *twos, twos_a, twos_b);
    csa(&eights, fours, *fours, fours_a, fours_b);
    return eights;
}

/* Byte b of the result = how many of the plane's eight 64-bit lanes have bit b set. The bytes
   are transposed so qword k holds byte k of every lane; GF2P8AFFINEQB with the data as the
   matrix then gathers bit j of those eight bytes into byte j, and VPOPCNTB counts them. */
AVX512 ALWAYS_INLINE __m512i plane_counts(__m512i plane) {
    const __m512i transpose = _mm512_set_epi8(
        63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6,
        61, 53, 45, 37, 29, 21, 13, 5, 60, 52, 44, 36, 28, 20, 12, 4,
        59, 51, 43, 35, 27, 19, 11, 3, 58, 50, 42, 34, 26, 18, 10, 2,
        57, 49, 41, 33, 25, 17, 9, 1, 56, 48, 40, 32, 24, 16, 8, 0);
    const __m512i single_bits = _mm512_set1_epi64((long long)0x8040201008040201ull);
    const __m512i gathered = _mm512_permutexvar_epi8(transpose, plane);
    return _mm512_popcnt_epi8(_mm512_gf2p8affine_epi64_epi8(single_bits, gathered, 0));
}

/* Packs eight vectors of distances (one per 64-bit lane) into 64 bytes in item order:
   vector k lane l is item 8k + l. */
AVX512 ALWAYS_INLINE __m512i pack_distances(const __m512i d[8]) {
    /* Low bytes of the lanes of a then b, into bytes 0..15; then pairs of those, and so on. */
    const __m512i pairs = _mm512_set_epi8(
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        120, 112, 104, 96, 88, 80, 72, 64, 56, 48, 40, 32, 24, 16, 8, 0);
    const __m512i quads = _mm512_set_epi8(
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        79, 78, 77, 76, 75, 74, 73, 72, 71, 70, 69, 68, 67, 66, 65, 64,
        15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    const __m512i halves = _mm512_set_epi8(
        95, 94, 93, 92, 91, 90, 89, 88, 87, 86, 85, 84, 83, 82, 81, 80,
        79, 78, 77, 76, 75, 74, 73, 72, 71, 70, 69, 68, 67, 66, 65, 64,
        31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16,
        15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    const __m512i p01 = _mm512_permutex2var_epi8(d[0], pairs, d[1]);
    const __m512i p23 = _mm512_permutex2var_epi8(d[2], pairs, d[3]);
    const __m512i p45 = _mm512_permutex2var_epi8(d[4], pairs, d[5]);
    const __m512i p67 = _mm512_permutex2var_epi8(d[6], pairs, d[7]);
    const __m512i p0123 = _mm512_permutex2var_epi8(p01, quads, p23);
    const __m512i p4567 = _mm512_permutex2var_epi8(p45, quads, p67);
    return _mm512_permutex2var_epi8(p0123, halves, p4567);
}

/* Adds the per-distance counts of bins 0..63 (16-bit, as two vectors of 32) to running[]. */
AVX512 ALWAYS_INLINE void add_counts(uint32_t running[64], __m512i low16, __m512i high16) {
    const __m512i parts[4] = {
        _mm512_cvtepu16_epi32(_mm512_castsi512_si256(low16)),
        _mm512_cvtepu16_epi32(_mm512_extracti64x4_epi64(low16, 1)),
        _mm512_cvtepu16_epi32(_mm512_castsi512_si256(high16)),
        _mm512_cvtepu16_epi32(_mm512_extracti64x4_epi64(high16, 1)),
    };
    for (int k = 0; k < 4; k++) {
        __m512i *bins = (__m512i *)(void *)(running + 16 * k);
        _mm512_store_si512(bins, _mm512_add_epi32(_mm512_load_si512(bins), parts[k]));
    }
}

/* One block of `length` <= FAST_BLOCK items starting at item `start` of the scan. */
AVX512 ALWAYS_INLINE size_t fast_block(const uint64_t *query, const uint64_t *database,
                                       size_t start, size_t length,
                                       const uint64_t *query_labels,
                                       const uint64_t *database_labels, size_t label_words,
                                       uint32_t running[64], uint32_t *histogram_relevant,
                                       uint32_t *relevant_distance,
                                       uint32_t *relevant_preceding_all,
                                       uint32_t *relevant_preceding_relevant) {
    _Alignas(64) uint8_t packed[FAST_BLOCK];
    uint64_t relevant[FAST_GROUPS];
    const __m512i q = _mm512_set1_epi64((long long)query[0]);
    const __m512i q_labels = _mm512_set1_epi64((long long)query_labels[0]);
    const __m512i one = _mm512_set1_epi64(1);
    __m512i ones = _mm512_setzero_si512(), twos = ones, fours = ones;
    __m512i eights[FAST_GROUPS];
    const size_t groups = (length + 63) / 64;
    for (size_t g = 0; g < FAST_GROUPS; g++) {
        eights[g] = _mm512_setzero_si512();
        if (g >= groups) continue;
        __m512i distances[8], one_hot[8];
        uint64_t bits = 0;
        for (size_t k = 0; k < 8; k++) {
            const size_t first = 64 * g + 8 * k; /* within the block */
            const size_t left = first < length ? length - first : 0;
            const __mmask8 valid = left >= 8 ? 0xFF : (__mmask8)((1u << left) - 1);
            const uint64_t *codes = database + start + first;
            distances[k] = _mm512_popcnt_epi64(
                _mm512_xor_si512(q, _mm512_maskz_loadu_epi64(valid, codes)));
            one_hot[k] = _mm512_maskz_sllv_epi64(valid, one, distances[k]);
            if (label_words == 1) {
                const uint64_t *labels = database_labels + start + first;
                bits |= (uint64_t)_mm512_mask_test_epi64_mask(
                            valid, q_labels, _mm512_maskz_loadu_epi64(valid, labels))
                        << (8 * k);
            }
        }
        if (label_words != 1) {
            const size_t first = 64 * g;
            relevance_bits(query_labels, database_labels + (start + first) * label_words,
                           length - first < 64 ? length - first : 64, label_words, &bits);
        }
        relevant[g] = bits;
        _mm512_store_si512((void *)(packed + 64 * g), pack_distances(distances));
        eights[g] = csa8(&ones, &twos, &fours, one_hot);
    }
    __m512i eights_plane = _mm512_setzero_si512(), sixteens = eights_plane,
            thirty_twos = eights_plane;
    const __m512i sixty_fours = csa8(&eights_plane, &sixteens, &thirty_twos, eights);

    /* Relevant items, in index order, against `running` of the blocks before. */
    size_t found = 0;
    uint32_t items_before_64 = 0; /* lazily: items before this block at distance 64 */
    bool have_before_64 = false;
    for (size_t g = 0; g < groups; g++) {
        for (uint64_t bits = relevant[g]; bits != 0; bits &= bits - 1) {
            const unsigned t = (unsigned)__builtin_ctzll(bits);
            const uint32_t d = packed[64 * g + t];
            const __m512i same = _mm512_set1_epi8((char)d);
            uint32_t preceding = (uint32_t)__builtin_popcountll(
                _mm512_cmpeq_epi8_mask(_mm512_load_si512((const void *)(packed + 64 * g)), same)
                & ((1ull << t) - 1));
            for (size_t u = 0; u < g; u++) {
                preceding += (uint32_t)__builtin_popcountll(_mm512_cmpeq_epi8_mask(
                    _mm512_load_si512((const void *)(packed + 64 * u)), same));
            }
            if (d < 64) {
                preceding += running[d];
            } else {
                if (!have_before_64) {
                    uint32_t others = 0;
                    for (size_t b = 0; b < 64; b++) others += running[b];
                    items_before_64 = (uint32_t)start - others;
                    have_before_64 = true;
                }
                preceding += items_before_64;
            }
            relevant_distance[found] = d;
            relevant_preceding_all[found] = preceding;
            relevant_preceding_relevant[found] = histogram_relevant[d];
            histogram_relevant[d] += 1;
            found += 1;
        }
    }

    /* Per-distance counts: (c1 + 2 c2 + 4 c4 + 8 c8) + 16 (c16 + 2 c32 + 4 c64), where cW
       counts the plane of weight W; each part fits a byte, the total 16 bits. */
    __m512i low = plane_counts(eights_plane);
    low = _mm512_add_epi8(_mm512_add_epi8(low, low), plane_counts(fours));
    low = _mm512_add_epi8(_mm512_add_epi8(low, low), plane_counts(twos));
    low = _mm512_add_epi8(_mm512_add_epi8(low, low), plane_counts(ones));
    __m512i high = plane_counts(sixty_fours);
    high = _mm512_add_epi8(_mm512_add_epi8(high, high), plane_counts(thirty_twos));
    high = _mm512_add_epi8(_mm512_add_epi8(high, high), plane_counts(sixteens));
    const __m512i total_low = _mm512_add_epi16(
        _mm512_cvtepu8_epi16(_mm512_castsi512_si256(low)),
        _mm512_slli_epi16(_mm512_cvtepu8_epi16(_mm512_castsi512_si256(high)), 4));
    const __m512i total_high = _mm512_add_epi16(
        _mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(low, 1)),
        _mm512_slli_epi16(_mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(high, 1)), 4));
    add_counts(running, total_low, total_high);
    return found;
}

AVX512 static size_t scan_avx512(const uint64_t *query, const uint64_t *database, size_t count,
                                 size_t words, const uint64_t *query_labels,
                                 const uint64_t *database_labels, size_t label_words,
                                 uint32_t *histogram_all, uint32_t *histogram_relevant,
                                 uint32_t *relevant_distance, uint32_t *relevant_preceding_all,
                                 uint32_t *relevant_preceding_relevant) {
    if (words != 1) {
        return scan_avx512_general(query, database, count, words, query_labels, database_labels,
                                   label_words, histogram_all, histogram_relevant,
                                   relevant_distance, relevant_preceding_all,
                                   relevant_preceding_relevant);
    }
    _Alignas(64) uint32_t running[64] = {0};
    size_t found = 0, start = 0;
    for (; start + FAST_BLOCK <= count; start += FAST_BLOCK) {
        found += fast_block(query, database, start, FAST_BLOCK, query_labels, database_labels,
                            label_words, running, histogram_relevant, relevant_distance + found,
                            relevant_preceding_all + found, relevant_preceding_relevant + found);
    }
    if (start < count) {
        found += fast_block(query, database, start, count - start, query_labels,
                            database_labels, label_words, running, histogram_relevant,
                            relevant_distance + found, relevant_preceding_all + found,
                            relevant_preceding_relevant + found);
    }
    /* Only bins that occurred are touched: codes shorter than 64 bits have fewer bins. */
    uint32_t others = 0;
    for (size_t b = 0; b < 64; b++) {
        if (running[b] != 0) histogram_all[b] += running[b];
        others += running[b];
    }
    if (count - others != 0) histogram_all[64] += (uint32_t)(count - others);
    return found;
}

/* ---- dispatch ---- */

static hashlab_variant detect_best_variant(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vpopcntdq")
        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi")
        && __builtin_cpu_supports("avx512bitalg")
        && __builtin_cpu_supports("gfni")
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

size_t hashlab_relevance_scan(hashlab_variant variant, const uint64_t *query,
                              const uint64_t *database, size_t count, size_t words,
                              const uint64_t *query_labels, const uint64_t *database_labels,
                              size_t label_words, uint32_t *histogram_all,
                              uint32_t *histogram_relevant, uint32_t *relevant_distance,
                              uint32_t *relevant_preceding_all,
                              uint32_t *relevant_preceding_relevant) {
    switch (runnable(variant)) {
    case HASHLAB_VARIANT_AVX512:
        return scan_avx512(query, database, count, words, query_labels, database_labels,
                           label_words, histogram_all, histogram_relevant, relevant_distance,
                           relevant_preceding_all, relevant_preceding_relevant);
    case HASHLAB_VARIANT_POPCNT:
        return scan_popcnt(query, database, count, words, query_labels, database_labels,
                           label_words, histogram_all, histogram_relevant, relevant_distance,
                           relevant_preceding_all, relevant_preceding_relevant);
    default:
        return scan_portable(query, database, count, words, query_labels, database_labels,
                             label_words, histogram_all, histogram_relevant, relevant_distance,
                             relevant_preceding_all, relevant_preceding_relevant);
    }
}
