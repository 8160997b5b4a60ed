"""The reconciliation rules of docs/methodology.md written out plainly, claim by claim,
and a builder of small claims tables for the reconciliation tests.

``figures`` is a reference for the property tests: slow, obvious loops over
small inputs, sharing no code with pipeline/reconcile/ beyond the source
registry and the interval of a single claim.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from pipeline.extract import CLAIM_COLUMNS
from pipeline.extract.originators import identify
from pipeline.reconcile.intervals import claim_interval
from pipeline.reconcile.sources import SourceBook

GRADE = {"LOW": 0, "MEDIUM": 1, "HIGH": 2}
PRECISION = {"exact": 0, "range": 1, "approximately": 2, "at_least": 3, "more_than": 3,
             "up_to": 4, "less_than": 4, "vague": 5}
NEAR_DAYS, DISPUTE_DAYS = 3, 31


@dataclass(frozen=True)
class Claim:
    claim_id: str
    series: tuple  # metric, population, place, period start ('' for a stock)
    origin: str
    grade: int
    day: dt.date
    value: int
    precision: int
    low: int
    point: int
    high: int | None
    areas: frozenset
    adm1: tuple
    disputes: bool
    any_kind: bool = False  # a denial of any such count at all contests stocks and totals alike

    @property
    def flow(self) -> bool:
        return self.series[3] != ""


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def read_claims(claims: pd.DataFrame, reports: pd.DataFrame, excluded: set = frozenset()) -> list[Claim]:
    book = SourceBook([])
    report_of = {row["report_id"]: row for row in reports.to_dict("records")}
    found = []
    for row in claims.to_dict("records"):
        if row["claim_id"] in excluded:
            continue
        report = report_of[row["report_id"]]
        origin = book.originator(_text(row["originator"]), report["publisher"])
        grade = book.grade(origin)
        population = row["population"]
        if row["metric"] in ("displaced", "refugees", "returned") and population == "civilians":
            population = "people"
        place = _text(row["place"]) or "unspecified"
        adm1 = tuple(_text(row["adm1"]).split(";")) if _text(row["adm1"]) else ()
        high = None if pd.isna(row["high"]) else int(row["high"])
        interval = claim_interval(int(row["value"]), high, row["qualifier"], _text(row["hedge"]))
        as_of = _text(row["period_end"]) or report["published"]
        found.append(Claim(row["claim_id"], (row["metric"], population, place, _text(row["period_start"]) or ""),
                           origin, GRADE[grade.reliability], dt.date.fromisoformat(as_of), int(row["value"]),
                           PRECISION[row["qualifier"]], interval.low, interval.best, interval.high,
                           frozenset(adm1 or (place,)), adm1, row["stance"] == "denied" or grade.party,
                           row["stance"] == "denied" and int(row["value"]) == 0))
    return found


def representative(claims: list[Claim]) -> Claim:
    """An originator's claim of a day: the most precise, then the largest, then the first id."""
    return min(claims, key=lambda c: (c.precision, -c.value, c.claim_id))


def counts(support: list[Claim]) -> dict:
    """(series, origin, day) -> the count standing for that originator that day."""
    grouped: dict = {}
    for claim in support:
        grouped.setdefault((claim.series, claim.origin, claim.day), []).append(claim)
    return {key: representative(group) for key, group in grouped.items()}


def latest_in_window(series_counts: list[Claim], day: dt.date, window: int) -> list[Claim]:
    """Each originator's latest count dated within [day - window, day]."""
    latest: dict = {}
    for count in series_counts:
        if day - dt.timedelta(days=window) <= count.day <= day:
            if count.origin not in latest or count.day > latest[count.origin].day:
                latest[count.origin] = count
    return list(latest.values())


def choice(weighed: list[Claim]) -> Claim:
    """The most reliable; then the more recent; then the lower; then the first name."""
    return min(weighed, key=lambda c: (-c.grade, -c.day.toordinal(), c.point, c.origin))


def standing(series_counts: list[Claim], count: Claim, day: dt.date) -> bool:
    """A count stands on ``day`` if it was given before it and its originator has not
    since given a lower count (up to and including that day)."""
    return count.day < day and not any(
        other.origin == count.origin and count.day < other.day <= day and other.point < count.point
        for other in series_counts)


def admissible(series_counts: list[Claim], count: Claim, day: dt.date, window: int) -> bool:
    """Whether by ``day`` the count could have set the estimate: on some day of its own
    window no more reliable originator had a count in the window."""
    last = min(day, count.day + dt.timedelta(days=window))
    days = [count.day + dt.timedelta(days=n) for n in range((last - count.day).days + 1)]
    return any(not any(other.grade > count.grade and y - dt.timedelta(days=window) <= other.day <= y
                       for other in series_counts) for y in days)


def floor(series_counts: list[Claim], chosen: Claim, window: int) -> Claim | None:
    eligible = [c for c in series_counts if c.grade >= chosen.grade and standing(series_counts, c, chosen.day)
                and admissible(series_counts, c, chosen.day, window)]
    ranked = sorted(eligible, key=lambda c: (-c.point, -c.day.toordinal(), c.origin))
    return ranked[0] if ranked else None


def _apart(a: Claim, b: Claim) -> bool:
    return (a.high is not None and a.high < b.low) or (b.high is not None and b.high < a.low)


def conflict(series_counts: list[Claim], support: list[Claim], series: tuple, day: dt.date,
             weighed: list[Claim], best: Claim) -> bool:
    near_claims = [c for c in support if c.series == series and c.grade > 0 and abs((c.day - day).days) <= NEAR_DAYS]
    by_origin: dict = {}
    for claim in near_claims:
        by_origin.setdefault(claim.origin, []).append(claim)
    near = [representative(group) for group in by_origin.values()]
    own = [c for c in series_counts if c.day == day and c.grade > 0]
    if any(a.origin != b.origin and _apart(a, b) for a in own for b in near):
        return True
    for count in weighed:
        if count.grade == 0 or best.grade == 0 or count.origin == best.origin:
            continue
        if count.flow and count.day < best.day:
            if best.high is not None and best.high < count.low:
                return True
        elif _apart(count, best):
            return True
    return False


def figures(claims: pd.DataFrame, reports: pd.DataFrame, window: int, excluded: set = frozenset()) -> dict:
    """(metric, population, place, period start or None, as_of) -> the figure's values."""
    every = read_claims(claims, reports, excluded)
    support = [c for c in every if not c.disputes]
    disputing = [c for c in every if c.disputes]
    by_key = counts(support)
    result = {}
    for series in sorted({c.series for c in support}):
        series_counts = [c for (s, _, _), c in by_key.items() if s == series]
        previous = None
        for day in sorted({c.day for c in series_counts}):
            weighed = latest_in_window(series_counts, day, window)
            chosen = choice(weighed)
            best, held = chosen, False
            if series[3]:
                standing_best = floor(series_counts, chosen, window)
                if standing_best is not None and standing_best.point > chosen.point:
                    best, held = standing_best, True
            behind = {(c.origin, c.day) for c in weighed} | {(best.origin, best.day)}
            counted = [c for c in weighed if c is not best] + [best]
            spans = [c for c in counted if not c.flow or c.day >= best.day]
            low = min([c.low for c in spans] + [best.point])
            finite = [c.high for c in spans if c.high is not None]
            high = max(finite + [best.point]) if finite else None
            claim_ids = sorted(c.claim_id for c in support
                               if c.series == series and (c.origin, c.day) in behind)
            behind_claims = [c for c in support if c.claim_id in claim_ids]
            areas = frozenset().union(*(c.areas for c in behind_claims))
            disputed = sorted(c.claim_id for c in disputing if c.series[0] == series[0] and c.areas & areas
                              and abs((c.day - day).days) <= DISPUTE_DAYS
                              and (c.any_kind or c.flow == bool(series[3]))
                              and (c.series[1] == series[1] or "people" in (c.series[1], series[1])))
            grades = {c.grade for c in counted}
            revision, revised_by = False, None
            if previous is not None and best.point < previous.point:
                if not series[3]:
                    revision, revised_by = True, best.claim_id
                else:
                    lowering = sorted((c for c in series_counts if c.origin == previous.origin
                                       and previous.day < c.day <= day and c.point < previous.point),
                                      key=lambda c: c.day)
                    if lowering:
                        revision, revised_by = True, lowering[0].claim_id
            names = "LOW MEDIUM HIGH".split()
            result[(*series[:3], series[3] or None, day.isoformat())] = {
                "low": low, "best": best.point, "high": high, "best_claim_id": best.claim_id,
                "best_source": best.origin, "best_age_days": (day - best.day).days,
                "sources": sorted({c.origin for c in counted}), "n_sources": len({c.origin for c in counted}),
                "claim_ids": claim_ids, "disputed_by": disputed,
                "adm1": ";".join(sorted({a for c in behind_claims for a in c.adm1})) or None,
                "conflict": conflict(series_counts, support, series, day, weighed, best),
                "reliability": names[min(grades)] if len(grades) == 1 else f"{names[min(grades)]}_TO_{names[max(grades)]}",
                "revision": revision, "revised_by": revised_by, "held": held,
                "top_grade": chosen.grade,
            }
            previous = best
    return result


def tables(rows: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims, reports) from rows of metric, value, extra (a range's width), qualifier,
    hedge, population, stance, attributed_to, place, period_start, publisher and
    day (of February 2020) or date; one report per row. A row may give count_type (else a
    running total where it has a period start, a stock where not), event_date and
    date_precision (an incident's), adm1 and adm2."""
    claims, reports = [], []
    for number, row in enumerate(rows):
        report_id = f"{number:064x}"
        published = row.get("date") or f"2020-02-{row['day']:02d}"
        adm1 = row.get("adm1", {"northwest Syria": "Idleb;Aleppo", "Idleb": "Idleb", None: None}.get(row["place"], row["place"]))
        count_type = row.get("count_type") or ("cumulative" if row["period_start"] else "stock")
        claims.append({
            "claim_id": row.get("claim_id", f"c{number:04d}"), "report_id": report_id, "language": "en",
            "metric": row["metric"],
            "value": row["value"], "high": row["value"] + row["extra"] if row["qualifier"] == "range" else None,
            "unit": row.get("unit", "people"), "qualifier": row["qualifier"], "hedge": row["hedge"], "population": row["population"],
            "stance": row["stance"], "attributed_to": row["attributed_to"],
            "originator": identify(row["attributed_to"] or row["publisher"]).name, "location": row.get("location", row["place"]),
            "place": row["place"], "adm0": "SYR", "adm1": adm1, "period_start": row["period_start"],
            "period_end": published, "period_text": None,
            "quote": "q", "start": 0, "end": 1, "number_text": "1", "count_type": count_type,
            "event_date": row.get("event_date", published) if count_type == "incident" else None,
            "date_precision": row.get("date_precision", "day") if count_type == "incident" else None,
            "period_start_latest": row.get("period_start_latest", row["period_start"]), "adm2": row.get("adm2"),
            "latitude": row.get("latitude"), "longitude": row.get("longitude"),
        })
        reports.append({"report_id": report_id, "publisher": row["publisher"], "published": published})
    extra = [name for name in claims[0] if name not in CLAIM_COLUMNS] if claims else []
    claims = pd.DataFrame(claims, columns=[*CLAIM_COLUMNS, *extra])
    claims["high"] = claims["high"].astype("Int64")
    return claims, pd.DataFrame(reports, columns=["report_id", "publisher", "published"])
