"""Denials and parties' claims, attached to the figures they contest.

A denial ("Russia denied that any civilians had fled") or any figure from a
party to the conflict disputes every figure of the same metric whose admin
areas overlap its own and whose date is within DISPUTE_WINDOW_DAYS of it. The
match is one range join: figure areas sorted by (metric, area, day), and each
disputing claim's area finds its run of figures there with ``np.searchsorted``.
"""
from __future__ import annotations

import numpy as np

from pipeline.reconcile.columns import Columns, expand, firsts, packed

DISPUTE_WINDOW_DAYS = 31


PAIRS_AT_ONCE = 1 << 21  # (figure, claim) pairs laid out per chunk of disputing claims


def disputed_by(figure_area: Columns, disputing_area: Columns) -> tuple[np.ndarray, np.ndarray]:
    """(figure row, disputing claim row) pairs, sorted, each once.

    ``figure_area`` has columns figure, metric, area, day; ``disputing_area`` has
    claim, metric, area, day (metric and area as numbers).

    A party's claims dispute every figure of their metric and area for two months,
    so pairs run to tens of millions: each pair is one int64 key (figure, claim)
    written into one array, chunk by chunk of disputing claims, then sorted in
    place and deduplicated; no other column of pairs is held at once.
    """
    areas = int(max(figure_area["area"].max(initial=0), disputing_area["area"].max(initial=0))) + 1
    figure_place = figure_area["metric"].astype(np.int64) * areas + figure_area["area"]
    keys = packed(figure_place, figure_area["day"])
    by_key = np.argsort(keys, kind="stable")
    keys = keys[by_key]
    figure_of_key = np.asarray(figure_area["figure"], dtype=np.int64)[by_key]
    claim_place = disputing_area["metric"].astype(np.int64) * areas + disputing_area["area"]
    day = disputing_area["day"]
    lo = np.searchsorted(keys, packed(claim_place, day - DISPUTE_WINDOW_DAYS))
    hi = np.searchsorted(keys, packed(claim_place, day + DISPUTE_WINDOW_DAYS), side="right")
    claim = np.asarray(disputing_area["claim"], dtype=np.int64)
    claims = int(claim.max(initial=-1)) + 1
    counts = np.maximum(hi - lo, 0)
    ends = np.cumsum(counts)
    pairs = np.empty(int(ends[-1]) if len(ends) else 0, dtype=np.int64)
    first = 0
    while first < len(counts):  # chunks of disputing claims, each laying out about PAIRS_AT_ONCE pairs
        done = int(ends[first - 1]) if first else 0
        last = max(int(np.searchsorted(ends, done + PAIRS_AT_ONCE, side="right")), first + 1)
        which, position = expand(lo[first:last], hi[first:last])
        pairs[done:int(ends[last - 1])] = figure_of_key[position] * claims + claim[first:last][which]
        first = last
    pairs.sort()
    pairs = pairs[firsts(pairs)]
    return pairs // max(claims, 1), pairs % max(claims, 1)
