"""Cumulative flows do not fall by accident.

A flow ("displaced since 1 December") counts everything since a fixed date, so
the true number can only grow. A count an originator gave is therefore a floor
for the later dates of its series: it *stands* from the next published date
until that originator itself gives a lower count, which withdraws it (the
originator has revised its figure down). Only a count that could itself have
set the estimate stands: one outranked on every day of its window (a more
reliable originator had a count in the window each day) never does, so a
lower-graded source cannot set best later by the back door. The estimate of a
flow on day t is the larger of

- the window's choice (``window.choose``), and
- the highest count still standing at the choice's day from an originator at
  least as reliable as the chosen one.

So best never falls because a less reliable or a staler source said less; it
falls only when the originator behind it lowers its own figure (a revision), or
when a more reliable source comes into the window, whose count then sets the
estimate as it would for a stock. Counts of the choice's own day are weighed by
the window's tie rule (the lower), not as floors.
"""
from __future__ import annotations

import numpy as np

from pipeline.reconcile.columns import DAY_SPAN, Columns, firsts, order, packed
from pipeline.reconcile.stabbing import covering_best
from pipeline.reconcile.window import Dates

NEVER = DAY_SPAN  # a day past every date


def next_lower(group: np.ndarray, value: np.ndarray) -> np.ndarray:
    """For rows sorted by group and time: the first later row of the same group with a
    smaller value, -1 where none.

    Found by binary lifting over a table of block minima: from each row, skip
    blocks of 2^k rows (largest k first) whose minimum is not below its value.
    """
    length = len(value)
    found = np.full(length, -1, dtype=np.int64)
    if length == 0:
        return found
    opens = np.flatnonzero(firsts(group))
    sizes = np.diff(np.r_[opens, length])
    end = np.repeat(opens + sizes, sizes)
    minima = [np.asarray(value)]
    while (1 << len(minima)) <= sizes.max():
        step, previous = 1 << (len(minima) - 1), minima[-1]
        block = previous.copy()
        block[:length - step] = np.minimum(previous[:length - step], previous[step:])
        minima.append(block)
    position = np.arange(1, length + 1, dtype=np.int64)
    for level in reversed(range(len(minima))):
        size = 1 << level
        inside = position + size <= end
        skip = inside & (minima[level][np.minimum(position, length - 1)] >= value)
        position = position + size * skip
    lowered = position < end
    found[lowered] = position[lowered]
    return found


def withdrawals(reps: Columns) -> np.ndarray:
    """For each count (``reps`` sorted by series, origin, day): the same originator's
    first later count in the series that is lower, which withdraws it; -1 if none."""
    series, origin = reps["series"], reps["origin"]
    group = np.cumsum(firsts(series, origin))
    return next_lower(group, reps["point"])


def admissible_from(reps: Columns, stale_after_days: int) -> np.ndarray:
    """For each count, the first day it could set its series' estimate: the first day,
    within its own window, on which no more reliable originator has a count in the
    window. NEVER for a count outranked every day it was in the window.

    Days on which a grade's counts are in some window are the union of [day, day +
    stale_after_days] over those counts; sorted by start, such intervals (all of one
    length) merge wherever the next starts by the day after the last ends.
    """
    series, day, grade = reps["series"], reps["day"], reps["grade"]
    result = day.copy()
    for level in np.unique(grade)[:-1]:  # the top grade is never outranked
        higher = np.flatnonzero(grade > level)
        o = order(series[higher], day[higher])
        block_series, start = series[higher][o], day[higher][o]
        end = start + stale_after_days
        opens = firsts(block_series) | np.r_[True, start[1:] > end[:-1] + 1]
        block_start = packed(block_series[opens], start[opens])
        block_end = np.maximum.reduceat(end, np.flatnonzero(opens)) if len(end) else end
        mine = np.flatnonzero(grade == level)
        block = np.searchsorted(block_start, packed(series[mine], day[mine]), side="right") - 1
        inside = (block >= 0) & (block_start[np.maximum(block, 0)] // DAY_SPAN == series[mine]) \
            & (block_end[np.maximum(block, 0)] >= day[mine])
        free = np.where(inside, block_end[np.maximum(block, 0)] + 1, day[mine])
        result[mine] = np.where(free <= day[mine] + stale_after_days, free, NEVER)
    return result


def _started_by(series: np.ndarray, start: np.ndarray, rank: np.ndarray,
                query_series: np.ndarray, query_place: np.ndarray) -> np.ndarray:
    """For each query, the highest ``rank`` among rows of its series whose ``start`` is
    at or before its place; -1 if none. A running maximum over rows sorted by series
    and start, each value carrying its series so that no maximum crosses into the
    next series."""
    width = int(max(start.max(initial=0), query_place.max(initial=0))) + 2
    key = series.astype(np.int64) * width + start
    o = np.argsort(key, kind="stable")
    top = int(rank.max(initial=0)) + 1
    running = np.maximum.accumulate(series[o].astype(np.int64) * top + rank[o]) if len(o) else o
    at = np.searchsorted(key[o], query_series.astype(np.int64) * width + query_place, side="right") - 1
    found = running[np.maximum(at, 0)] if len(o) else np.zeros(len(at), dtype=np.int64)
    return np.where((at >= 0) & (found // top == query_series), found % top, -1)


def standing_floor(reps: Columns, dates: Dates, date_of: np.ndarray, withdrawn: np.ndarray,
                   admissible: np.ndarray, chosen: np.ndarray, flows: np.ndarray) -> np.ndarray:
    """For each flow date row in ``flows``, the highest count standing on the day of
    its chosen count from an originator at least as reliable; -1 where none.

    A count stands from the first published date after it on which it is
    admissible (``admissible``, a day) until its originator gives a lower count
    (``withdrawn``). ``date_of`` is each count's date row; ``chosen`` each date
    row's chosen count. Of equal counts: the more recent, then the originator first
    by name. Counts never withdrawn stand to the end, so a running maximum finds
    them; the few withdrawn ones stand over an interval, found by ``covering_best``.
    """
    place = date_of - dates.start[date_of]  # a count's position among its series' dates
    series = reps["series"]
    since = np.maximum(reps["day"] + 1, np.minimum(admissible, DAY_SPAN - 1))
    first = dates.find(series, since) - dates.start[date_of]
    last = np.where(withdrawn >= 0, place[np.maximum(withdrawn, 0)] - 1, dates.end[date_of] - 1 - dates.start[date_of])
    by_strength = order(reps["point"], reps["day"], -reps["origin"])
    rank = np.empty(len(by_strength), dtype=np.int64)
    rank[by_strength] = np.arange(len(by_strength))
    query_count = chosen[flows]
    query_grade, query_series, query_place = reps["grade"][query_count], dates.series[flows], place[query_count]
    leaves = int((dates.end - dates.start).max()) if len(dates) else 0
    floor_rank = np.full(len(flows), -1, dtype=np.int64)
    for grade in np.unique(reps["grade"]):
        asked = np.flatnonzero(query_grade <= grade)
        counts = reps["flow"] & (reps["grade"] == grade)
        kept, lapsed = np.flatnonzero(counts & (withdrawn < 0)), np.flatnonzero(counts & (withdrawn >= 0))
        found = _started_by(series[kept], first[kept], rank[kept], query_series[asked], query_place[asked])
        covering = covering_best(series[lapsed], first[lapsed], last[lapsed], rank[lapsed],
                                 query_series[asked], query_place[asked], leaves)
        floor_rank[asked] = np.maximum(floor_rank[asked], np.maximum(found, covering))
    return np.where(floor_rank >= 0, by_strength[np.maximum(floor_rank, 0)], -1)
