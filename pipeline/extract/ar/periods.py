"""The period an Arabic figure's sentence gives: "منذ 1 كانون الأول", "منذ بداية العام", "خلال عام 2019"."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract import dates
from pipeline.extract.ar.fold import folded_word
from pipeline.extract.ar.lexicon import MONTHS
from pipeline.extract.periods import Period

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True)).replace(" ", r"\s+")
_F = folded_word
SINCE = re.compile(rf"{_F('منذ')}\s+(?:(?P<day>\d{{1,2}})\s+)?(?:(?:من\s+)?(?:شهر\s+)?)(?P<month>{_MONTH})"
                   rf"(?:\s+(?:(?:من\s+)?{_F('عام')}\s+)?(?P<year>(?:19|20)\d\d))?")
SINCE_YEAR_START = re.compile(rf"{_F('منذ')}\s+{_F('بداية')}\s+(?:{_F('العام')}|{_F('هذا العام')}|{_F('السنة')})"
                              rf"(?:\s+{_F('الجاري')}|\s+{_F('الحالي')})?")
IN_YEAR = re.compile(rf"(?:{_F('خلال')}|{_F('في')}|{_F('طوال')})\s+(?:{_F('عام')}|{_F('العام')}|{_F('سنة')})\s+"
                     r"(?P<year>(?:19|20)\d\d)")
LAST_WEEK = re.compile(_F("الأسبوع الماضي").replace(" ", r"\s+"))


@lru_cache(maxsize=64)  # a sentence stating many figures is read once
def find_period(text: str, published) -> Period:
    """The period stated in a folded Arabic sentence; it runs to ``published`` unless closed."""
    if (match := SINCE_YEAR_START.search(text)) is not None:
        return Period(published.replace(month=1, day=1) if published else None, published, match.group())
    if (match := SINCE.search(text)) is not None:
        month = MONTHS[" ".join(match.group("month").split())]
        day, year = match.group("day"), match.group("year")
        start = dates.resolve(month, int(day) if day else None, None, int(year) if year else None, published, True)
        return dates.since(start, published, match.group())
    if (match := LAST_WEEK.search(text)) is not None:
        return dates.week_before(published, match.group())
    if (match := IN_YEAR.search(text)) is not None:
        return dates.year_period(int(match.group("year")), published, match.group())
    return dates.undated(published)
