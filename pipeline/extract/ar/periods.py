"""The period an Arabic figure's sentence gives: "منذ 1 كانون الأول", "منذ بداية العام", "خلال عام 2019"."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract import placed_dates as dates
from pipeline.extract.ar.fold import folded_word
from pipeline.extract.ar.lexicon import MONTHS
from pipeline.extract.placed_dates import Period

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True)).replace(" ", r"\s+")
_F = folded_word
# "منذ 1 كانون الأول", "منذ الأول من ديسمبر", "منذ مطلع شهر كانون الأول", "منذ أواخر نيسان 2019"
PARTS = {_F(word): part for words, part in (("بداية مطلع أوائل", "early"), ("منتصف", "mid"), ("أواخر نهاية", "late"))
         for word in words.split()}
_PARTS = "|".join(PARTS)
SINCE = re.compile(rf"{_F('منذ')}\s+(?:(?P<day>\d{{1,2}})|(?P<first>{_F('الأول')})|(?P<part>{_PARTS}))?\s*"
                   rf"(?:من\s+)?(?:{_F('شهر')}\s+)?(?P<month>{_MONTH})"
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
        day = 1 if match.group("first") else int(match.group("day")) if match.group("day") else None
        year, part = match.group("year"), PARTS.get(match.group("part") or "")
        start = dates.resolve(month, day, part, int(year) if year else None, published, True)
        return dates.since(start, published, match.group())
    if (match := LAST_WEEK.search(text)) is not None:
        return dates.week_before(published, match.group())
    if (match := IN_YEAR.search(text)) is not None:
        return dates.year_period(int(match.group("year")), published, match.group())
    return dates.undated(published)
