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
  that do not overlap; ``revision`` when the best estimate falls below the
  previous date's in the same series.
docs/methodology.md gives the reasons for each rule.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import pandas as pd

from pipeline.reconcile.intervals import Interval, claim_interval
from pipeline.reconcile.overrides import Overrides
from pipeline.reconcile.sources import RELIABILITY_ORDER, SourceBook, reliability_range, sources_table

FIGURE_COLUMNS = [
    "figure_id", "metric", "population", "location", "adm1", "period_start", "as_of",
    "low", "best", "high", "method", "claim_ids", "disputed_by", "sources", "n_sources", "conflict",
    "reliability", "revision", "supersedes", "override",
]
SERIES_KEY = ["metric", "population", "location", "period_start"]
DISPUTE_WINDOW_DAYS = 31
CONFLICT_WINDOW_DAYS = 3  # credible counts this close in time should agree
UNKNOWN_PLACE = "unspecified"
# Displacement counts people whoever they are: a report's "civilians" and
# "people" fled, or are refugees, alike, so they are pooled as `people`.
# Deaths are not pooled: "people killed" may include combatants.
POOLED_METRICS = {"displaced", "refugees", "returned"}
PRECISION = {"exact": 0, "range": 1, "approximately": 2, "at_least": 3, "more_than": 3,
             "up_to": 4, "less_than": 4, "vague": 5}


@dataclass
class Reconciled:
    figures: pd.DataFrame
    sources: pd.DataFrame
    unmatched: list[dict] = field(default_factory=list)  # overrides that matched nothing, as quarantine entries


def _areas(adm1: object, place: str) -> frozenset:
    """The admin areas a claim covers, or its place name where none is known."""
    if isinstance(adm1, str) and adm1:
        return frozenset(adm1.split(";"))
    return frozenset([place])


def annotate(claims: pd.DataFrame, reports: pd.DataFrame, book: SourceBook, excluded: set[str]) -> pd.DataFrame:
    """Claims with originator, grade, the date they stand at, place key and role."""
    table = claims.merge(reports[["report_id", "publisher", "published"]], on="report_id", how="left")
    table["origin"] = [book.originator(a, p) for a, p in zip(table["attributed_to"], table["publisher"])]
    grades = [book.grade(name) for name in table["origin"]]
    table["reliability"] = [g.reliability for g in grades]
    table["party"] = [g.party for g in grades]
    table["regrade"] = [g.override for g in grades]
    pooled = table["metric"].isin(POOLED_METRICS) & (table["population"] == "civilians")
    table["population"] = table["population"].mask(pooled, "people")
    table["as_of"] = table["period_end"].fillna(table["published"])
    table["place_key"] = table["place"].fillna(UNKNOWN_PLACE)
    table["period_key"] = table["period_start"].fillna("")
    table["areas"] = [_areas(a, p) for a, p in zip(table["adm1"], table["place_key"])]
    table["disputes"] = (table["stance"] == "denied") | table["party"]
    table["excluded"] = table["claim_id"].isin(excluded)
    return table


def _representatives(day: pd.DataFrame) -> pd.DataFrame:
    """One claim per originator: its most precise, then largest, claim."""
    ranked = day.assign(precision=day["qualifier"].map(PRECISION))
    ranked = ranked.sort_values(["origin", "precision", "value", "claim_id"], ascending=[True, True, False, True])
    return ranked.drop_duplicates("origin")


def _interval(row) -> Interval:
    high = None if pd.isna(row.high) else int(row.high)
    hedge = row.hedge if isinstance(row.hedge, str) else None
    return claim_interval(int(row.value), high, row.qualifier, hedge)


def estimate(sources: pd.DataFrame) -> tuple[Interval, str]:
    """(low/best/high, the rule that chose them) from one claim per originator."""
    intervals = [_interval(row) for row in sources.itertuples()]
    ranks = [RELIABILITY_ORDER[g] for g in sources["reliability"]]
    top = max(ranks)
    best = min(i.best for i, rank in zip(intervals, ranks) if rank == top)
    low = min(min(i.low for i in intervals), best)
    finite = [i.high for i in intervals if i.high is not None]
    high = max(finite + [best]) if finite else None
    if len(intervals) == 1:
        method = "single source: its stated interval"
    else:
        method = (f"best from the most reliable of {len(intervals)} independent sources, "
                  "lowest where they tie; low and high span their intervals")
    return Interval(low, best, high), method


def _credible(claims: pd.DataFrame) -> list[tuple[str, Interval]]:
    return [(row.origin, _interval(row)) for row in claims.itertuples()
            if RELIABILITY_ORDER[row.reliability] > RELIABILITY_ORDER["LOW"]]


def in_conflict(sources: pd.DataFrame, neighbours: pd.DataFrame) -> bool:
    """Whether a credible source of this figure and a credible other source, on the same
    quantity within a few days, give intervals that do not overlap."""
    own, near = _credible(sources), _credible(neighbours)
    return any(origin != other and not interval.overlaps(other_interval)
               for origin, interval in own for other, other_interval in near)


def _neighbours(series: pd.DataFrame, as_of: str) -> pd.DataFrame:
    day = dt.date.fromisoformat(as_of)
    near = [abs((dt.date.fromisoformat(d) - day).days) <= CONFLICT_WINDOW_DAYS for d in series["as_of"]]
    return _representatives(series[near].sort_values("as_of", ascending=False))


def _disputes(disputing: pd.DataFrame, metric: str, areas: frozenset, as_of: str) -> list[str]:
    """Denials and party claims on the same metric, covering an overlapping area, near in time."""
    if disputing.empty:
        return []
    day = dt.date.fromisoformat(as_of)
    found = []
    for row in disputing[disputing["metric"] == metric].itertuples():
        near = abs((dt.date.fromisoformat(row.as_of) - day).days) <= DISPUTE_WINDOW_DAYS
        if near and row.areas & areas:
            found.append(row.claim_id)
    return sorted(found)


def figure_id(metric: str, population: str, place: str, period: str, as_of: str) -> str:
    key = "|".join([metric, population, place, period, as_of])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _notes(day: pd.DataFrame, excluded_here: pd.DataFrame, reasons: dict[str, str]) -> list[str]:
    notes = [f"source {origin} re-graded: {reason}"
             for origin, reason in sorted(set(zip(day["origin"], day["regrade"]))) if isinstance(reason, str)]
    notes += [f"claim {claim} excluded: {reasons[claim]}" for claim in sorted(excluded_here["claim_id"])]
    return notes


def _figure_rows(table: pd.DataFrame, reasons: dict[str, str]) -> list[dict]:
    support = table[~table["disputes"] & ~table["excluded"]]
    disputing = table[table["disputes"] & ~table["excluded"]]
    excluded = table[table["excluded"]]
    keys = ["metric", "population", "place_key", "period_key", "as_of"]
    excluded_by_key = {key: group for key, group in excluded.groupby(keys)} if len(excluded) else {}
    series_of = {key: group for key, group in support.groupby(keys[:-1], sort=False)}
    rows = []
    for key, day in support.groupby(keys, sort=True):
        metric, population, place, period, as_of = key
        sources = _representatives(day)
        interval, method = estimate(sources)
        conflict = in_conflict(sources, _neighbours(series_of[key[:-1]], as_of))
        areas = frozenset().union(*day["areas"])
        adm1 = sorted({a for value in day["adm1"].dropna() for a in value.split(";")})
        notes = _notes(day, excluded_by_key.get(key, excluded.iloc[0:0]), reasons)
        rows.append({
            "figure_id": figure_id(metric, population, place, period, as_of),
            "metric": metric, "population": population, "location": place,
            "adm1": ";".join(adm1) or None, "period_start": period or None, "as_of": as_of,
            "low": interval.low, "best": interval.best, "high": interval.high,
            "method": method, "claim_ids": sorted(day["claim_id"]),
            "disputed_by": _disputes(disputing, metric, areas, as_of),
            "sources": sorted(sources["origin"]),
            "n_sources": len(sources), "conflict": conflict,
            "reliability": reliability_range(list(sources["reliability"])),
            "override": "; ".join(notes) or None,
        })
    return rows


def _mark_series(figures: pd.DataFrame) -> pd.DataFrame:
    """Link each figure to the one before it in its series; flag drops as revisions."""
    figures["supersedes"] = None
    figures["revision"] = False
    for _, series in figures.groupby(SERIES_KEY, dropna=False, sort=False):
        ordered = series.sort_values("as_of")
        previous = None
        for index, row in ordered.iterrows():
            if previous is not None:
                figures.at[index, "supersedes"] = previous["figure_id"]
                figures.at[index, "revision"] = bool(row["best"] < previous["best"])
            previous = row
    return figures


def _apply_pins(figures: pd.DataFrame, overrides: Overrides) -> list:
    unmatched = []
    for pin in overrides.pins:
        metric, population, location, period, as_of = pin.key
        match = figures[(figures["metric"] == metric) & (figures["population"] == population)
                        & (figures["location"] == location) & (figures["as_of"] == as_of)
                        & (figures["period_start"].fillna("") == (period or ""))]
        if match.empty:
            unmatched.append((pin.number, f"pins {metric} {population} in {location} as of {as_of}, "
                                          "but no such figure was reconciled"))
            continue
        index = match.index[0]
        figures.loc[index, ["low", "best", "high"]] = [pin.low, pin.best, pin.high]
        figures.at[index, "method"] = "pinned by an analyst"
        earlier = figures.at[index, "override"]
        notes = [earlier] if isinstance(earlier, str) else []
        figures.at[index, "override"] = "; ".join(notes + [f"pinned: {pin.reason}"])
    return unmatched


def _unmatched_entries(problems: list[tuple[int, str]], overrides_path: str) -> list[dict]:
    return [{"path": overrides_path, "report_id": None, "stage": "reconcile", "table": "overrides",
             "row": number, "reason": f"override {number} {text}"} for number, text in sorted(problems)]


def reconcile(claims: pd.DataFrame, reports: pd.DataFrame, overrides: Overrides | None = None,
              overrides_path: str = "overrides.yaml") -> Reconciled:
    """Figures, the sources behind them, and overrides that matched nothing."""
    overrides = overrides or Overrides()
    book = SourceBook(overrides.regrades)
    reasons = {e.claim_id: e.reason for e in overrides.excludes}
    table = annotate(claims, reports, book, set(reasons))
    figures = pd.DataFrame(_figure_rows(table, reasons), columns=FIGURE_COLUMNS)
    figures = _mark_series(figures)
    problems = _apply_pins(figures, overrides)
    known_claims, origins = set(table["claim_id"]), {o.lower() for o in table["origin"]}
    problems += [(e.number, f"excludes claim {e.claim_id}, which no report states")
                 for e in overrides.excludes if e.claim_id not in known_claims]
    problems += [(r.number, f"re-grades {r.source}, which originates no claim")
                 for r in overrides.regrades if book.name_of(r.source).lower() not in origins]
    figures["high"] = figures["high"].astype("Int64")
    figures = figures.sort_values(["metric", "location", "population", "period_start", "as_of"],
                                  na_position="first", kind="stable").reset_index(drop=True)
    return Reconciled(figures, sources_table(table, book), _unmatched_entries(problems, overrides_path))
