"""Denials and parties' claims, attached to the figures they contest.

A denial ("Russia denied that any civilians had fled") or any figure from a
party to the conflict disputes every figure of the same metric whose admin
areas overlap its own and whose date is within DISPUTE_WINDOW_DAYS of it. The
match is one range join: figure areas sorted by (metric, area, day), and each
disputing claim's area finds its run of figures there with ``np.searchsorted``.
"""
from __future__ import annotations

import numpy as np

from pipeline.reconcile.columns import Columns, expand, firsts, order, packed

DISPUTE_WINDOW_DAYS = 31


def disputed_by(figure_area: Columns, disputing_area: Columns) -> tuple[np.ndarray, np.ndarray]:
    """(figure row, disputing claim row) pairs, sorted, each once.

    ``figure_area`` has columns figure, metric, area, day; ``disputing_area`` has
    claim, metric, area, day (metric and area as numbers).
    """
    areas = int(max(figure_area["area"].max(initial=0), disputing_area["area"].max(initial=0))) + 1
    figure_place = figure_area["metric"].astype(np.int64) * areas + figure_area["area"]
    keys = packed(figure_place, figure_area["day"])
    by_key = np.argsort(keys, kind="stable")
    keys = keys[by_key]
    claim_place = disputing_area["metric"].astype(np.int64) * areas + disputing_area["area"]
    day = disputing_area["day"]
    lo = np.searchsorted(keys, packed(claim_place, day - DISPUTE_WINDOW_DAYS))
    hi = np.searchsorted(keys, packed(claim_place, day + DISPUTE_WINDOW_DAYS), side="right")
    which, position = expand(lo, hi)
    figure = figure_area["figure"][by_key[position]]
    claim = disputing_area["claim"][which]
    o = order(figure, claim)
    figure, claim = figure[o], claim[o]
    once = firsts(figure, claim)
    return figure[once], claim[once]
