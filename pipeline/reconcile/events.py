"""Incidents as events, as UCDP records them: one row per event with low, best and high.

An incident claim ("an air strike on the market killed at least 19") counts one
event. The claims of several reports that tell of one event (``event_groups.py``)
become one row:

- each originator counts once, by its latest count (a risen toll replaces the
  first one), the most precise, then largest, of that day;
- ``best`` is the count of the most reliable originator, the latest where grades
  tie, then the lower; ``low`` and ``high`` are the lowest and highest of the
  originators' counts (a toll that rose to 22 makes ``high`` 22); ``high`` is
  empty when every count is only a lower bound;
- a party to the conflict's count sets the event only when no other source
  tells of it; a denial never does;
- ``conflict`` is set when credible originators' counts of one day do not overlap
  (a toll that rises over days is no conflict);
- the event is dated and placed by its most precise claim: a day the text gives
  over a week or a month, a town over its governorate.

Everything is computed over whole columns; only events whose counts fall are
walked claim by claim (``event_groups.events``).
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from pipeline.reconcile.annotate import DAY_ZERO, annotate
from pipeline.reconcile.columns import best_of, firsts, lists, order, reduce_by
from pipeline.reconcile.columns import overlapping
from pipeline.reconcile.event_groups import date_windows, events, group_keys
from pipeline.reconcile.sources import RELIABILITY_ORDER, SourceBook
from schemas.reference import load_gazetteer

EVENT_COLUMNS = [
    "event_id", "metric", "population", "unit", "location", "adm0", "adm1", "adm2", "latitude", "longitude",
    "event_date", "date_precision", "low", "best", "high", "best_claim_id", "best_source",
    "claim_ids", "sources", "n_sources", "conflict", "reliability",
]
DATE_RANK = {"day": 0, "week": 1, "month": 2, "unknown": 3}
GRADE_NAMES = np.array(sorted(RELIABILITY_ORDER, key=RELIABILITY_ORDER.__getitem__), dtype=object)
CREDIBLE_FROM = 1  # grades above LOW disagree in earnest
PLACE_COLUMNS = ["adm2", "latitude", "longitude"]  # read where the claims table has them


def event_id(first_claim_id: str) -> str:
    """A stable id: the event first told of by the same claim keeps its id as reports are added."""
    return hashlib.sha256(f"event|{first_claim_id}".encode()).hexdigest()[:16]


def _days(dates: pd.Series) -> np.ndarray:
    return (pd.to_datetime(dates, format="%Y-%m-%d").to_numpy("datetime64[D]") - DAY_ZERO).astype(np.int64)


def _incidents(claims: pd.DataFrame) -> pd.DataFrame:
    """The asserted incident claims with a date, in claim id order, with every column events read."""
    chosen = claims[(claims["count_type"] == "incident") & (claims["stance"] == "asserted")
                    & claims["event_date"].notna()]
    chosen = chosen.sort_values("claim_id", kind="stable").reset_index(drop=True)
    for name in PLACE_COLUMNS:
        if name not in chosen:
            chosen[name] = None
    return chosen


def _towns(incident: pd.DataFrame) -> pd.Series:
    """The town each claim is placed in, below its admin area, as a key: a GeoNames town by its
    coordinates (any spelling of it), a town our gazetteer lists, or a place no gazetteer knows, by
    its written name. Null for a claim placed only by an admin area, a region or a country."""
    gazetteer = load_gazetteer()
    written = incident["location"].str.strip().str.lower()
    latitude = pd.to_numeric(incident["latitude"], errors="coerce")
    longitude = pd.to_numeric(incident["longitude"], errors="coerce")
    by_coordinates = "at " + latitude.round(2).astype(str) + "," + longitude.round(2).astype(str)
    named_town = written.isin(gazetteer.towns) | (incident["place"].isna() & written.notna())
    return by_coordinates.where(latitude.notna() & longitude.notna(), ("named " + written).where(named_town))


def _estimates(event: np.ndarray, n: int, cols: dict, report_day: np.ndarray):
    """Per event: the row setting best, low, high, conflict and the originators behind it
    (``source_event``/``source_origin`` pairs sorted, and their grades' range)."""
    origin, grade, party = cols["origin"], cols["grade"], cols["disputes"]
    o = order(event, origin, -report_day, cols["precision"], -cols["value"], cols["row"])
    reps = o[firsts(event[o], origin[o])]  # each originator's latest count of each event
    has_other = np.bincount(event[reps][~party[reps]], minlength=n) > 0
    reps = reps[~party[reps] | ~has_other[event[reps]]]
    rep_event = event[reps]
    best = reps[best_of(rep_event, n, (grade[reps], np.maximum), (report_day[reps], np.maximum),
                        (cols["point"][reps], np.minimum), (origin[reps], np.minimum))]
    low = np.minimum(reduce_by(np.minimum, rep_event, cols["low"][reps], n, np.iinfo(np.int64).max),
                     cols["point"][best])
    upper = cols["upper"][reps]
    finite = ~np.isnan(upper)
    high = reduce_by(np.maximum, rep_event[finite], upper[finite], n, -np.inf)
    high = np.where(np.isinf(high), np.nan, np.maximum(high, cols["point"][best]))
    credible = reps[grade[reps] >= CREDIBLE_FROM]
    day_group = order(event[credible], report_day[credible])
    credible = credible[day_group]
    same_day = np.cumsum(firsts(event[credible], report_day[credible])) - 1
    groups = int(same_day.max(initial=-1)) + 1
    top_low = reduce_by(np.maximum, same_day, cols["low"][credible].astype(np.float64), groups, -np.inf)
    bottom_high = reduce_by(np.minimum, same_day, np.nan_to_num(cols["upper"][credible], nan=np.inf),
                            groups, np.inf)
    apart = top_low > bottom_high
    conflict = np.zeros(n, dtype=bool)
    if groups:
        conflict[event[credible][firsts(same_day)][apart]] = True
    lowest = np.clip(reduce_by(np.minimum, rep_event, grade[reps], n, 9), 0, 2)
    highest = np.clip(reduce_by(np.maximum, rep_event, grade[reps], n, -1), 0, 2)
    reliability = np.where(lowest == highest, GRADE_NAMES[lowest], GRADE_NAMES[lowest] + "_TO_" + GRADE_NAMES[highest])
    return best, low, high, conflict, rep_event, origin[reps], reliability


def _most_precise(event: np.ndarray, n: int, *criteria: np.ndarray) -> np.ndarray:
    """Per event, the row that comes first by ``criteria`` (each smaller is better)."""
    o = order(event, *criteria)
    first = np.full(n, -1, dtype=np.int64)
    chosen = o[firsts(event[o])]
    first[event[chosen]] = chosen
    return first


def reconcile_events(claims: pd.DataFrame, reports: pd.DataFrame, book: SourceBook,
                     excluded: set[str] = frozenset()) -> pd.DataFrame:
    """The events table: one row per incident, in the order of metric, place and date."""
    incident = _incidents(claims)
    if incident.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    annotated = annotate(incident, reports, book, set(excluded))
    cols = annotated.columns
    kept = np.flatnonzero(~cols["excluded"])
    if not len(kept):
        return pd.DataFrame(columns=EVENT_COLUMNS)
    incident = incident.iloc[kept].reset_index(drop=True)
    cols = {name: column[kept] for name, column in cols.items()}
    cols["row"] = np.arange(len(kept))
    origin_names = annotated.origins["source"].to_numpy(dtype=object)
    report_day = cols["day"]
    precision = incident["date_precision"].fillna("unknown").to_numpy(dtype=object)
    first, last = date_windows(_days(incident["event_date"]), precision, report_day)
    town = _towns(incident)
    key = group_keys(incident["metric"], incident["unit"], incident["population"], incident["adm1"], town,
                     incident["report_id"])
    event = events(overlapping(key, first, last), first, last, cols["point"], precision == "unknown", report_day)
    n = int(event.max()) + 1
    best, low, high, conflict, source_event, source_origin, reliability = _estimates(event, n, cols, report_day)

    claim_ids = incident["claim_id"].to_numpy(dtype=object)
    by_event = order(event, cols["row"])
    dated_by = _most_precise(event, n, pd.Series(precision).map(DATE_RANK).to_numpy(np.int64), first)
    placed_by = _most_precise(event, n, town.isna().to_numpy().astype(np.int8),
                              incident["adm1"].isna().to_numpy().astype(np.int8),
                              incident["latitude"].isna().to_numpy().astype(np.int8), cols["row"])
    told_first = _most_precise(event, n, report_day, cols["row"])
    population = incident["population"].to_numpy(dtype=object)
    civilians = np.bincount(event[population == "civilians"], minlength=n) > 0
    event_population = np.where((population[placed_by] == "people") & civilians, "civilians", population[placed_by])
    # a town is shown as written ("Saraqib"), an area by its gazetteer name ("Idleb")
    place = incident["location"].where(town.notna(), incident["place"].fillna(incident["location"]))
    place = place.fillna("unspecified").to_numpy(dtype=object)
    table = pd.DataFrame({
        "event_id": [event_id(claim) for claim in claim_ids[told_first]],
        "metric": incident["metric"].to_numpy(dtype=object)[placed_by],
        "population": event_population, "unit": incident["unit"].to_numpy(dtype=object)[placed_by],
        "location": place[placed_by],
        **{name: incident[name].to_numpy(dtype=object)[placed_by] for name in ("adm0", "adm1", "adm2")},
        **{name: pd.to_numeric(incident[name], errors="coerce").to_numpy(np.float64)[placed_by]
           for name in ("latitude", "longitude")},
        "event_date": incident["event_date"].to_numpy(dtype=object)[dated_by],
        "date_precision": precision[dated_by],
        "low": low, "best": cols["point"][best],
        "high": pd.array(high, dtype="Float64").astype("Int64"),
        "best_claim_id": claim_ids[best], "best_source": origin_names[cols["origin"][best]],
        "claim_ids": lists(event[by_event], claim_ids[by_event], n),
        "sources": lists(source_event, origin_names[source_origin], n),
        "n_sources": np.bincount(source_event, minlength=n),
        "conflict": conflict, "reliability": reliability,
    })
    return table.sort_values(["metric", "adm1", "location", "event_date", "event_id"],
                             na_position="last", kind="stable").reset_index(drop=True)[EVENT_COLUMNS]
