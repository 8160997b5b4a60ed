"""What each published date knows: every originator's latest count in the staleness window.

A series (metric, population, place, period start) publishes one figure on
every day one of its sources gave a count. The figure of day t weighs, for
each originator, its latest count dated within [t - stale_after_days, t];
the most reliable of those sets the estimate, the more recent and then the
lower where grades tie. With a window of 0 days a figure weighs only the
counts of its own day.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.reconcile.columns import DAY_SPAN, Columns, best_of, expand, firsts, order, packed, take

STALE_AFTER_DAYS = 14  # a count older than this no longer speaks for the present


@dataclass
class Counts:
    """One count per originator, series and day (``reps``: the columns of the claim
    standing for it, sorted by series, origin, day) and, for each support claim, the
    count it belongs to (``count_of``) and its claim row (``claim_row``)."""

    reps: Columns
    count_of: np.ndarray
    claim_row: np.ndarray


def daily_counts(support: Columns) -> Counts:
    """One claim per originator, series and day: its most precise, then largest, then
    first by claim id. The others of that day are republications or restatements of it."""
    o = order(support["series"], support["origin"], support["day"], support["precision"], -support["value"],
              support["row"])
    first = firsts(support["series"][o], support["origin"][o], support["day"][o])
    count_of = np.empty(len(o), dtype=np.int64)
    count_of[o] = np.cumsum(first) - 1
    return Counts(take(support, o[first]), count_of, support["row"])


@dataclass
class Dates:
    """The published dates: one row per (series, day) with a count, sorted. ``start``
    is the first row of each row's series and ``end`` one past its last, so
    ``row - start`` is a date's place in its series."""

    series: np.ndarray
    day: np.ndarray
    key: np.ndarray
    start: np.ndarray
    end: np.ndarray

    def __len__(self) -> int:
        return len(self.day)

    def find(self, series: np.ndarray, day: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.key, packed(series, day))


def published_dates(reps: Columns) -> Dates:
    key = np.unique(packed(reps["series"], reps["day"]))
    series, day = key // DAY_SPAN, key % DAY_SPAN
    start = np.searchsorted(series, series, side="left")
    end = np.searchsorted(series, series, side="right")
    return Dates(series, day, key, start, end)


def in_window(reps: Columns, dates: Dates, before: int, after: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(date row, count row) for every count dated within [t - before, t + after] of a
    published date t of its series."""
    series, day = reps["series"], reps["day"]
    lo = dates.find(series, day - after)
    hi = np.searchsorted(dates.key, packed(series, day + before), side="right")
    count, date = expand(lo, hi)
    return date, count


def weigh(reps: Columns, dates: Dates, stale_after_days: int) -> tuple[np.ndarray, np.ndarray]:
    """(date row, count row): each originator's latest count in each date's window,
    sorted by date row.

    The counts of a window are one run of the counts sorted by series and day; of
    those, a count is its originator's latest unless the originator's next count
    is dated on or before the date.
    """
    series, day = reps["series"], reps["day"]
    by_day = order(series, day, reps["origin"])
    key = packed(series[by_day], day[by_day])
    lo = np.searchsorted(key, packed(dates.series, dates.day - stale_after_days))
    hi = np.searchsorted(key, dates.key, side="right")
    date, position = expand(lo, hi)
    count = by_day[position]
    same_originator = np.r_[(series[1:] == series[:-1]) & (reps["origin"][1:] == reps["origin"][:-1]), False]
    next_day = np.where(same_originator, np.r_[day[1:], 0], np.iinfo(np.int64).max)
    latest = next_day[count] > dates.day[date]
    return date[latest], count[latest]


def choose(reps: Columns, date: np.ndarray, count: np.ndarray, dates: int) -> np.ndarray:
    """For each date row (``date`` sorted), the count that sets its estimate: the most
    reliable originator's; where grades tie, the more recent, then the lower, then
    the originator first by name."""
    row = best_of(date, dates, (reps["grade"][count], np.maximum), (reps["day"][count], np.maximum),
                  (reps["point"][count], np.minimum), (reps["origin"][count], np.minimum))
    return np.where(row >= 0, count[np.maximum(row, 0)], -1)
