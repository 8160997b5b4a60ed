"""The highest-ranked interval covering each query point, for many groups at once.

A segment tree over the positions 0..leaves-1 of each group, built and queried
in numpy: each interval is split into the O(log leaves) tree nodes that tile
it, each node keeps the best rank laid on it, and a point's answer is the best
rank on the path from its leaf to the root. Cost is O((intervals + queries) *
log leaves), whatever the lengths of the intervals.
"""
from __future__ import annotations

import numpy as np


def covering_best(group: np.ndarray, first: np.ndarray, last: np.ndarray, rank: np.ndarray,
                  query_group: np.ndarray, query_at: np.ndarray, leaves: int) -> np.ndarray:
    """For each query, the highest ``rank`` among intervals [first, last] of its group
    that contain ``query_at``; -1 where none does. Positions run 0..leaves-1."""
    size = 1
    while size < max(leaves, 1):
        size *= 2
    keep = first <= last
    group, rank = np.asarray(group, dtype=np.int64)[keep], np.asarray(rank, dtype=np.int64)[keep]
    left = np.asarray(first, dtype=np.int64)[keep] + size
    right = np.asarray(last, dtype=np.int64)[keep] + 1 + size
    node_keys, node_ranks = [], []
    while len(left) and (left < right).any():
        takes_left = (left < right) & (left % 2 == 1)
        node_keys.append(group[takes_left] * 2 * size + left[takes_left])
        node_ranks.append(rank[takes_left])
        left = left + takes_left
        takes_right = (left < right) & (right % 2 == 1)
        right = right - takes_right
        node_keys.append(group[takes_right] * 2 * size + right[takes_right])
        node_ranks.append(rank[takes_right])
        left, right = left // 2, right // 2
    answer = np.full(len(query_at), -1, dtype=np.int64)
    if not node_keys:
        return answer
    keys, ranks = np.concatenate(node_keys), np.concatenate(node_ranks)
    by_key = np.lexsort((ranks, keys))
    keys, ranks = keys[by_key], ranks[by_key]
    last_of_key = np.r_[keys[1:] != keys[:-1], True]
    keys, ranks = keys[last_of_key], ranks[last_of_key]  # the best rank of each node
    node = np.asarray(query_at, dtype=np.int64) + size
    base = np.asarray(query_group, dtype=np.int64) * 2 * size
    while True:
        wanted = base + node
        found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        hit = keys[found] == wanted
        answer = np.where(hit, np.maximum(answer, ranks[found]), answer)
        if (node <= 1).all():
            return answer
        node = node // 2
