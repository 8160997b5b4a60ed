"""Claims made ready to reconcile: who stands behind each, its grade, series, day and interval.

Everything is computed over whole columns, as numpy arrays: strings are read out
of the claims table once and replaced by numbers (of originators, series, areas)
wherever a step only compares them. Names and grades are looked up once per
distinct name, never once per claim.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.reconcile.columns import Columns, expand, firsts, order, overlapping
from pipeline.reconcile.intervals import claim_bounds
from pipeline.reconcile.sources import RELIABILITY_ORDER, SourceBook

UNKNOWN_PLACE = "unspecified"
# Displacement counts people whoever they are: a report's "civilians" and
# "people" fled, or are refugees, alike, so they are pooled as `people`.
# Deaths are not pooled: "people killed" may include combatants.
POOLED_METRICS = ["displaced", "refugees", "returned"]
# One originator's several claims of one quantity on one day: the most precise
# counts (exact, then range, then approximate, then bounds, then vague).
PRECISION = {"exact": 0, "range": 1, "approximately": 2, "at_least": 3, "more_than": 3,
             "up_to": 4, "less_than": 4, "vague": 5}
DAY_ZERO = np.datetime64("1800-01-01", "D")  # days are counted from here, so every date is a positive day
# Counts that only grow: a running total since a start, and a total over a bounded period.
FLOW_TYPES = ["cumulative", "period"]


@dataclass
class Annotated:
    """The claims as columns, one row per claim in claim id order.

    ``columns``: claim_id (strings); row, origin (a number, in name order), grade
    (0 LOW, 1 MEDIUM, 2 HIGH), series (a number per metric, population, place, kind
    and period start, in name order), metric_code, flow (a running or period total,
    not a stock), day (days since 1800), dated,
    value, low/point/upper (the claim's interval, upper NaN when open), precision,
    disputes (a denial or a party's claim), denied, excluded, adm1/place/population (numbers
    into ``adm1_names``/``place_names``/``population_names``, adm1 -1 where none is known),
    and count_type (the words).
    ``origins`` describes each originator by number; ``series`` each series.
    """

    columns: Columns
    origins: pd.DataFrame  # source, reliability, party, registered, override
    series: pd.DataFrame  # metric, population, place_key, kind, period_key, metric_code
    adm1_names: np.ndarray
    place_names: np.ndarray
    population_names: np.ndarray


def _coded(column: pd.Series, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(number of each cell, taken at ``rows``; the distinct values in name order).
    Missing and empty cells are -1. Strings are numbered where they are stored
    (Arrow), not turned into Python objects one by one."""
    codes, distinct = pd.factorize(column, sort=True)
    distinct = np.asarray(distinct, dtype=object)
    codes = codes[rows].astype(np.int64)
    empty = np.flatnonzero(distinct == "")
    if len(empty):
        codes[codes == empty[0]] = -1
    return codes, distinct


def _look_up(codes: np.ndarray, distinct: np.ndarray, mapping, missing) -> np.ndarray:
    """``mapping(value)`` of each coded cell, computed once per distinct value; ``missing`` for -1."""
    return np.array([mapping(value) for value in distinct] + [missing], dtype=object)[codes]


def _appended(values: np.ndarray, *extra) -> np.ndarray:
    """``values`` with ``extra`` after them, as an object array."""
    result = np.empty(len(values) + len(extra), dtype=object)
    result[:len(values)] = values
    result[len(values):] = extra
    return result


def _renamed(codes: np.ndarray, names: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes into ``names`` (which may repeat a name) as codes into its distinct names, in order."""
    distinct, position = np.unique(np.asarray(names, dtype=object), return_inverse=True)
    return np.r_[position, -1][codes].astype(np.int64), distinct


def _days(codes: np.ndarray, distinct: np.ndarray) -> np.ndarray:
    """Days since 1800 of coded ISO dates; -1 where missing."""
    days = pd.to_datetime(pd.Series(distinct, dtype=object), format="%Y-%m-%d").to_numpy("datetime64[D]")
    return np.r_[(days - DAY_ZERO).astype(np.int64), -1][codes]


def _origins(credited: tuple, publisher: tuple, report: np.ndarray, book: SourceBook) -> tuple[np.ndarray, pd.DataFrame]:
    """Each claim's originator number (the claim's `originator`, else its report's publisher, as
    the registry names it) and each originator's name and grade, in name order."""
    credited_codes, credited_names = credited
    publisher_codes, publisher_names = publisher
    spellings = _appended(credited_names, *publisher_names)
    spelled = np.where(credited_codes >= 0, credited_codes,
                       len(credited_names) + np.r_[publisher_codes, -1 - len(credited_names)][report])
    used, spelled = np.unique(spelled, return_inverse=True)  # only spellings some claim has
    named = np.array([book.name_of(name) for name in spellings[used]], dtype=object)
    origin, names = pd.factorize(named, sort=True)
    names = np.asarray(names, dtype=object)
    grades = [book.grade(name) for name in names]
    origins = pd.DataFrame({
        "source": names, "reliability": [grade.reliability for grade in grades],
        "party": np.array([grade.party for grade in grades], dtype=bool),
        "registered": np.array([grade.registered for grade in grades], dtype=bool),
        "override": np.array([grade.override for grade in grades], dtype=object),
    })
    return origin[spelled].astype(np.int64), origins


def _names_seen(origin: np.ndarray, origins: int, credited: tuple, publisher: tuple,
                report: np.ndarray) -> list[list[str]]:
    """Per originator, the names reports give it (sorted): as credited, else the publisher's name."""
    credited_codes, credited_names = credited
    publisher_codes, publisher_names = publisher
    written = np.where(credited_codes >= 0, _appended(credited_names, None)[credited_codes],
                       _appended(publisher_names, None)[np.r_[publisher_codes, -1][report]])
    pairs = pd.DataFrame({"origin": origin, "name": written}).dropna().drop_duplicates()
    named = pairs.sort_values(["origin", "name"], kind="stable").groupby("origin")["name"].agg(list)
    return named.reindex(range(origins)).map(lambda names: names if isinstance(names, list) else []).tolist()


def _series(parts: dict[str, tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, pd.DataFrame]:
    """Each claim's series number, numbered in name order, and each series' key."""
    key = np.zeros(len(parts["metric"][0]), dtype=np.int64)
    for codes, distinct in parts.values():
        key = key * (len(distinct) + 1) + codes + 1
    _, first, series = np.unique(key, return_index=True, return_inverse=True)
    table = pd.DataFrame({name: _appended(distinct, None)[codes[first]] for name, (codes, distinct) in parts.items()})
    table["metric_code"] = parts["metric"][0][first]
    table["population_code"] = parts["population"][0][first]
    return series.astype(np.int64), table


def _period_keys(key: np.ndarray, coded_start: tuple, coded_latest: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Each flow's period start as its series knows it: starts given loosely ("since late April",
    21-30 April) and starts inside that window ("since 29 April") are one series, whose start is
    that of its most precisely dated claim (the earliest of equals). -1 where there is no start."""
    codes, names = coded_start
    start = _days(codes, names)
    latest_codes = np.where(coded_latest[0] >= 0, coded_latest[0], -1)
    latest = np.where(latest_codes >= 0, _days(latest_codes, coded_latest[1]), start)
    latest = np.maximum(latest, start)
    rows = np.flatnonzero(codes >= 0)
    result = np.full(len(codes), -1, dtype=np.int64)
    if not len(rows):
        return result, names
    cluster = overlapping(key[rows], start[rows], latest[rows])
    o = order(cluster, latest[rows] - start[rows], start[rows])
    chosen = o[firsts(cluster[o])]
    representative = np.empty(int(cluster.max()) + 1, dtype=np.int64)
    representative[cluster[chosen]] = codes[rows][chosen]
    result[rows] = representative[cluster]
    return result, names


def _report_rows(claim_report: pd.Series, report_ids: pd.Series) -> np.ndarray:
    """The row in the reports table of each claim's report; -1 where unknown."""
    codes, distinct = pd.factorize(pd.concat([report_ids, claim_report], ignore_index=True))
    row = np.full(len(distinct) + 1, -1, dtype=np.int64)
    row[codes[:len(report_ids)]] = np.arange(len(report_ids))
    return row[codes[len(report_ids):]]


def annotate(claims: pd.DataFrame, reports: pd.DataFrame, book: SourceBook, excluded: set[str]) -> Annotated:
    by_id = claims["claim_id"].argsort(kind="stable").to_numpy()
    coded = {name: _coded(claims[name], by_id) for name in
             ("metric", "population", "place", "adm0", "adm1", "period_start", "period_start_latest", "period_end",
              "qualifier", "hedge", "stance", "attributed_to", "originator", "count_type", "unit")}
    report = _report_rows(claims["report_id"], reports["report_id"])[by_id]
    publisher = _coded(reports["publisher"], np.arange(len(reports)))
    published = _coded(reports["published"], np.arange(len(reports)))
    origin, origins = _origins(coded["originator"], publisher, report, book)
    origins["names"] = _names_seen(origin, len(origins), coded["attributed_to"], publisher, report)
    # displacement of civilians is displacement of people
    metric, metrics = coded["metric"]
    population, populations = coded["population"]
    pooled = np.isin(metric, np.flatnonzero(np.isin(metrics, POOLED_METRICS)))
    pooled &= np.isin(population, np.flatnonzero(populations == "civilians"))
    population, populations = _renamed(np.where(pooled, len(populations), population), _appended(populations, "people"))
    place, places = coded["place"]
    place, places = _renamed(np.where(place < 0, len(places), place), _appended(places, UNKNOWN_PLACE))
    count_type, count_types = coded["count_type"]
    flow = np.isin(count_type, np.flatnonzero(np.isin(count_types, FLOW_TYPES)))
    kinds = np.array(["stock", "flow"], dtype=object)
    unit, units = coded["unit"]
    quantity = ((metric * (len(populations) + 1) + population) * (len(places) + 1) + place) * (len(units) + 1) + unit
    period, periods = _period_keys(quantity * 2 + flow, coded["period_start"], coded["period_start_latest"])
    series, series_table = _series({"metric": (metric, metrics), "population": (population, populations),
                                    "unit": (unit, units), "place_key": (place, places),
                                    "kind": (flow.astype(np.int64), kinds), "period_key": (period, periods)})
    series_table["period_key"] = series_table["period_key"].fillna("")
    adm0, countries = coded["adm0"]
    _, first_claim = np.unique(series, return_index=True)
    series_table["adm0"] = _appended(countries, None)[adm0[first_claim]]
    day = np.where(coded["period_end"][0] >= 0, _days(*coded["period_end"]),
                   np.r_[_days(*published), -1][report])
    value = claims["value"].to_numpy(np.int64)[by_id]
    high = pd.to_numeric(claims["high"], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)[by_id]
    qualifier = _appended(coded["qualifier"][1], None)[coded["qualifier"][0]]
    hedge = _appended(coded["hedge"][1], None)[coded["hedge"][0]]
    low, point, upper = claim_bounds(value, high, qualifier, hedge)
    claim_id = claims["claim_id"].to_numpy(dtype=object)[by_id]
    stance, stances = coded["stance"]
    denied = np.isin(stance, np.flatnonzero(stances == "denied"))
    columns = {
        "claim_id": claim_id, "row": np.arange(len(value)), "origin": origin,
        "grade": origins["reliability"].map(RELIABILITY_ORDER).to_numpy(np.int8)[origin],
        "series": series, "metric_code": metric, "flow": flow, "day": np.maximum(day, 0),
        "dated": day >= 0, "value": value, "low": low, "point": point, "upper": upper,
        "precision": _look_up(*coded["qualifier"], lambda name: PRECISION.get(name, 9), 9).astype(np.int8),
        "disputes": denied | origins["party"].to_numpy()[origin], "denied": denied,
        "population": population, "count_type": _appended(count_types, None)[count_type],
        "excluded": (pd.Series(claim_id, dtype=object).isin(excluded).to_numpy() if excluded
                     else np.zeros(len(value), dtype=bool)),
        "adm1": coded["adm1"][0], "place": place,
    }
    return Annotated(columns, origins, series_table, coded["adm1"][1], places, populations)


@dataclass
class Areas:
    """The areas claims cover: claim row i covers ``area[first[cover[i]]:first[cover[i] + 1]]``,
    ``adm1`` telling which of those are admin areas (else the place itself); ``names``
    are the area names, in the order of their numbers."""

    cover: np.ndarray
    first: np.ndarray
    area: np.ndarray
    adm1: np.ndarray
    names: np.ndarray

    def of(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(index into ``rows``, area, is adm1) for every area the claims at ``rows`` cover."""
        cover = self.cover[rows]
        which, position = expand(self.first[cover], self.first[cover + 1])
        return which, self.area[position], self.adm1[position]


def claim_areas(annotated: Annotated) -> Areas:
    """The admin areas each claim covers, or its place where none is known. A denial
    about Idlib and a figure for northwest Syria share the area Idleb."""
    adm1, place = annotated.columns["adm1"], annotated.columns["place"]
    adm1_names, place_names = annotated.adm1_names, annotated.place_names
    cover = np.where(adm1 >= 0, adm1, len(adm1_names) + place)
    split = pd.DataFrame({"cover": np.arange(len(adm1_names)),
                          "area": pd.Series(adm1_names, dtype=object).str.split(";")}).explode("area")
    places = pd.DataFrame({"cover": len(adm1_names) + np.arange(len(place_names)), "area": place_names})
    entries = pd.concat([split, places], ignore_index=True)
    is_adm1 = entries["cover"].to_numpy() < len(adm1_names)
    area, names = pd.factorize(entries["area"].to_numpy(dtype=object), sort=True)
    first = np.searchsorted(entries["cover"].to_numpy(np.int64), np.arange(len(adm1_names) + len(place_names) + 1))
    return Areas(cover, first, area.astype(np.int64), is_adm1, np.asarray(names, dtype=object))
