"""Which incident claims tell of one event.

Claims of one incident reach us from several reports: the first wire with 19
dead, a later one with 20, the toll risen to 22 the next day, a retrospective
mention weeks later that dates the strike. They are one event when they share
metric, group of people and place, and their dates can be the same day:

- each claim's date is a window: one day, the seven days of a week, the days of
  a month, or for a claim the text does not date, the day of its report and the
  day before (news tells of yesterday's events);
- claims of one key whose windows overlap, directly or through others, are one
  cluster (sorted by window start, a claim opens a new cluster when it starts
  after every window before it has ended);
- within a cluster the toll only rises: a claim certainly later than another of
  its event (its window starts after the other's ends, or both are undated and
  its report is later) with a smaller count is a new incident at the same
  place, never a revision of the first.

Groups pool ``people`` and ``civilians`` (one strike is "19 people" in one report,
"19 civilians" in the next); children, women, soldiers and combatants are
their own groups. A claim with no place at all is an event of its own report.
"""
from __future__ import annotations

import heapq

import numpy as np
import pandas as pd

from pipeline.reconcile.annotate import DAY_ZERO
from pipeline.reconcile.columns import order, overlapping, packed

GENERAL_GROUP = {"people": "people", "civilians": "people"}
UNDATED_REACH_DAYS = 1  # an undated incident happened on its report's day or the day before
WEEK_DAYS = 7


def date_windows(event_day: np.ndarray, precision: np.ndarray, report_day: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first, last) day each claim's event may have happened on, as days since the reconcile's day zero.

    ``precision`` holds the vocabulary's words (day, week, month, unknown); ``event_day`` is
    the first day of the window, or the report day where the text gives none.
    """
    first = np.where(precision == "unknown", report_day - UNDATED_REACH_DAYS, event_day)
    last = np.where(precision == "unknown", report_day, event_day)
    last = np.where(precision == "week", event_day + WEEK_DAYS - 1, last)
    month = precision == "month"
    if month.any():
        start = (event_day[month].astype("timedelta64[D]") + DAY_ZERO).astype("datetime64[M]")
        month_end = (start + 1).astype("datetime64[D]") - DAY_ZERO - 1
        last[month] = month_end.astype(np.int64)
    return first.astype(np.int64), last.astype(np.int64)


def group_keys(metric: pd.Series, unit: pd.Series, population: pd.Series, adm1: pd.Series, town: pd.Series,
               report: pd.Series) -> np.ndarray:
    """One number per (metric, unit, group of people, admin area, town) a claim belongs to; a claim
    placed nowhere keys on its report instead."""
    unplaced = adm1.isna() & town.isna()
    frame = pd.DataFrame({
        "metric": metric.to_numpy(dtype=object), "unit": unit.to_numpy(dtype=object),
        "group": population.map(lambda name: GENERAL_GROUP.get(name, name)).to_numpy(dtype=object),
        "adm1": adm1.fillna("").to_numpy(dtype=object),
        "town": town.fillna("").to_numpy(dtype=object),
        "report": np.where(unplaced, report.to_numpy(dtype=object), ""),
    })
    codes = frame.groupby(list(frame.columns), sort=True, dropna=False).ngroup().to_numpy()
    return codes.astype(np.int64)


def _tolls_rise(cluster: np.ndarray, first: np.ndarray, point: np.ndarray, report_day: np.ndarray) -> np.ndarray:
    """Rows (sorted by cluster, window start, report day) whose count is not below an earlier
    one's in the same cluster: a cluster where every row is such needs no split."""
    o = order(cluster, first, report_day)
    same = np.r_[False, cluster[o][1:] == cluster[o][:-1]]
    peak = np.maximum.accumulate(packed(cluster[o], point[o]))
    rising = ~same | (packed(cluster[o], point[o]) >= np.r_[0, peak[:-1]])
    result = np.ones(len(cluster), dtype=bool)
    result[o] = rising
    return result


def events(cluster: np.ndarray, first: np.ndarray, last: np.ndarray, point: np.ndarray,
           undated: np.ndarray, report_day: np.ndarray) -> np.ndarray:
    """Event number of each claim: its cluster, split where a later claim gives a smaller count.

    Only clusters whose counts do not rise in date order are walked claim by claim (a
    heap of the event's windows not yet ended); the rest are one event each.
    """
    event = cluster.copy()
    if not len(cluster):
        return event
    falling = np.unique(cluster[~_tolls_rise(cluster, first, point, report_day)])
    if not len(falling):
        return _numbered(event)
    rows = np.flatnonzero(np.isin(cluster, falling))
    o = rows[order(cluster[rows], first[rows], report_day[rows])]
    next_number = int(cluster.max()) + 1
    c, f, la, p, u, r = (column[o].tolist() for column in (cluster, first, last, point, undated, report_day))
    current, pending, settled = None, [], -1
    undated_day, undated_peak, undated_before = None, -1, -1
    for i in range(len(o)):
        if c[i] != current:
            current, pending, settled, number = c[i], [], -1, c[i]
            undated_day, undated_peak, undated_before = None, -1, -1
        while pending and pending[0][0] < f[i]:  # windows ended before this one starts
            settled = max(settled, heapq.heappop(pending)[1])
        if u[i] and r[i] != undated_day:  # the undated claims of earlier reports are behind this one
            undated_before, undated_peak, undated_day = max(undated_before, undated_peak), -1, r[i]
        if p[i] < settled or (u[i] and p[i] < undated_before):
            number, next_number = next_number, next_number + 1
            pending, settled, undated_day, undated_peak, undated_before = [], -1, r[i], -1, -1
        heapq.heappush(pending, (la[i], p[i]))
        if u[i]:
            undated_peak = max(undated_peak, p[i])
        event[o[i]] = number
    return _numbered(event)


def _numbered(event: np.ndarray) -> np.ndarray:
    """Event numbers made consecutive from 0, in the order of the first number given."""
    _, renumbered = np.unique(event, return_inverse=True)
    return renumbered.astype(np.int64)

