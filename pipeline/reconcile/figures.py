"""Reconcile claims into figures with low, best and high, and the claims behind them.

Claims are the same quantity when they share metric, population, place and
period start; each date they stand at (``as_of``) gives one figure, so a
cumulative count is published as a series. Per figure:

- each originator counts once (its most precise, then largest, claim);
- ``best`` is the point of the most reliable originator, the lowest where
  several tie (ACLED's most conservative estimate);
- ``low`` and ``high`` span the intervals of all originators; ``high`` is
  empty when every originator gives only a lower bound;
- denials and claims of parties to the conflict never set an estimate; they
  are listed in ``disputed_by`` of the figures they contest;
- ``conflict`` is set when two originators graded above LOW give intervals
  that do not overlap.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd

from pipeline.reconcile.intervals import Interval, claim_interval
from pipeline.reconcile.sources import RELIABILITY_ORDER, grade, originator, reliability_range

FIGURE_COLUMNS = [
    "figure_id", "metric", "population", "location", "adm1", "period_start", "as_of",
    "low", "best", "high", "method", "claim_ids", "disputed_by", "n_sources", "conflict",
    "reliability",
]
DISPUTE_WINDOW_DAYS = 31
UNKNOWN_PLACE = "unspecified"
PRECISION = {"exact": 0, "range": 1, "approximately": 2, "at_least": 3, "more_than": 3,
             "up_to": 4, "less_than": 4, "vague": 5}


def annotate(claims: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Claims with their originator, its grade, the date they stand at, and the place key."""
    table = claims.merge(reports[["report_id", "publisher", "published"]], on="report_id", how="left")
    table["origin"] = [originator(a, p) for a, p in zip(table["attributed_to"], table["publisher"])]
    grades = [grade(name) for name in table["origin"]]
    table["reliability"] = [g[0] for g in grades]
    table["party"] = [g[1] for g in grades]
    table["as_of"] = table["period_end"].fillna(table["published"])
    table["place_key"] = table["place"].fillna(UNKNOWN_PLACE)
    table["period_key"] = table["period_start"].fillna("")
    table["disputes"] = (table["stance"] == "denied") | table["party"]
    return table


def _representatives(day: pd.DataFrame) -> pd.DataFrame:
    """One claim per originator: its most precise, then largest, claim."""
    ranked = day.assign(precision=day["qualifier"].map(PRECISION))
    ranked = ranked.sort_values(["origin", "precision", "value", "claim_id"], ascending=[True, True, False, True])
    return ranked.drop_duplicates("origin")


def _estimate(sources: pd.DataFrame) -> tuple[Interval, str, bool]:
    intervals = [claim_interval(int(r.value), None if pd.isna(r.high) else int(r.high), r.qualifier)
                 for r in sources.itertuples()]
    ranks = [RELIABILITY_ORDER[g] for g in sources["reliability"]]
    top = max(ranks)
    best = min(i.best for i, rank in zip(intervals, ranks) if rank == top)
    low = min(min(i.low for i in intervals), best)
    finite = [i.high for i in intervals if i.high is not None]
    high = max(finite + [best]) if finite else None
    credible = [i for i, rank in zip(intervals, ranks) if rank > RELIABILITY_ORDER["LOW"]]
    conflict = any(not a.overlaps(b) for n, a in enumerate(credible) for b in credible[n + 1:])
    if len(intervals) == 1:
        method = "single source: its stated interval"
    else:
        method = (f"best from the most reliable of {len(intervals)} independent sources, "
                  "lowest where they tie; low and high span their intervals")
    return Interval(low, best, high), method, conflict


def _disputes(disputing: pd.DataFrame, metric: str, place: str, as_of: str) -> list[str]:
    if disputing.empty:
        return []
    day = dt.date.fromisoformat(as_of)
    near = disputing[(disputing["metric"] == metric) & (disputing["place_key"] == place)]
    within = [abs((dt.date.fromisoformat(d) - day).days) <= DISPUTE_WINDOW_DAYS for d in near["as_of"]]
    return sorted(near.loc[within, "claim_id"]) if len(near) else []


def figure_id(metric: str, population: str, place: str, period: str, as_of: str) -> str:
    key = "|".join([metric, population, place, period, as_of])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def reconcile(claims: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Figures from validated claims and reports, in a stable order."""
    table = annotate(claims, reports)
    support, disputing = table[~table["disputes"]], table[table["disputes"]]
    rows = []
    keys = ["metric", "population", "place_key", "period_key", "as_of"]
    for (metric, population, place, period, as_of), day in support.groupby(keys, sort=True):
        sources = _representatives(day)
        interval, method, conflict = _estimate(sources)
        rows.append({
            "figure_id": figure_id(metric, population, place, period, as_of),
            "metric": metric, "population": population, "location": place,
            "adm1": next((a for a in sorted(day["adm1"].dropna())), None),
            "period_start": period or None, "as_of": as_of,
            "low": interval.low, "best": interval.best, "high": interval.high,
            "method": method, "claim_ids": sorted(day["claim_id"]),
            "disputed_by": _disputes(disputing, metric, place, as_of),
            "n_sources": len(sources), "conflict": conflict,
            "reliability": reliability_range(list(sources["reliability"])),
        })
    figures = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    figures["high"] = figures["high"].astype("Int64")
    return figures.sort_values(["metric", "location", "population", "period_start", "as_of"],
                               na_position="first", kind="stable").reset_index(drop=True)
