"""Denials and parties' claims, attached to the figures they contest.

A denial or a party's figure contests only a figure of the same quantity: the
same metric, the same kind of count (a stock, or a running or period total),
a compatible group of people (the same group, or "people" on either side) and
admin areas overlapping its own, within DISPUTE_WINDOW_DAYS of it. A party's
"no more than 35,000 crossed this year" (a total) does not contest a stock of
3.6 million refugees hosted. A denial of any such count at all ("denied that
any civilians had fled") contests both kinds. The match is one range join:
figure areas sorted by (quantity, area, day), and each disputing claim's
(quantity, area) finds its run of figures there with ``np.searchsorted``.
"""
from __future__ import annotations

import numpy as np

from pipeline.reconcile.columns import Columns, expand, firsts, packed

DISPUTE_WINDOW_DAYS = 31


PAIRS_AT_ONCE = 1 << 21  # (figure, claim) pairs laid out per chunk of disputing claims


def quantity(metric: np.ndarray, flow: np.ndarray, population: np.ndarray, populations: int) -> np.ndarray:
    """One number per (metric, kind of count, group of people)."""
    return (np.asarray(metric, dtype=np.int64) * 2 + flow) * populations + population


def quantities(metric: np.ndarray, flow: np.ndarray, any_kind: np.ndarray, population: np.ndarray,
               people: int, populations: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, quantity) for every quantity a disputing claim contests: its own kind of count, or
    both where ``any_kind``; its own group and people, or every group where it counts people."""
    kinds = [(np.flatnonzero(~any_kind), flow[~any_kind])] + \
            [(np.flatnonzero(any_kind), np.full(int(any_kind.sum()), kind)) for kind in (False, True)]
    rows, found = [], []
    for row, kind in kinds:
        groups = [population[row], np.full(len(row), people)]
        groups += [np.where(population[row] == people, group, -1) for group in range(populations)]
        for group in groups:
            keep = group >= 0
            rows.append(row[keep])
            found.append(quantity(metric[row][keep], kind[keep], group[keep], populations))
    row, found = np.concatenate(rows), np.concatenate(found)
    o = np.lexsort((found, row))
    row, found = row[o], found[o]
    unique = np.r_[True, (row[1:] != row[:-1]) | (found[1:] != found[:-1])][:len(row)]
    return row[unique], found[unique]


def disputed_by(figure_area: Columns, disputing_area: Columns) -> tuple[np.ndarray, np.ndarray]:
    """(figure row, disputing claim row) pairs, sorted, each once.

    ``figure_area`` has columns figure, quantity, area, day; ``disputing_area`` has
    claim, quantity, area, day (quantity and area as numbers; ``quantities`` gives a
    disputing claim's quantities).

    A party's claims dispute every figure of their metric and area for two months,
    so pairs run to tens of millions: each pair is one int64 key (figure, claim)
    written into one array, chunk by chunk of disputing claims, then sorted in
    place and deduplicated; no other column of pairs is held at once.
    """
    areas = int(max(figure_area["area"].max(initial=0), disputing_area["area"].max(initial=0))) + 1
    figure_place = figure_area["quantity"].astype(np.int64) * areas + figure_area["area"]
    keys = packed(figure_place, figure_area["day"])
    by_key = np.argsort(keys, kind="stable")
    keys = keys[by_key]
    figure_of_key = np.asarray(figure_area["figure"], dtype=np.int64)[by_key]
    claim_place = disputing_area["quantity"].astype(np.int64) * areas + disputing_area["area"]
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
