#ifndef HASHLAB_RANKING_H
#define HASHLAB_RANKING_H

#include <stddef.h>
#include <stdint.h>

#include "hashlab_popcount.h"

/*
 * Hamming ranking of queries against one database, reduced to what the ranking metrics need.
 *
 * For each query the database is ranked by a counting sort over distances 0...bits, stable by
 * database index: item i at distance d has rank
 *     1 + (items at distance < d) + (items at distance d with index < i).
 * An item is relevant when it shares at least one label with the query (multi-hot labels of
 * `label_words` 64-bit words). For each query the index reports the histograms of all and of
 * relevant items over distances, and sums of precisions at the relevant items' ranks.
 *
 * The AVX-512 variant with codes of at most 64 bits runs a bit-sliced kernel (described in
 * hashlab_ranking.c); every other case computes distances item by item with the chosen
 * popcount variant. All give identical results.
 */
typedef struct hashlab_ranking_index hashlab_ranking_index;

/// Scratch memory for ranking against one index from one thread at a time.
typedef struct hashlab_ranking_workspace hashlab_ranking_workspace;

/// The most queries one call of hashlab_ranking_rank takes.
#define HASHLAB_RANKING_BLOCK 2

/// Indexes `count` codes of `words` words (`bits` bits used, padding bits zero) with their
/// labels (`count` x `label_words` words). The index copies what it keeps. NULL when memory
/// runs out or count is 0. An unsupported variant runs as the portable one.
hashlab_ranking_index *hashlab_ranking_index_create(hashlab_variant variant, const uint64_t *codes,
                                                    size_t count, size_t words, unsigned bits,
                                                    const uint64_t *labels, size_t label_words);

void hashlab_ranking_index_destroy(hashlab_ranking_index *index);

/// A workspace for `index`; NULL when memory runs out.
hashlab_ranking_workspace *hashlab_ranking_workspace_create(const hashlab_ranking_index *index);

void hashlab_ranking_workspace_destroy(hashlab_ranking_workspace *workspace);

/// Ranks the database for `query_count` (1...HASHLAB_RANKING_BLOCK) queries: their codes are
/// `query_count` x `words` words, their labels `query_count` x `label_words` words. For query q:
///   histogram_all, histogram_relevant at q * (bits + 1): items and relevant items at distance d;
///   relevant_counts[q]: R, its relevant items;
///   precision_sums at q * (cutoff_count + 1): first the sum over its R relevant items of their
///     precision (relevant items ranked at or above the item / its rank), then the same sum
///     over the relevant items ranked within cutoffs[c], for each c;
///   hits at q * cutoff_count: the relevant items ranked within cutoffs[c].
/// Precisions are summed in fixed point (each truncated to a multiple of 2^-44), so a sum does
/// not depend on the order of its terms: every variant returns the same bits, within 2^-44 per
/// item of the exact sum.
void hashlab_ranking_rank(const hashlab_ranking_index *index, hashlab_ranking_workspace *workspace,
                          size_t query_count, const uint64_t *query_codes, const uint64_t *query_labels,
                          const uint32_t *cutoffs, size_t cutoff_count, uint32_t *histogram_all,
                          uint32_t *histogram_relevant, size_t *relevant_counts, double *precision_sums,
                          uint32_t *hits);

/// The histograms alone (histogram_all, histogram_relevant, relevant_counts as above) for
/// `query_count` (1...HASHLAB_RANKING_BLOCK) queries, without the relevant items' ranks: what
/// the tie-aware metrics need, at about half the cost of hashlab_ranking_rank.
void hashlab_ranking_histograms(const hashlab_ranking_index *index, hashlab_ranking_workspace *workspace,
                                size_t query_count, const uint64_t *query_codes, const uint64_t *query_labels,
                                uint32_t *histogram_all, uint32_t *histogram_relevant, size_t *relevant_counts);

#endif
