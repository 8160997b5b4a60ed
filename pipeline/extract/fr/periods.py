"""The period a French figure's sentence gives: "depuis le 1er décembre", "la semaine dernière", "en 2019".

Read into day, month, part and year, then placed against the report date
by the shared rules (placed_dates.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract import placed_dates as dates
from pipeline.extract.fr.lexicon import MONTHS, WEEKDAYS
from pipeline.extract.placed_dates import Period

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_PART = r"(?:(?P<part>début|mi|fin)[\s-]+(?:d['’]\s*)?)?"
_DATE = rf"(?:le\s+)?{_PART}(?:(?P<day>\d{{1,2}})\s*(?:er)?\s+)?(?P<month>{_MONTH})\.?(?:\s+(?P<year>(?:19|20)\d\d))?"
SINCE = re.compile(rf"\bdepuis\s+(?:le\s+début\s+(?:du\s+mois\s+)?d['’]\s*|)?{_DATE}\b")
SINCE_WEEKDAY = re.compile(rf"\bdepuis\s+(?P<weekday>{'|'.join(WEEKDAYS)})\b")
SINCE_YEAR = re.compile(r"\bdepuis\s+(?:le\s+début\s+de\s+l['’]\s*année\s+|(?:l['’]\s*année\s+)?)(?P<year>(?:19|20)\d\d)\b")
THIS_YEAR = re.compile(r"\bdepuis\s+(?:le\s+)?début\s+de\s+l['’]\s*année\b")
THIS_MONTH = re.compile(r"\bdepuis\s+(?:le\s+)?début\s+du\s+mois\b")
BETWEEN = re.compile(rf"\b(?:entre|du)\s+(?:le\s+)?(?P<first>\d{{1,2}})\s*(?:er)?\s+(?:et|au)\s+{_DATE}\b")
IN_MONTH = re.compile(rf"\b(?:en|au\s+mois\s+de|durant|pendant)\s+{_DATE}\b")
IN_YEAR = re.compile(r"\b(?:en|durant|pendant)\s+(?:l['’]\s*année\s+)?(?P<year>(?:19|20)\d\d)\b")
LAST_WEEK = re.compile(r"\bla\s+semaine\s+(?:dernière|passée)\b")
PARTS = {"début": "early", "mi": "mid", "fin": "late"}


def _parts(match: re.Match) -> tuple[int, int | None, str | None, int | None]:
    day, year, part = match.group("day"), match.group("year"), match.group("part")
    return MONTHS[match.group("month")], int(day) if day else None, PARTS.get(part or ""), int(year) if year else None


@lru_cache(maxsize=64)  # a sentence stating many figures is read once
def find_period(lower: str, published) -> Period:
    """The period stated in a lower-cased French sentence; it runs to ``published`` unless closed."""
    if "depuis" in lower:
        if (match := SINCE_WEEKDAY.search(lower)) is not None:
            start = dates.weekday_before(published, WEEKDAYS[match.group("weekday")]) if published else None
            return Period(start, published, match.group())
        if (match := THIS_YEAR.search(lower)) is not None:
            start = published.replace(month=1, day=1) if published else None
            return Period(start, published, match.group())
        if (match := THIS_MONTH.search(lower)) is not None:
            start = published.replace(day=1) if published else None
            return Period(start, published, match.group())
        if (match := SINCE.search(lower)) is not None:
            month, day, part, year = _parts(match)
            return dates.since(dates.resolve(month, day, part, year, published, True), published, match.group())
        if (match := SINCE_YEAR.search(lower)) is not None:
            return dates.since(dates.day_of(int(match.group("year")), 1, 1, None, True), published, match.group())
    if (match := BETWEEN.search(lower)) is not None:
        month, day, part, year = _parts(match)
        start = dates.resolve(month, int(match.group("first")), None, year, published, True)
        end = dates.resolve(month, day, part, year, published, False)
        if start and end and start <= end:
            return dates.closed(start, end, published, match.group())
    if (match := LAST_WEEK.search(lower)) is not None:
        return dates.week_before(published, match.group())
    if (match := IN_MONTH.search(lower)) is not None:
        month, day, part, year = _parts(match)
        if day is None:
            start = dates.resolve(month, None, part, year, published, True)
            end = dates.resolve(month, None, part, year, published, False)
            if start and end:
                return dates.closed(start, end, published, match.group())
    if (match := IN_YEAR.search(lower)) is not None:
        return dates.year_period(int(match.group("year")), published, match.group())
    return dates.undated(published)
