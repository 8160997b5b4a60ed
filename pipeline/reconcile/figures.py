"""Reconcile claims into figures with low, best and high, and the claims behind them.

Claims are the same quantity when they share metric, population, place and
period start (a *series*); the series publishes one figure on each day one of
its sources gave a count. Per figure:

- each originator counts once: its latest count within the staleness window
  (``window.py``), the most precise, then largest, claim of that day;
- ``best`` is the count of the most reliable originator in the window; where
  grades tie, the more recent, then the lower (ACLED's most conservative
  estimate). A flow's best does not fall unless its own originator lowers it
  (``flows.py``);
- ``low`` and ``high`` span the counts weighed; ``high`` is empty when every
  one gives only a lower bound;
- denials and claims of parties to the conflict never set an estimate; they are
  listed in ``disputed_by`` of the figures they contest (``disputes.py``);
- ``conflict`` is set when credible sources disagree (``conflicts.py``).

Everything is computed over whole columns (sort, group, range-join), so the
cost grows with the number of claims, not with claims times figures.
docs/methodology.md gives the reasons for each rule.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipeline.reconcile import conflicts, disputes
from pipeline.reconcile.annotate import DAY_ZERO, Annotated, annotate, claim_areas
from pipeline.reconcile.event_sums import figure_sums
from pipeline.reconcile.events import EVENT_COLUMNS
from pipeline.reconcile.columns import Columns, collector_paused, expand, firsts, lists, order, reduce_by, take
from pipeline.reconcile.households import people_estimates
from pipeline.reconcile.flows import admissible_from, standing_floor, withdrawals
from pipeline.reconcile.notes import apply_pins, override_notes, unmatched_entries
from pipeline.reconcile.overrides import Overrides
from pipeline.reconcile.sources import RELIABILITY_ORDER, SourceBook, sources_table
from pipeline.reconcile.window import STALE_AFTER_DAYS, Dates, choose, daily_counts, published_dates, weigh

FIGURE_COLUMNS = [
    "figure_id", "metric", "population", "unit", "location", "adm1", "count_type", "period_start", "as_of",
    "low", "best", "high", "best_claim_id", "best_source", "best_age_days", "method",
    "claim_ids", "disputed_by", "sources", "n_sources", "conflict", "reliability",
    "revision", "revised_by", "supersedes", "override", "people_estimate", "household_size",
    "household_size_source", "events_best_sum", "n_events",
]
DISPUTE_WINDOW_DAYS = disputes.DISPUTE_WINDOW_DAYS
CONFLICT_WINDOW_DAYS = conflicts.CONFLICT_WINDOW_DAYS
NUMERIC = ["row", "series", "origin", "day", "precision", "value", "grade", "flow", "low", "point", "upper"]
GRADE_NAMES = np.array(sorted(RELIABILITY_ORDER, key=RELIABILITY_ORDER.__getitem__), dtype=object)


@dataclass
class Reconciled:
    figures: pd.DataFrame
    sources: pd.DataFrame
    unmatched: list[dict] = field(default_factory=list)  # overrides that matched nothing, as quarantine entries


RUNNING_TOTAL = "running total"  # the period key of a running total whose start no report gives


def figure_id(metric: str, population: str, place: str, period: str, as_of: str) -> str:
    key = "|".join([metric, population, place, period, as_of])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _method(n_sources: np.ndarray, held: np.ndarray, stale_after_days: int) -> np.ndarray:
    """The rule that chose each figure's values, written once per distinct case."""
    if stale_after_days == 0:
        several = "best from the most reliable of {} independent sources, lowest where they tie; " \
                  "low and high span their intervals"
    else:
        several = ("best from the most reliable of {} independent sources with a count in the "
                   f"{stale_after_days} days to this date, the most recent then the lowest where they tie; "
                   "low and high span their intervals")
    held_text = "; best held at an earlier count still standing, as a flow does not fall"
    cases, which = np.unique(n_sources.astype(np.int64) * 2 + held, return_inverse=True)
    texts = [("single source: its stated interval" if case // 2 == 1 else several.format(case // 2))
             + (held_text if case % 2 else "") for case in cases.tolist()]
    return np.array(texts, dtype=object)[which]


def _bounds(reps: Columns, date: np.ndarray, count: np.ndarray, best: np.ndarray,
            dates: int) -> tuple[np.ndarray, np.ndarray]:
    """low and high of each date row over the counts it weighs (``date`` sorted). For a
    flow, counts older than the best one only say the number was at least so much
    then: they neither lower ``low`` nor raise ``high``."""
    day, point = reps["day"], reps["point"]
    spans = ~reps["flow"][count] | (day[count] >= day[best[date]])
    date, count = date[spans], count[spans]
    low = np.minimum(point[best], reduce_by(np.minimum, date, reps["low"][count], dates, np.iinfo(np.int64).max))
    upper = reps["upper"][count]
    finite = ~np.isnan(upper)
    high = reduce_by(np.maximum, date[finite], upper[finite], dates, -np.inf)
    high = np.where(np.isinf(high), np.nan, np.maximum(high, point[best]))
    return low, high


def _marks(reps: Columns, best: np.ndarray, withdrawn: np.ndarray, dates: Dates,
           claim_ids: np.ndarray, figure_ids: np.ndarray) -> dict[str, np.ndarray]:
    """Link each figure to the one before it in its series and flag downward revisions.

    A stock's best below the previous date's is a revision, named by the claim now
    setting best. A flow's is one only when the originator behind the previous best
    has since given a lower count: that claim names it.
    """
    has_previous = np.arange(len(dates)) > dates.start
    previous = np.maximum(np.arange(len(dates)) - 1, 0)
    point = reps["point"]
    dropped = has_previous & (point[best] < point[best[previous]])
    lowering = withdrawn[best[previous]]
    lowered_by_now = (lowering >= 0) & (reps["day"][np.maximum(lowering, 0)] <= dates.day)
    flow = reps["flow"][best]
    revision = dropped & (~flow | lowered_by_now)
    claim = claim_ids[reps["row"]]  # the claim standing for each count
    revised_by = np.where(flow, claim[np.maximum(lowering, 0)], claim[best])
    return {"revision": revision, "revised_by": np.where(revision, revised_by, None),
            "supersedes": np.where(has_previous, figure_ids[previous], None)}


def _estimates(reps: Columns, dates: Dates, stale_after_days: int):
    """Per date row: the count that sets best and whether a standing flow count held it
    up; and the (date row, count) pairs behind each figure, sorted."""
    weighed_date, weighed_count = weigh(reps, dates, stale_after_days)
    chosen = choose(reps, weighed_date, weighed_count, len(dates))
    withdrawn = withdrawals(reps)
    flows = np.flatnonzero(reps["flow"][chosen])
    date_of = dates.find(reps["series"], reps["day"])
    admissible = admissible_from(reps, stale_after_days)
    floor = standing_floor(reps, dates, date_of, withdrawn, admissible, chosen, flows)
    point = reps["point"]
    held = np.zeros(len(dates), dtype=bool)
    held[flows] = (floor >= 0) & (point[np.maximum(floor, 0)] > point[chosen[flows]])
    best = chosen.copy()
    best[held] = floor[held[flows]]
    date = np.r_[weighed_date, np.arange(len(dates))]
    count = np.r_[weighed_count, best]
    o = order(date, count)
    once = firsts(date[o], count[o])
    return best, held, withdrawn, date[o][once], count[o][once]


def _areas(annotated: Annotated, claim_date: np.ndarray, claim_row: np.ndarray, dates: Dates,
           disputing: np.ndarray) -> tuple[list, np.ndarray, np.ndarray]:
    """Per date row: its admin-1 list, and its (figure row, disputing claim row) pairs."""
    columns = annotated.columns
    areas = claim_areas(annotated)
    which, area, adm1 = areas.of(claim_row)
    figure = claim_date[which]
    o = order(figure, area)
    once = firsts(figure[o], area[o])
    figure, area, adm1 = figure[o][once], area[o][once], adm1[o][once]
    adm1_lists = lists(figure[adm1], areas.names[area[adm1]], len(dates))
    series = annotated.series
    populations = len(annotated.population_names)
    people = np.flatnonzero(annotated.population_names == "people")
    people = int(people[0]) if len(people) else -1
    figure_series = dates.series[figure]
    figure_area = {"figure": figure, "area": area, "day": dates.day[figure],
                   "quantity": disputes.quantity(series["metric_code"].to_numpy()[figure_series],
                                                 (series["kind"] == "flow").to_numpy()[figure_series],
                                                 series["population_code"].to_numpy()[figure_series], populations)}
    contested, found = disputes.quantities(columns["metric_code"][disputing], columns["flow"][disputing],
                                           columns["denied"][disputing] & (columns["value"][disputing] == 0),
                                           columns["population"][disputing], people, populations)
    which, area, _ = areas.of(disputing[contested])
    row = disputing[contested][which]
    disputing_area = {"claim": row, "area": area, "quantity": found[which], "day": columns["day"][row]}
    disputed_figure, disputed_claim = disputes.disputed_by(figure_area, disputing_area)
    return adm1_lists, disputed_figure, disputed_claim


def _sources(reps: Columns, date: np.ndarray, count: np.ndarray, dates: int):
    """Per figure: its originators (date row and originator number pairs, sorted), their
    number and the range of their grades."""
    origin = reps["origin"][count]
    o = order(date, origin)
    one_each = firsts(date[o], origin[o])
    source_date, source_origin = date[o][one_each], origin[o][one_each]
    grades = reps["grade"][count][o][one_each]
    lowest = np.clip(reduce_by(np.minimum, source_date, grades, dates, 9), 0, 2)
    highest = np.clip(reduce_by(np.maximum, source_date, grades, dates, -1), 0, 2)
    reliability = np.where(lowest == highest, GRADE_NAMES[lowest], GRADE_NAMES[lowest] + "_TO_" + GRADE_NAMES[highest])
    return source_date, source_origin, np.bincount(source_date, minlength=dates), reliability


def _claims_behind(counts, date: np.ndarray, count: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(date row, claim row) for every support claim of the counts behind each figure,
    republications included; sorted."""
    claims_by_count = np.argsort(counts.count_of, kind="stable")
    count_start = np.searchsorted(counts.count_of[claims_by_count], np.arange(len(counts.reps["row"]) + 1))
    pair, position = expand(count_start[count], count_start[count + 1])
    claim_row = counts.claim_row[claims_by_count[position]]
    claim_date = date[pair]
    o = order(claim_date, claim_row)
    return claim_date[o], claim_row[o]


def _figures(annotated: Annotated, stale_after_days: int, reasons: dict[str, str]) -> pd.DataFrame:
    columns = annotated.columns
    # incidents are events (events.py): a series holds only running and period totals and stocks
    dated = columns["dated"] & (columns["count_type"] != "incident")
    disputing, excluded = columns["disputes"], columns["excluded"]
    support = take({name: columns[name] for name in NUMERIC}, np.flatnonzero(dated & ~disputing & ~excluded))
    if not len(support["row"]):
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    counts = daily_counts(support)
    reps = counts.reps
    dates = published_dates(reps)
    n = len(dates)
    best, held, withdrawn, date, count = _estimates(reps, dates, stale_after_days)
    low, high = _bounds(reps, date, count, best, n)
    conflict = conflicts.near_in_time(reps, dates) | conflicts.against_best(reps, date, count, best, n)
    source_date, source_origin, n_sources, reliability = _sources(reps, date, count, n)
    claim_date, claim_row = _claims_behind(counts, date, count)
    adm1_lists, disputed_figure, disputed_claim = _areas(annotated, claim_date, claim_row, dates,
                                                         np.flatnonzero(dated & disputing & ~excluded))

    metric, population, place, period, kind, unit, adm0 = (
        annotated.series[name].to_numpy(dtype=object)[dates.series]
        for name in ("metric", "population", "place_key", "period_key", "kind", "unit", "adm0"))
    as_of = (dates.day.astype("timedelta64[D]") + DAY_ZERO).astype(str).astype(object)
    claim_ids = columns["claim_id"]
    origin_names = annotated.origins["source"].to_numpy(dtype=object)
    period_of_id = np.where((period == "") & (kind == "flow"), RUNNING_TOTAL, period)
    counted = np.where(unit == "households", metric + " households", metric)  # ids of people figures as before
    figure_ids = np.array([figure_id(*key) for key in zip(counted, population, place, period_of_id, as_of)],
                          dtype=object)
    regrade = annotated.origins["override"].to_numpy(dtype=object)
    marks = _marks(reps, best, withdrawn, dates, claim_ids, figure_ids)
    revision = marks.pop("revision")
    text = {
        "figure_id": figure_ids, "metric": metric, "population": population, "unit": unit, "location": place,
        "count_type": columns["count_type"][reps["row"][best]],
        "adm1": np.array([";".join(items) or None for items in adm1_lists], dtype=object),
        "period_start": np.where(period == "", None, period), "as_of": as_of,
        "best_claim_id": claim_ids[reps["row"][best]], "best_source": origin_names[reps["origin"][best]],
        "method": _method(n_sources, held, stale_after_days), "reliability": reliability,
        "claim_ids": lists(claim_date, claim_ids[claim_row], n),
        "disputed_by": lists(disputed_figure, claim_ids[disputed_claim], n),
        "sources": lists(source_date, origin_names[source_origin], n),
        **marks,
        "override": override_notes(columns, dates, stale_after_days, reasons, source_date,
                                   origin_names[source_origin], regrade[source_origin]),
    }
    numbers = {
        "low": low, "best": reps["point"][best], "high": pd.array(high, dtype="Float64").astype("Int64"),
        "best_age_days": pd.array(dates.day - reps["day"][best], dtype="Int64"),
        "n_sources": n_sources, "conflict": conflict, "revision": revision,
    }
    figures = pd.DataFrame({**{name: pd.Series(values, dtype=object) for name, values in text.items()},
                            **{name: pd.Series(values) for name, values in numbers.items()},
                            **people_estimates(unit, adm0, reps["point"][best])})
    # published in the order of metric, place, population, period start (stocks first), date
    series_order = annotated.series.assign(flow=annotated.series["kind"] == "flow").sort_values(
        ["metric", "place_key", "population", "unit", "flow", "period_key"]).index  # people, then stocks, first
    series_rank = np.empty(len(series_order), dtype=np.int64)
    series_rank[series_order.to_numpy()] = np.arange(len(series_order))
    return figures.take(order(series_rank[dates.series], dates.day)).reset_index(drop=True)


def reconcile(claims: pd.DataFrame, reports: pd.DataFrame, overrides: Overrides | None = None,
              overrides_path: str = "overrides.yaml", stale_after_days: int = STALE_AFTER_DAYS,
              events: pd.DataFrame | None = None) -> Reconciled:
    """Figures, the sources behind them, and overrides that matched nothing.

    ``stale_after_days`` is how long a count speaks for later dates of its series;
    0 weighs each date's own counts only. Totals with a start get the sum of the
    ``events`` (``events.py``) counted in their place and span.
    """
    if stale_after_days < 0:
        raise ValueError(f"stale_after_days must be 0 or more, not {stale_after_days}")
    with collector_paused():
        return _reconcile(claims, reports, overrides or Overrides(), overrides_path, stale_after_days,
                          pd.DataFrame(columns=EVENT_COLUMNS) if events is None else events)


def _reconcile(claims: pd.DataFrame, reports: pd.DataFrame, overrides: Overrides, overrides_path: str,
               stale_after_days: int, events: pd.DataFrame) -> Reconciled:
    book = SourceBook(overrides.regrades)
    reasons = {e.claim_id: e.reason for e in overrides.excludes}
    annotated = annotate(claims, reports, book, set(reasons))
    figures = _figures(annotated, stale_after_days, reasons)
    figures["events_best_sum"], figures["n_events"] = figure_sums(figures, events)
    figures = figures[FIGURE_COLUMNS]
    problems = apply_pins(figures, overrides)
    known_claims = set(annotated.columns["claim_id"])
    origins = {name.lower() for name in annotated.origins["source"]}
    problems += [(e.number, f"excludes claim {e.claim_id}, which no report states")
                 for e in overrides.excludes if e.claim_id not in known_claims]
    problems += [(r.number, f"re-grades {r.source}, which originates no claim")
                 for r in overrides.regrades if book.name_of(r.source).lower() not in origins]
    sources = sources_table(annotated.origins, annotated.columns["origin"])
    return Reconciled(figures, sources, unmatched_entries(problems, overrides_path))
