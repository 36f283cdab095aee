#include "hashlab_ranking.h"

#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

/*
 * The bit-sliced kernel (AVX-512, codes of at most 64 bits).
 *
 * Layout. The database is cut into LANES = 8 segments of `segment` = 64 x chunks items, one per
 * 64-bit lane of a 512-bit vector; chunk t holds items 64t...64t+63 of every segment. For each
 * chunk and code bit b the index stores a plane: a vector whose lane l has bit p set when item
 * l * segment + 64t + p has bit b set. It also stores the planes of |x| and of bits - |x|
 * (seven each) and a mask of the items that exist.
 *
 * Distances, 512 items at a time. With c = popcount(x AND q) over the query's ones,
 * dist = |x| + |q| - 2c; with c = popcount(x AND NOT q) over the query's zeros,
 * dist = |q| - |x| + 2c. The kernel takes the smaller of the two sets (at most 32 planes),
 * sums those planes with carry-save adders (Harley-Seal) into the binary digits of c, and adds
 * the weight planes and the per-query constant bit-sliced, modulo 128 (-2c = 2(127 - c) + 2):
 *     ones:  dist = |x| + 2(~c) + (|q| + 2)        zeros:  dist = (bits - |x|) + 2c + (|q| - bits)
 * which leaves the seven digit planes d0...d6 of every item's distance. Two queries are summed
 * together, so that their dependency chains overlap.
 *
 * Relevant items come from a list in chunk order (per label, built with the index; merged per
 * query for several labels), each entry with its code and its lane and position. Each query's
 * list is read eight items at a time while the chunk's digit planes are still in registers: an
 * item's distance d is recomputed with VPOPCNTQ, its lane's word of each digit plane is picked
 * with a permute, and those words XNOR the digits of d mark the items of its segment at
 * distance d in the chunk; the ones below its position, plus its segment's count at d over the
 * chunks before, are the items ahead of it in its tie group. Nothing is stored per chunk but
 * the counters.
 *
 * Histogram. A trie over the digits gives each distance's mask: d6 alone marks distance 64;
 * below it, two digits at a time (one ternary-logic instruction per node) split the items into
 * sixteen-distance quarters, four-distance nodes and single distances. An empty quarter prunes
 * its subtree, so random 64-bit codes visit 32 of the 65 distances. (Pruning empty nodes too
 * costs more in mispredicted branches than it saves.) Each distance mask is popcounted per lane
 * and added to a 32-bit per-lane counter: the items of each segment at each distance so far.
 *
 * At the end the counters give each (distance, segment) key its rank base, and one pass over
 * the relevant items gives their ranks and hits (see finish_query). Every variant ends in that
 * pass: the item-by-item path records the same (key, items ahead) pairs with one key per
 * distance.
 *
 * Histograms alone (hashlab_ranking_histograms, for the tie-aware metrics) run the same chunk
 * loop without the relevant-item pass and count the relevant items' distances from their codes.
 */

#define ALWAYS_INLINE static inline __attribute__((always_inline))
#define AVX512 __attribute__((target("popcnt,bmi,bmi2,avx512f,avx512bw,avx512dq,avx512vl,avx512vbmi2,avx512vpopcntdq")))

#define LANES 8
#define CHUNK (64 * LANES)
#define LEAVES 65       /* distances 0...64 */
#define PAIR_VECTORS 33 /* distance d: 32-bit field d % 2 of each lane of vector d / 2 */
#define DIGITS 7

struct hashlab_ranking_index {
    hashlab_variant variant;
    int sliced;
    size_t count, words, label_words, labels;
    unsigned bits;
    size_t chunks, segment, mask_words;
    uint64_t *codes;        /* count x words */
    uint64_t *label_masks;  /* labels x mask_words; bit i: item i carries the label */
    uint64_t *entries;      /* per label, chunk-major: lane | (64 - position) << 3 */
    uint64_t *entry_codes;  /* the code of each entry */
    uint32_t *list_starts;  /* per label: chunks + 1 offsets into its list */
    size_t *list_offsets;   /* per label: where its list begins in `entries` */
    uint64_t *planes;       /* chunks x (bits + 1) x LANES; plane `bits` stays zero */
    uint64_t *weights;      /* chunks x 2 x DIGITS x LANES: digits of |x|, of bits - |x| */
    uint64_t *valid;        /* chunks x LANES */
};

typedef struct {
    uint64_t code, invert;
    uint64_t constant[DIGITS];
    const uint64_t *weights;
    uint32_t plane_offsets[32]; /* LANES x the planes summed, padded with the zero plane */
    unsigned groups;
    const uint64_t *entries;
    const uint64_t *entry_codes;
    const uint32_t *starts;
    /* Per relevant item, at its place in the list (starts[chunks] items in all): */
    uint16_t *keys;    /* distance x LANES + lane */
    uint32_t *ahead;   /* items ahead of it in its tie group, in its segment */
    uint64_t *counters; /* PAIR_VECTORS x LANES */
} sliced_query;

struct hashlab_ranking_workspace {
    uint64_t *relevance;                      /* mask_words */
    uint64_t *entries, *entry_codes;          /* BLOCK x count */
    uint32_t *list_starts;                    /* BLOCK x (chunks + 1) */
    uint16_t *keys;                           /* BLOCK x count */
    uint32_t *ahead;                          /* BLOCK x count */
    uint64_t *scratch;                        /* count */
    uint64_t *counters;                       /* BLOCK x PAIR_VECTORS x LANES */
    uint32_t *base, *base_relevant;           /* keys */
    uint64_t *key_table;                      /* keys */
    uint16_t *distances;                      /* CHUNK */
    sliced_query queries[HASHLAB_RANKING_BLOCK];
};

/* 64-byte aligned memory, uninitialised (NULL when out of memory). */
static void *uninitialised(size_t bytes) {
    const size_t rounded = (bytes + 63) / 64 * 64;
    return aligned_alloc(64, rounded == 0 ? 64 : rounded);
}

static void *zeroed(size_t bytes) {
    const size_t rounded = (bytes + 63) / 64 * 64;
    void *memory = aligned_alloc(64, rounded == 0 ? 64 : rounded);
    if (memory) memset(memory, 0, rounded == 0 ? 64 : rounded);
    return memory;
}

/* ---- the bit-sliced kernel ---- */

AVX512 ALWAYS_INLINE void csa(__m512i *carry, __m512i *sum, __m512i a, __m512i b, __m512i c) {
    *sum = _mm512_ternarylogic_epi64(a, b, c, 0x96);   /* a ^ b ^ c */
    *carry = _mm512_ternarylogic_epi64(a, b, c, 0xE8); /* majority(a, b, c) */
}

AVX512 ALWAYS_INLINE int nonzero(__m512i v) { return _mm512_test_epi64_mask(v, v) != 0; }

/* parent AND (high digit == X) AND (low digit == Y) */
#define NODE(parent, high, low, X, Y) _mm512_ternarylogic_epi64(parent, high, low, 1 << (4 + 2 * (X) + (Y)))
/* The seven distance digit planes of chunk t for two queries at once (two independent
   dependency chains keep the vector units busy). */
AVX512 ALWAYS_INLINE void sliced_distances_of(const hashlab_ranking_index *index, const sliced_query *const query[2],
                                              size_t t, __m512i d[2][DIGITS], const unsigned groups) {
    const uint64_t *planes = index->planes + t * (index->bits + 1) * LANES;
    const __m512i zero = _mm512_setzero_si512();
    __m512i ones[2] = {zero, zero}, twos[2] = {zero, zero}, fours[2] = {zero, zero};
    __m512i eights[2][4] = {{zero, zero, zero, zero}, {zero, zero, zero, zero}};
#pragma clang loop unroll(full)
    for (unsigned g = 0; g < groups; g++) {
#pragma clang loop unroll(full)
        for (int q = 0; q < 2; q++) {
            __m512i in[8];
            for (int k = 0; k < 8; k++) {
                in[k] = _mm512_load_si512((const void *)(planes + query[q]->plane_offsets[8 * g + k]));
            }
            __m512i twos_a, twos_b, fours_a, fours_b;
            csa(&twos_a, &ones[q], ones[q], in[0], in[1]);
            csa(&twos_b, &ones[q], ones[q], in[2], in[3]);
            csa(&fours_a, &twos[q], twos[q], twos_a, twos_b);
            csa(&twos_a, &ones[q], ones[q], in[4], in[5]);
            csa(&twos_b, &ones[q], ones[q], in[6], in[7]);
            csa(&fours_b, &twos[q], twos[q], twos_a, twos_b);
            csa(&eights[q][g], &fours[q], fours[q], fours_a, fours_b);
        }
    }
    const uint64_t *weight_base[2] = {query[0]->weights + t * 2 * DIGITS * LANES, query[1]->weights + t * 2 * DIGITS * LANES};
#pragma clang loop unroll(full)
    for (int q = 0; q < 2; q++) {
        __m512i sixteens_a, eights_sum;
        csa(&sixteens_a, &eights_sum, eights[q][0], eights[q][1], eights[q][2]);
        const __m512i sixteens_b = _mm512_and_si512(eights_sum, eights[q][3]);
        const __m512i invert = _mm512_set1_epi64((long long)query[q]->invert);
        const __m512i c[6] = {
            _mm512_xor_si512(ones[q], invert),
            _mm512_xor_si512(twos[q], invert),
            _mm512_xor_si512(fours[q], invert),
            _mm512_ternarylogic_epi64(eights_sum, eights[q][3], invert, 0x96),
            _mm512_ternarylogic_epi64(sixteens_a, sixteens_b, invert, 0x96),
            _mm512_ternarylogic_epi64(sixteens_a, sixteens_b, invert, 0x6A), /* (a & b) ^ invert */
        };
        __m512i w[DIGITS];
        for (int b = 0; b < DIGITS; b++) w[b] = _mm512_load_si512((const void *)(weight_base[q] + b * LANES));
        /* v = w + 2c' (mod 128), then d = v + constant (mod 128). */
        __m512i v[DIGITS], carry;
        v[0] = w[0];
        v[1] = _mm512_xor_si512(w[1], c[0]);
        carry = _mm512_and_si512(w[1], c[0]);
        for (int b = 2; b < DIGITS; b++) {
            v[b] = _mm512_ternarylogic_epi64(w[b], c[b - 1], carry, 0x96);
            if (b < DIGITS - 1) carry = _mm512_ternarylogic_epi64(w[b], c[b - 1], carry, 0xE8);
        }
        const __m512i constant0 = _mm512_set1_epi64((long long)query[q]->constant[0]);
        d[q][0] = _mm512_xor_si512(v[0], constant0);
        carry = _mm512_and_si512(v[0], constant0);
        for (int b = 1; b < DIGITS; b++) {
            const __m512i constant = _mm512_set1_epi64((long long)query[q]->constant[b]);
            d[q][b] = _mm512_ternarylogic_epi64(v[b], constant, carry, 0x96);
            if (b < DIGITS - 1) carry = _mm512_ternarylogic_epi64(v[b], constant, carry, 0xE8);
        }
    }
}

/* sliced_distances_of with the number of plane groups fixed at compile time, so that the
   group loop unrolls and its carries stay in registers. */
AVX512 ALWAYS_INLINE void sliced_distances(const hashlab_ranking_index *index, const sliced_query *const query[2],
                                           size_t t, __m512i d[2][DIGITS], unsigned groups) {
    switch (groups) {
    case 0: sliced_distances_of(index, query, t, d, 0); break;
    case 1: sliced_distances_of(index, query, t, d, 1); break;
    case 2: sliced_distances_of(index, query, t, d, 2); break;
    case 3: sliced_distances_of(index, query, t, d, 3); break;
    default: sliced_distances_of(index, query, t, d, 4); break;
    }
}

/* Counts the four distances below a four-distance node into two counter vectors. */
AVX512 ALWAYS_INLINE void count_node(__m512i node, __m512i d1, __m512i d0, unsigned first, uint64_t *counters) {
    __m512i *pair0 = (__m512i *)(void *)(counters + (first / 2) * LANES);
    __m512i *pair1 = pair0 + 1;
    const __m512i leaf[4] = {NODE(node, d1, d0, 0, 0), NODE(node, d1, d0, 0, 1), NODE(node, d1, d0, 1, 0),
                             NODE(node, d1, d0, 1, 1)};
    const __m512i counts0 = _mm512_add_epi64(_mm512_popcnt_epi64(leaf[0]),
                                             _mm512_slli_epi64(_mm512_popcnt_epi64(leaf[1]), 32));
    const __m512i counts1 = _mm512_add_epi64(_mm512_popcnt_epi64(leaf[2]),
                                             _mm512_slli_epi64(_mm512_popcnt_epi64(leaf[3]), 32));
    _mm512_store_si512(pair0, _mm512_add_epi64(_mm512_load_si512(pair0), counts0));
    _mm512_store_si512(pair1, _mm512_add_epi64(_mm512_load_si512(pair1), counts1));
}

/* The sixteen distances below a node of the top two digits (d5 d4), unless it is empty. */
AVX512 ALWAYS_INLINE void count_quarter(__m512i node, const __m512i d[DIGITS], unsigned first, uint64_t *counters) {
    if (!nonzero(node)) return;
    count_node(NODE(node, d[3], d[2], 0, 0), d[1], d[0], first + 0, counters);
    count_node(NODE(node, d[3], d[2], 0, 1), d[1], d[0], first + 4, counters);
    count_node(NODE(node, d[3], d[2], 1, 0), d[1], d[0], first + 8, counters);
    count_node(NODE(node, d[3], d[2], 1, 1), d[1], d[0], first + 12, counters);
}

AVX512 ALWAYS_INLINE void sliced_count(const hashlab_ranking_index *index, sliced_query *query, size_t t,
                                       const __m512i d[DIGITS]) {
    const __m512i valid = _mm512_load_si512((const void *)(index->valid + t * LANES));
    const __m512i top = _mm512_and_si512(d[6], valid);
    if (nonzero(top)) {
        __m512i *counter = (__m512i *)(void *)(query->counters + 32 * LANES);
        _mm512_store_si512(counter, _mm512_add_epi64(_mm512_load_si512(counter), _mm512_popcnt_epi64(top)));
    }
    const __m512i root = _mm512_andnot_si512(d[6], valid);
    count_quarter(NODE(root, d[5], d[4], 0, 0), d, 0, query->counters);
    count_quarter(NODE(root, d[5], d[4], 0, 1), d, 16, query->counters);
    count_quarter(NODE(root, d[5], d[4], 1, 0), d, 32, query->counters);
    count_quarter(NODE(root, d[5], d[4], 1, 1), d, 48, query->counters);
}

/* The relevant items of chunk t for one query, between the chunk's distances (`d`, the query's
   digit planes) and its counts, while the counters hold the chunks before: for each item, its
   key (distance x LANES + lane) and the items ahead of it at its distance in its segment,
   written at the item's place in the query's list, eight items at a time. (Taking two queries'
   lists as one, to fill the vectors, cost more in expanding loads and two-table permutes.) */
AVX512 ALWAYS_INLINE void sliced_relevant(sliced_query *query, size_t t, const __m512i d[DIGITS]) {
    uint32_t next = query->starts[t];
    const uint32_t end = query->starts[t + 1];
    const __m512i code = _mm512_set1_epi64((long long)query->code);
    const __m512i lane_bits = _mm512_set1_epi64(LANES - 1), one = _mm512_set1_epi64(1);
    const int *counters = (const int *)(const void *)query->counters;
    const uint64_t *const list = query->entries, *const list_codes = query->entry_codes;
    uint16_t *const keys_out = query->keys;
    uint32_t *const ahead_out = query->ahead;
    while (next < end) {
        const uint32_t taken = end - next < 8 ? end - next : 8;
        const __mmask8 present = (__mmask8)((1u << taken) - 1);
        const __m512i entries = _mm512_maskz_loadu_epi64(present, list + next);
        const __m512i distance =
            _mm512_popcnt_epi64(_mm512_xor_si512(_mm512_maskz_loadu_epi64(present, list_codes + next), code));
        const __m512i lane = _mm512_and_si512(entries, lane_bits);
        /* Bit p of `match`: the item at position p of the item's lane has the item's distance. */
        __m512i mismatch = _mm512_setzero_si512();
#pragma clang loop unroll(full)
        for (int b = 0; b < DIGITS - 1; b++) {
            const __m512i digit = _mm512_srai_epi64(_mm512_slli_epi64(distance, 63 - b), 63);
            mismatch = _mm512_ternarylogic_epi64(mismatch, _mm512_permutexvar_epi64(lane, d[b]), digit, 0xF6);
        }
        const __m512i digit6 = _mm512_srai_epi64(_mm512_slli_epi64(distance, 63 - 6), 63);
        const __m512i match = _mm512_ternarylogic_epi64(mismatch, _mm512_permutexvar_epi64(lane, d[6]), digit6, 0x09);
        /* Entries hold 64 - position above the lane: shifting the match left by that leaves the
           items before the position. */
        const __m512i below = _mm512_popcnt_epi64(_mm512_sllv_epi64(match, _mm512_srli_epi64(entries, 3)));
        const __m512i counter = _mm512_ternarylogic_epi64(_mm512_slli_epi64(_mm512_srli_epi64(distance, 1), 4),
                                                          _mm512_and_si512(distance, one),
                                                          _mm512_add_epi64(lane, lane), 0xFE);
        const __m256i ahead =
            _mm256_add_epi32(_mm512_mask_i64gather_epi32(_mm256_setzero_si256(), present, counter, counters, 4),
                             _mm512_cvtepi64_epi32(below));
        _mm_mask_storeu_epi16(keys_out + next, present,
                              _mm512_cvtepi64_epi16(_mm512_or_si512(_mm512_slli_epi64(distance, 3), lane)));
        _mm256_mask_storeu_epi32(ahead_out + next, present, ahead);
        next += taken;
    }
}

/* One or two queries against every chunk: the counters, and with `relevant` the relevant
   items' keys and items ahead. */
AVX512 ALWAYS_INLINE void sliced_pass(const hashlab_ranking_index *index, sliced_query *queries, size_t count,
                                      int relevant) {
    const sliced_query *pair[2] = {&queries[0], &queries[count - 1]};
    const unsigned groups = pair[0]->groups > pair[1]->groups ? pair[0]->groups : pair[1]->groups;
    for (size_t t = 0; t < index->chunks; t++) {
        __m512i d[2][DIGITS];
        sliced_distances(index, pair, t, d, groups);
        if (relevant) {
            for (size_t q = 0; q < count; q++) sliced_relevant(&queries[q], t, d[q]);
        }
        for (size_t q = 0; q < count; q++) sliced_count(index, &queries[q], t, d[q]);
    }
}

AVX512 static void rank_sliced(const hashlab_ranking_index *index, sliced_query *queries, size_t count) {
    sliced_pass(index, queries, count, 1);
}

AVX512 static void count_sliced(const hashlab_ranking_index *index, sliced_query *queries, size_t count) {
    sliced_pass(index, queries, count, 0);
}

/* Bytes 0, 1, ..., 63. */
AVX512 ALWAYS_INLINE __m512i byte_positions(void) {
    return _mm512_set_epi8(63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42,
                           41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20,
                           19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
}

/* Inclusive prefix sums of eight 32-bit lanes. */
AVX512 ALWAYS_INLINE __m256i lane_prefix_sums(__m256i x) {
    x = _mm256_add_epi32(x, _mm256_maskz_permutexvar_epi32(0xFE, _mm256_set_epi32(6, 5, 4, 3, 2, 1, 0, 0), x));
    x = _mm256_add_epi32(x, _mm256_maskz_permutexvar_epi32(0xFC, _mm256_set_epi32(5, 4, 3, 2, 1, 0, 0, 0), x));
    return _mm256_add_epi32(x, _mm256_maskz_permutexvar_epi32(0xF0, _mm256_set_epi32(3, 2, 1, 0, 0, 0, 0, 0), x));
}

/* Turns counts per (distance, segment) key, counts[d * LANES + l] for first <= d < end, into
   `start` + the counts of every earlier key of that range, in place, and sums them per distance
   into histogram[d] (for d <= bits). */
AVX512 static void key_bases(uint32_t *counts, uint32_t start, unsigned first, unsigned end, unsigned bits,
                             uint32_t *histogram) {
    const __m256i last = _mm256_set1_epi32(7);
    __m256i running = _mm256_set1_epi32((int)start);
    for (unsigned d = first; d < end; d++) {
        __m256i *keys = (__m256i *)(void *)(counts + d * LANES);
        const __m256i count = _mm256_loadu_si256(keys);
        const __m256i sums = lane_prefix_sums(count);
        _mm256_storeu_si256(keys, _mm256_sub_epi32(_mm256_add_epi32(running, sums), count));
        const __m256i total = _mm256_permutexvar_epi32(last, sums);
        running = _mm256_add_epi32(running, total);
        if (d <= bits) histogram[d] = (uint32_t)_mm256_cvtsi256_si32(total);
    }
}

/* The rank bases of one query, base[d * LANES + l] = 1 + items at distance < d + items at
   distance d in segments before l, and its histogram. */
AVX512 static void sliced_bases(const hashlab_ranking_index *index, const sliced_query *query, uint32_t *base,
                                uint32_t *histogram) {
    for (unsigned d = 0; d < LEAVES; d++) {
        const __m512i pair = _mm512_load_si512((const void *)(query->counters + (d / 2) * LANES));
        _mm256_storeu_si256((__m256i *)(void *)(base + d * LANES),
                            _mm512_cvtepi64_epi32((d & 1) ? _mm512_srli_epi64(pair, 32) : pair));
    }
    key_bases(base, 1, 0, LEAVES, index->bits, histogram);
}

/* ---- relevance ---- */

/* The single label of a label set, or -1 (none or several). */
static long single_label(const uint64_t *labels, size_t label_words) {
    long found = -1;
    for (size_t w = 0; w < label_words; w++) {
        if (labels[w] == 0) continue;
        if (found >= 0 || (labels[w] & (labels[w] - 1)) != 0) return -1;
        found = (long)(64 * w + (size_t)__builtin_ctzll(labels[w]));
    }
    return found;
}

/* The relevance words of a query (bit i: item i shares a label): a label's own words when it
   has one label, otherwise their union in `scratch`. */
static const uint64_t *relevance_words(const hashlab_ranking_index *index, const uint64_t *labels,
                                       uint64_t *scratch) {
    const long label = single_label(labels, index->label_words);
    if (label >= 0) return index->label_masks + (size_t)label * index->mask_words;
    memset(scratch, 0, index->mask_words * sizeof(uint64_t));
    for (size_t w = 0; w < index->label_words; w++) {
        for (uint64_t bits = labels[w]; bits != 0; bits &= bits - 1) {
            const uint64_t *mask = index->label_masks + (64 * w + (size_t)__builtin_ctzll(bits)) * index->mask_words;
            for (size_t k = 0; k < index->mask_words; k++) scratch[k] |= mask[k];
        }
    }
    return scratch;
}

/* Writes the chunk-major list of the set bits of `relevance` (entries and codes) and its chunk
   offsets. */
static void chunk_list(const hashlab_ranking_index *index, const uint64_t *relevance, uint64_t *entries,
                       uint64_t *codes, uint32_t *starts) {
    size_t found = 0;
    for (size_t t = 0; t < index->chunks; t++) {
        starts[t] = (uint32_t)found;
        for (unsigned lane = 0; lane < LANES; lane++) {
            for (uint64_t bits = relevance[lane * index->chunks + t]; bits != 0; bits &= bits - 1) {
                const unsigned position = (unsigned)__builtin_ctzll(bits);
                entries[found] = lane | (uint64_t)(64 - position) << 3;
                codes[found] = index->codes[lane * index->segment + 64 * t + position];
                found++;
            }
        }
    }
    starts[index->chunks] = (uint32_t)found;
}

/* ---- results ---- */

/* Precisions are added in fixed point, in units of 2^-44 (each precision truncated), so that
   their sum does not depend on the order of the items: the vectorised and the scalar pass, the
   bit-sliced and the item-by-item kernel all return the same bits. */
#define PRECISION_SCALE 0x1p44
#define FLUSH_EVERY (1u << 16) /* vector steps before 8 lanes of 2^44-unit sums could overflow */

/* Sums hits / rank over the items (rank in the low, hits in the high half of each word) ranked
   within `limit`, and counts them. */
static void precision_pass_scalar(const uint64_t *items, size_t count, uint32_t limit, double *sum, uint32_t *within) {
    unsigned __int128 total = 0;
    uint32_t counted = 0;
    for (size_t k = 0; k < count; k++) {
        const uint32_t rank = (uint32_t)items[k], hits = (uint32_t)(items[k] >> 32);
        if (rank > limit) continue;
        total += (uint64_t)((double)hits / (double)rank * PRECISION_SCALE);
        counted++;
    }
    *sum = (double)total / PRECISION_SCALE;
    *within = counted;
}

/* The same, divided, scaled and added eight at a time. */
AVX512 static void precision_pass_avx512(const uint64_t *items, size_t count, uint32_t limit, double *sum,
                                         uint32_t *within) {
    unsigned __int128 total = 0;
    uint32_t counted = 0;
    __m512i lanes = _mm512_setzero_si512();
    const __m256i bound = _mm256_set1_epi32((int)limit);
    const __m512d scale = _mm512_set1_pd(PRECISION_SCALE);
    unsigned steps = 0;
    for (size_t k = 0; k < count; k += 8) {
        const size_t left = count - k;
        const __mmask8 present = left >= 8 ? 0xFF : (__mmask8)((1u << left) - 1);
        const __m512i pairs = _mm512_mask_loadu_epi64(_mm512_set1_epi64(1ll << 32 | 1), present, items + k);
        const __m256i rank = _mm512_cvtepi64_epi32(pairs), hits = _mm512_cvtepi64_epi32(_mm512_srli_epi64(pairs, 32));
        const __mmask8 taken = present & _mm256_cmple_epu32_mask(rank, bound);
        const __m512d precision = _mm512_div_pd(_mm512_cvtepu32_pd(hits), _mm512_cvtepu32_pd(rank));
        lanes = _mm512_mask_add_epi64(lanes, taken, lanes, _mm512_cvttpd_epu64(_mm512_mul_pd(precision, scale)));
        counted += (uint32_t)__builtin_popcount(taken);
        if (++steps == FLUSH_EVERY) {
            _Alignas(64) uint64_t parts[8];
            _mm512_store_si512((void *)parts, lanes);
            for (int l = 0; l < 8; l++) total += parts[l];
            lanes = _mm512_setzero_si512();
            steps = 0;
        }
    }
    _Alignas(64) uint64_t parts[8];
    _mm512_store_si512((void *)parts, lanes);
    for (int l = 0; l < 8; l++) total += parts[l];
    *sum = (double)total / PRECISION_SCALE;
    *within = counted;
}

/* One query's relevant items, as either kernel records them: per item a key, ordered as the
   ranking orders its tie groups (distance, then segment), and the items ahead of it in its
   group; `base[key]` is 1 + the items of every earlier group. Items with one key come in
   database order. */
typedef struct {
    const uint16_t *keys;
    const uint32_t *ahead;
    size_t found;
    const uint32_t *base;
    unsigned lanes; /* keys per distance */
} relevant_items;

/* Everything about a query's relevant items: the histogram of their distances, their ranks
   (base + items ahead) and hits (relevant items ranked at or above them: those of earlier keys,
   plus those of the same key up to them, in database order), and the precision sums over all
   and within each cutoff. Only the keys from the nearest to the farthest occupied distance (of
   `histogram_all`) are visited. `base_relevant`, `key_table` and `scratch` are scratch memory.

   The ranks and hits come from one table entry per key, the key's rank base in the low and its
   hits so far in the high half: one load and one store per item. */
static void finish_query(hashlab_variant variant, const relevant_items *items, unsigned bits,
                         const uint32_t *cutoffs, size_t cutoff_count, uint32_t *base_relevant, uint64_t *key_table,
                         uint64_t *scratch, const uint32_t *histogram_all, uint32_t *histogram_relevant,
                         double *sums, uint32_t *hits) {
    const size_t lanes = items->lanes, found = items->found;
    const uint16_t *const item_keys = items->keys;
    const uint32_t *const ahead = items->ahead;
    unsigned nearest = 0, farthest = bits;
    while (nearest < bits && histogram_all[nearest] == 0) nearest++;
    while (farthest > nearest && histogram_all[farthest] == 0) farthest--;
    const size_t first_key = nearest * lanes, end_key = (farthest + 1) * lanes;
    memset(histogram_relevant, 0, (bits + 1) * sizeof(uint32_t));
    memset(base_relevant + first_key, 0, (end_key - first_key) * sizeof(uint32_t));
    for (size_t k = 0; k < found; k++) base_relevant[item_keys[k]]++;
    if (lanes == LANES) {
        key_bases(base_relevant, 0, nearest, farthest + 1, bits, histogram_relevant);
    } else {
        uint32_t running = 0;
        for (unsigned d = nearest; d <= farthest; d++) {
            const uint32_t count = base_relevant[d];
            base_relevant[d] = running;
            running += count;
            histogram_relevant[d] = count;
        }
    }
    for (size_t key = first_key; key < end_key; key++) {
        key_table[key] = items->base[key] | (uint64_t)base_relevant[key] << 32;
    }
    for (size_t k = 0; k < found; k++) {
        const uint64_t entry = key_table[item_keys[k]] + (1ull << 32);
        key_table[item_keys[k]] = entry;
        scratch[k] = entry + ahead[k];
    }
    void (*pass)(const uint64_t *, size_t, uint32_t, double *, uint32_t *) =
        variant == HASHLAB_VARIANT_AVX512 ? precision_pass_avx512 : precision_pass_scalar;
    uint32_t all;
    pass(scratch, items->found, UINT32_MAX, &sums[0], &all);
    for (size_t c = 0; c < cutoff_count; c++) pass(scratch, items->found, cutoffs[c], &sums[1 + c], &hits[c]);
}

/* Prepares the workspace's first `query_count` queries: codes, planes to sum, relevant lists
   and cleared counters. */
AVX512 static void sliced_setup(const hashlab_ranking_index *index, hashlab_ranking_workspace *workspace,
                                size_t query_count, const uint64_t *query_codes, const uint64_t *query_labels) {
    const unsigned bits = index->bits;
    const uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
    for (size_t q = 0; q < query_count; q++) {
        sliced_query *query = &workspace->queries[q];
        const uint64_t code = query_codes[q] & mask;
        const unsigned ones = (unsigned)__builtin_popcountll(code);
        const int count_ones = ones <= bits - ones;
        query->code = code;
        query->invert = count_ones ? ~0ull : 0;
        const unsigned constant = count_ones ? (ones + 2) & 127 : (ones + 128 - bits) & 127;
        for (int b = 0; b < DIGITS; b++) query->constant[b] = (constant >> b) & 1 ? ~0ull : 0;
        query->weights = index->weights + (count_ones ? 0 : DIGITS * LANES);
        const uint64_t wanted = count_ones ? code : ~code & mask;
        const __m512i positions = _mm512_mask_compress_epi8(_mm512_set1_epi8((char)bits), wanted, byte_positions());
        _mm512_storeu_si512((void *)query->plane_offsets,
                            _mm512_slli_epi32(_mm512_cvtepu8_epi32(_mm512_castsi512_si128(positions)), 3));
        _mm512_storeu_si512((void *)(query->plane_offsets + 16),
                            _mm512_slli_epi32(_mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(positions, 1)), 3));
        query->groups = ((unsigned)__builtin_popcountll(wanted) + 7) / 8;

        const uint64_t *labels = query_labels + q * index->label_words;
        const long label = single_label(labels, index->label_words);
        if (label >= 0) {
            query->entries = index->entries + index->list_offsets[label];
            query->entry_codes = index->entry_codes + index->list_offsets[label];
            query->starts = index->list_starts + (size_t)label * (index->chunks + 1);
        } else {
            uint64_t *entries = workspace->entries + q * index->count;
            uint64_t *codes = workspace->entry_codes + q * index->count;
            uint32_t *starts = workspace->list_starts + q * (index->chunks + 1);
            chunk_list(index, relevance_words(index, labels, workspace->relevance), entries, codes, starts);
            query->entries = entries;
            query->entry_codes = codes;
            query->starts = starts;
        }
        query->keys = workspace->keys + q * index->count;
        query->ahead = workspace->ahead + q * index->count;
        query->counters = workspace->counters + q * PAIR_VECTORS * LANES;
        memset(query->counters, 0, PAIR_VECTORS * LANES * sizeof(uint64_t));
    }
}

/* One or two queries through the bit-sliced kernel. With `ranks`, everything
   hashlab_ranking_rank reports; without, the histograms alone: the chunks without the
   relevant-item pass, then each relevant item's distance from its code. */
AVX512 static void sliced_block(const hashlab_ranking_index *index, hashlab_ranking_workspace *workspace,
                                size_t query_count, const uint64_t *query_codes, const uint64_t *query_labels,
                                int ranks, const uint32_t *cutoffs, size_t cutoff_count, uint32_t *histogram_all,
                                uint32_t *histogram_relevant, size_t *relevant_counts, double *sums, uint32_t *hits) {
    const unsigned bits = index->bits;
    sliced_setup(index, workspace, query_count, query_codes, query_labels);
    if (ranks) {
        rank_sliced(index, workspace->queries, query_count);
    } else {
        count_sliced(index, workspace->queries, query_count);
    }
    for (size_t q = 0; q < query_count; q++) {
        const sliced_query *query = &workspace->queries[q];
        uint32_t *all = histogram_all + q * (bits + 1), *relevant = histogram_relevant + q * (bits + 1);
        sliced_bases(index, query, workspace->base, all);
        const uint32_t found = query->starts[index->chunks];
        if (ranks) {
            const relevant_items items = {query->keys, query->ahead, found, workspace->base, LANES};
            finish_query(index->variant, &items, bits, cutoffs, cutoff_count, workspace->base_relevant,
                         workspace->key_table, workspace->scratch, all, relevant, sums + q * (cutoff_count + 1),
                         hits + q * cutoff_count);
        } else {
            memset(relevant, 0, (bits + 1) * sizeof(uint32_t));
            for (uint32_t k = 0; k < found; k++) relevant[__builtin_popcountll(query->entry_codes[k] ^ query->code)]++;
        }
        relevant_counts[q] = found;
    }
}

/* ---- the item-by-item path ---- */

/* Counts one query's items per distance into histogram_all and, unless `ranks` is set, its
   relevant items into histogram_relevant; with `ranks` it records each relevant item's distance
   and the items ahead of it (workspace keys and ahead) instead. Returns R. */
static size_t general_pass(const hashlab_ranking_index *index, hashlab_ranking_workspace *workspace,
                           const uint64_t *query_code, const uint64_t *query_labels, int ranks,
                           uint32_t *histogram_all, uint32_t *histogram_relevant) {
    const uint64_t *relevance = relevance_words(index, query_labels, workspace->relevance);
    memset(histogram_all, 0, (index->bits + 1) * sizeof(uint32_t));
    if (!ranks) memset(histogram_relevant, 0, (index->bits + 1) * sizeof(uint32_t));
    size_t found = 0;
    for (size_t start = 0; start < index->count; start += CHUNK) {
        const size_t length = index->count - start < CHUNK ? index->count - start : CHUNK;
        hashlab_hamming_distances(index->variant, query_code, index->codes + start * index->words, length,
                                  index->words, workspace->distances);
        for (size_t j = 0; j < length; j++) {
            const size_t item = start + j;
            const uint16_t d = workspace->distances[j];
            if ((relevance[item / 64] >> (item % 64)) & 1) {
                if (ranks) {
                    workspace->keys[found] = d;
                    workspace->ahead[found] = histogram_all[d];
                } else {
                    histogram_relevant[d]++;
                }
                found++;
            }
            histogram_all[d]++;
        }
    }
    return found;
}

static void rank_one_general(const hashlab_ranking_index *index, hashlab_ranking_workspace *workspace,
                             const uint64_t *query_code, const uint64_t *query_labels, const uint32_t *cutoffs,
                             size_t cutoff_count, uint32_t *histogram_all, uint32_t *histogram_relevant,
                             size_t *relevant_count, double *sums, uint32_t *hits) {
    const size_t found = general_pass(index, workspace, query_code, query_labels, 1, histogram_all, NULL);
    uint32_t running = 1;
    for (unsigned d = 0; d <= index->bits; d++) {
        workspace->base[d] = running;
        running += histogram_all[d];
    }
    const relevant_items items = {workspace->keys, workspace->ahead, found, workspace->base, 1};
    finish_query(index->variant, &items, index->bits, cutoffs, cutoff_count, workspace->base_relevant,
                 workspace->key_table, workspace->scratch, histogram_all, histogram_relevant, sums, hits);
    *relevant_count = found;
}

void hashlab_ranking_rank(const hashlab_ranking_index *index, hashlab_ranking_workspace *workspace,
                          size_t query_count, const uint64_t *query_codes, const uint64_t *query_labels,
                          const uint32_t *cutoffs, size_t cutoff_count, uint32_t *histogram_all,
                          uint32_t *histogram_relevant, size_t *relevant_counts, double *precision_sums,
                          uint32_t *hits) {
    if (query_count > HASHLAB_RANKING_BLOCK) query_count = HASHLAB_RANKING_BLOCK;
    if (index->sliced) {
        sliced_block(index, workspace, query_count, query_codes, query_labels, 1, cutoffs, cutoff_count,
                     histogram_all, histogram_relevant, relevant_counts, precision_sums, hits);
        return;
    }
    const size_t bins = index->bits + 1;
    for (size_t q = 0; q < query_count; q++) {
        rank_one_general(index, workspace, query_codes + q * index->words, query_labels + q * index->label_words,
                         cutoffs, cutoff_count, histogram_all + q * bins, histogram_relevant + q * bins,
                         &relevant_counts[q], precision_sums + q * (cutoff_count + 1), hits + q * cutoff_count);
    }
}

void hashlab_ranking_histograms(const hashlab_ranking_index *index, hashlab_ranking_workspace *workspace,
                                size_t query_count, const uint64_t *query_codes, const uint64_t *query_labels,
                                uint32_t *histogram_all, uint32_t *histogram_relevant, size_t *relevant_counts) {
    if (query_count > HASHLAB_RANKING_BLOCK) query_count = HASHLAB_RANKING_BLOCK;
    if (index->sliced) {
        sliced_block(index, workspace, query_count, query_codes, query_labels, 0, NULL, 0, histogram_all,
                     histogram_relevant, relevant_counts, NULL, NULL);
        return;
    }
    const size_t bins = index->bits + 1;
    for (size_t q = 0; q < query_count; q++) {
        relevant_counts[q] = general_pass(index, workspace, query_codes + q * index->words,
                                          query_labels + q * index->label_words, 0, histogram_all + q * bins,
                                          histogram_relevant + q * bins);
    }
}

/* ---- building ---- */

/* Transposes a 64 x 64 bit matrix in place: bit c of word r moves to bit r of word c. */
static void transpose64(uint64_t a[64]) {
    uint64_t mask = 0x00000000FFFFFFFFull;
    for (unsigned j = 32; j != 0; j >>= 1, mask ^= mask << j) {
        for (unsigned k = 0; k < 64; k = ((k | j) + 1) & ~j) {
            const uint64_t swapped = ((a[k] >> j) ^ a[k | j]) & mask;
            a[k | j] ^= swapped;
            a[k] ^= swapped << j;
        }
    }
}

/* The seven digit planes of the weights of 64 codes (bit p of plane b: bit b of the weight of code
   p) and of bits - weight, from byte tests. */
AVX512 static void weight_planes(const uint64_t code[64], unsigned bits, uint64_t weight[DIGITS],
                                 uint64_t complement[DIGITS]) {
    uint8_t counts[64];
    for (size_t p = 0; p < 64; p++) counts[p] = (uint8_t)__builtin_popcountll(code[p]);
    const __m512i w = _mm512_loadu_si512((const void *)counts);
    const __m512i c = _mm512_sub_epi8(_mm512_set1_epi8((char)bits), w);
    for (int b = 0; b < DIGITS; b++) {
        weight[b] = _mm512_test_epi8_mask(w, _mm512_set1_epi8((char)(1 << b)));
        complement[b] = _mm512_test_epi8_mask(c, _mm512_set1_epi8((char)(1 << b)));
    }
}

/* The per-label lists of the relevant-item pass, in one sweep over the items in chunk order. */
static int build_lists(hashlab_ranking_index *index, const uint64_t *labels) {
    const size_t chunks = index->chunks, label_words = index->label_words;
    size_t *fill = zeroed(index->labels * sizeof(size_t));
    if (!fill) return 0;
    /* A label's list is as long as its mask has bits. */
    size_t total = 0;
    for (size_t label = 0; label < index->labels; label++) {
        index->list_offsets[label] = total;
        const uint64_t *mask = index->label_masks + label * index->mask_words;
        for (size_t k = 0; k < index->mask_words; k++) total += (size_t)__builtin_popcountll(mask[k]);
    }
    index->entries = uninitialised((total + 1) * sizeof(uint64_t));
    index->entry_codes = uninitialised((total + 1) * sizeof(uint64_t));
    if (!index->entries || !index->entry_codes) {
        free(fill);
        return 0;
    }
    for (size_t t = 0; t <= chunks; t++) {
        for (size_t label = 0; label < index->labels; label++) {
            index->list_starts[label * (chunks + 1) + t] = (uint32_t)fill[label];
        }
        if (t == chunks) break;
        for (unsigned lane = 0; lane < LANES; lane++) {
            const size_t first = lane * index->segment + 64 * t;
            const size_t present = first >= index->count ? 0 : index->count - first < 64 ? index->count - first : 64;
            for (size_t p = 0; p < present; p++) {
                for (size_t w = 0; w < label_words; w++) {
                    for (uint64_t rest = labels[(first + p) * label_words + w]; rest != 0; rest &= rest - 1) {
                        const size_t label = 64 * w + (size_t)__builtin_ctzll(rest);
                        const size_t at = index->list_offsets[label] + fill[label]++;
                        index->entries[at] = lane | (uint64_t)(64 - p) << 3;
                        index->entry_codes[at] = index->codes[first + p];
                    }
                }
            }
        }
    }
    free(fill);
    return 1;
}

AVX512 static int build_sliced(hashlab_ranking_index *index, const uint64_t *labels) {
    const size_t chunks = index->chunks, bits = index->bits;
    index->planes = zeroed(chunks * (bits + 1) * LANES * sizeof(uint64_t));
    index->weights = uninitialised(chunks * 2 * DIGITS * LANES * sizeof(uint64_t));
    index->valid = uninitialised(chunks * LANES * sizeof(uint64_t));
    index->list_starts = uninitialised(index->labels * (chunks + 1) * sizeof(uint32_t));
    index->list_offsets = uninitialised(index->labels * sizeof(size_t));
    if (!index->planes || !index->weights || !index->valid || !index->list_starts || !index->list_offsets) return 0;
    /* One 64 x 64 bit transpose per lane and chunk turns 64 codes into the lane's words of
       the chunk's planes. */
    for (size_t t = 0; t < chunks; t++) {
        for (size_t lane = 0; lane < LANES; lane++) {
            const size_t first = lane * index->segment + 64 * t;
            const size_t present = first >= index->count ? 0 : index->count - first < 64 ? index->count - first : 64;
            uint64_t code[64], weight[DIGITS], complement[DIGITS];
            for (size_t p = 0; p < 64; p++) code[p] = p < present ? index->codes[first + p] : 0;
            weight_planes(code, (unsigned)bits, weight, complement);
            transpose64(code);
            for (size_t b = 0; b < bits; b++) index->planes[(t * (bits + 1) + b) * LANES + lane] = code[b];
            for (size_t b = 0; b < DIGITS; b++) {
                index->weights[((t * 2 + 0) * DIGITS + b) * LANES + lane] = weight[b];
                index->weights[((t * 2 + 1) * DIGITS + b) * LANES + lane] = complement[b];
            }
            index->valid[t * LANES + lane] = present == 64 ? ~0ull : (1ull << present) - 1;
        }
    }
    return build_lists(index, labels);
}

hashlab_ranking_index *hashlab_ranking_index_create(hashlab_variant variant, const uint64_t *codes, size_t count,
                                                    size_t words, unsigned bits, const uint64_t *labels,
                                                    size_t label_words) {
    if (count == 0 || words == 0 || label_words == 0 || bits == 0 || bits > 64 * words) return NULL;
    hashlab_ranking_index *index = calloc(1, sizeof *index);
    if (!index) return NULL;
    index->variant = hashlab_hamming_variant_supported(variant) ? variant : HASHLAB_VARIANT_PORTABLE;
    index->sliced = index->variant == HASHLAB_VARIANT_AVX512 && words == 1;
    index->count = count;
    index->words = words;
    index->bits = bits;
    index->label_words = label_words;
    index->labels = 64 * label_words;
    index->chunks = (count + CHUNK - 1) / CHUNK;
    index->segment = 64 * index->chunks;
    index->mask_words = LANES * index->chunks;
    index->codes = uninitialised(count * words * sizeof(uint64_t));
    index->label_masks = zeroed(index->labels * index->mask_words * sizeof(uint64_t));
    if (!index->codes || !index->label_masks) {
        hashlab_ranking_index_destroy(index);
        return NULL;
    }
    memcpy(index->codes, codes, count * words * sizeof(uint64_t));
    for (size_t i = 0; i < count; i++) {
        for (size_t w = 0; w < label_words; w++) {
            for (uint64_t rest = labels[i * label_words + w]; rest != 0; rest &= rest - 1) {
                const size_t label = 64 * w + (size_t)__builtin_ctzll(rest);
                index->label_masks[label * index->mask_words + i / 64] |= 1ull << (i % 64);
            }
        }
    }
    if (index->sliced && !build_sliced(index, labels)) {
        hashlab_ranking_index_destroy(index);
        return NULL;
    }
    return index;
}

void hashlab_ranking_index_destroy(hashlab_ranking_index *index) {
    if (!index) return;
    free(index->codes);
    free(index->label_masks);
    free(index->entries);
    free(index->entry_codes);
    free(index->list_starts);
    free(index->list_offsets);
    free(index->planes);
    free(index->weights);
    free(index->valid);
    free(index);
}

hashlab_ranking_workspace *hashlab_ranking_workspace_create(const hashlab_ranking_index *index) {
    hashlab_ranking_workspace *workspace = calloc(1, sizeof *workspace);
    if (!workspace) return NULL;
    const size_t block = HASHLAB_RANKING_BLOCK, count = index->count + 1;
    const size_t keys = (index->bits + 1 > LEAVES ? index->bits + 1 : LEAVES) * LANES;
    workspace->relevance = zeroed(index->mask_words * sizeof(uint64_t));
    workspace->entries = uninitialised(block * count * sizeof(uint64_t));
    workspace->entry_codes = uninitialised(block * count * sizeof(uint64_t));
    workspace->list_starts = zeroed(block * (index->chunks + 1) * sizeof(uint32_t));
    workspace->keys = uninitialised(block * count * sizeof(uint16_t));
    workspace->ahead = uninitialised(block * count * sizeof(uint32_t));
    workspace->scratch = uninitialised(count * sizeof(uint64_t));
    workspace->counters = zeroed(block * PAIR_VECTORS * LANES * sizeof(uint64_t));
    workspace->base = zeroed(keys * sizeof(uint32_t));
    workspace->base_relevant = zeroed(keys * sizeof(uint32_t));
    workspace->key_table = zeroed(keys * sizeof(uint64_t));
    workspace->distances = zeroed(CHUNK * sizeof(uint16_t));
    if (!workspace->relevance || !workspace->entries || !workspace->entry_codes || !workspace->list_starts
        || !workspace->keys || !workspace->ahead || !workspace->scratch || !workspace->counters || !workspace->base
        || !workspace->base_relevant || !workspace->key_table || !workspace->distances) {
        hashlab_ranking_workspace_destroy(workspace);
        return NULL;
    }
    return workspace;
}

void hashlab_ranking_workspace_destroy(hashlab_ranking_workspace *workspace) {
    if (!workspace) return;
    free(workspace->relevance);
    free(workspace->entries);
    free(workspace->entry_codes);
    free(workspace->list_starts);
    free(workspace->keys);
    free(workspace->ahead);
    free(workspace->scratch);
    free(workspace->counters);
    free(workspace->base);
    free(workspace->base_relevant);
    free(workspace->key_table);
    free(workspace->distances);
    free(workspace);
}
