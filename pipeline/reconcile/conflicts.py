"""When credible sources disagree beyond their own stated uncertainty.

Two rules, either sets a figure's ``conflict``; only originators graded above
LOW take part:

- near in time: a count of the figure's own day and another originator's count
  within ``CONFLICT_WINDOW_DAYS`` either side give intervals that do not overlap
  (each originator represented by its most precise, then largest, count there);
- in the window: a count the figure weighs does not overlap the count that set
  its best. For a flow, a count older than the best one only says the number was
  at least its low then; it disagrees only when that low is above the best's high.

Both are answered per figure with sorted columns, not by comparing every pair:
a count disagrees with some other originator's when its high is below the
highest low of the others, or its low above their lowest high, so the two
highest lows and the two lowest highs of each figure (from two different
originators) are all that is needed.
"""
from __future__ import annotations

import numpy as np

from pipeline.reconcile.columns import Columns, firsts, order, take
from pipeline.reconcile.window import Dates, in_window

CONFLICT_WINDOW_DAYS = 3  # credible counts this close in time should agree
CREDIBLE_FROM = 1  # grades above LOW


def _two_extremes(date: np.ndarray, key: np.ndarray, origin: np.ndarray, dates: int,
                  empty: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per date row: the largest ``key``, its originator, and the largest of the other
    originators (``empty`` where there is none). Rows hold one originator each per date."""
    o = order(date, -key)
    date, key, origin = date[o], key[o], origin[o]
    place = np.arange(len(date)) - np.searchsorted(date, date)
    top, second = np.full(dates, empty), np.full(dates, empty)
    top_origin = np.full(dates, -1, dtype=np.int64)
    top[date[place == 0]], top_origin[date[place == 0]] = key[place == 0], origin[place == 0]
    second[date[place == 1]] = key[place == 1]
    return top, top_origin, second


def near_in_time(reps: Columns, dates: Dates) -> np.ndarray:
    """Per date row: a credible count of that day disagrees with another credible
    originator's count within CONFLICT_WINDOW_DAYS either side."""
    credible = take(reps, np.flatnonzero(reps["grade"] >= CREDIBLE_FROM))
    date, count = in_window(credible, dates, CONFLICT_WINDOW_DAYS, CONFLICT_WINDOW_DAYS)
    column = {name: credible[name][count] for name in
              ("origin", "precision", "value", "row", "day", "low", "upper")}
    # each originator's representative near the date: most precise, then largest
    o = order(date, column["origin"], column["precision"], -column["value"], column["row"])
    first = firsts(date[o], column["origin"][o])
    near = o[first]
    near_date, near_origin = date[near], column["origin"][near]
    low, upper = column["low"][near].astype(np.float64), column["upper"][near]
    top_low, top_low_origin, second_low = _two_extremes(near_date, low, near_origin, len(dates), -np.inf)
    bottom_high, bottom_origin, second_high = _two_extremes(near_date, -np.nan_to_num(upper, nan=np.inf),
                                                            near_origin, len(dates), -np.inf)
    own = np.flatnonzero(column["day"] == dates.day[date])
    own_date, own_origin = date[own], column["origin"][own]
    others_low = np.where(top_low_origin[own_date] == own_origin, second_low[own_date], top_low[own_date])
    others_high = -np.where(bottom_origin[own_date] == own_origin, second_high[own_date], bottom_high[own_date])
    apart = (column["upper"][own] < others_low) | (others_high < column["low"][own])
    return np.bincount(own_date[apart], minlength=len(dates)) > 0


def against_best(reps: Columns, date: np.ndarray, count: np.ndarray, best: np.ndarray, dates: int) -> np.ndarray:
    """Per date row: a credible count it weighs (``date``, ``count`` pairs) does not
    overlap the credible count that set its best."""
    grade, origin = reps["grade"], reps["origin"]
    day, low, upper = reps["day"], reps["low"], reps["upper"]
    setter = best[date]
    pair = (grade[count] >= CREDIBLE_FROM) & (grade[setter] >= CREDIBLE_FROM) & (origin[count] != origin[setter])
    older_flow = reps["flow"][count] & (day[count] < day[setter])
    below = upper[count] < low[setter]
    above = upper[setter] < low[count]
    apart = pair & (above | (below & ~older_flow))
    return np.bincount(date[apart], minlength=dates) > 0
