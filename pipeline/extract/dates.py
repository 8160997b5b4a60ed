"""Dates as reports write them, placed against the report date.

Month names with a day, a part of the month ("late April", "the end of
April"), a year or "last year"; weekdays; and spans counted back from the
report ("the past two weeks"). A date without a year is the latest one that
is not after the report. Both periods.py (what span a figure counts) and
event_dates.py (when an incident happened) read dates through this module.

The phrases are few and fixed, so they are read by the patterns below rather
than a general date parser (dateparser): these keep "late April" apart from
"April", which general parsers flatten, and cost nothing on sentences
without a month name.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from pipeline.extract.trie import WordFinder, cased_forms, trie_pattern

MONTH_NUMBERS = {name: index for index, name in enumerate(calendar.month_name) if name}
MONTH_NUMBERS.update({name: index for index, name in enumerate(calendar.month_abbr) if name})
MONTH_NUMBERS = {name.lower(): index for name, index in MONTH_NUMBERS.items()}
MONTH_NUMBERS["sept"] = 9
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
# Small counts of days, weeks or months as words ("the past two weeks").
COUNT_WORDS = {word: index for index, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())} | {"a": 1, "an": 1}

# Patterns are case-sensitive over the usual casings of each word: several
# times faster in `re` than case-insensitive matching (see trie.cased_forms).
MONTH_WORDS = trie_pattern(cased_forms(list(MONTH_NUMBERS)))
WEEKDAY_WORDS = trie_pattern(cased_forms(list(WEEKDAYS)))
# a whole word: "Mar" in "Martyrs" and "May" in "Mayssar" are no months
_MONTH = r"(?P<{0}month>" + MONTH_WORDS.replace("{", "{{").replace("}", "}}") + r")\b\.?"
_PART = r"(?:(?P<{0}part>early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?"
# a day of the month, not the start of a count after it ("since the end of April 1,800 ...")
_DAY = r"(?P<{0}day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[,.]\d)"
# a year, or "last year" / "this year" after the month ("in August last year")
_YEAR = r"(?:,?\s+(?P<{0}year>(?:19|20)\d\d)\b|\s+(?P<{0}rel>last|this)\s+year\b)?"
PART_DAYS = {"early": (1, 10), "the start of": (1, 10), "the beginning of": (1, 10), "mid": (11, 20),
             "the middle of": (11, 20), "late": (21, 31), "the end of": (21, 31)}


def date_pattern(tag: str) -> str:
    """A month with an optional day, part and year; its groups are named after ``tag``."""
    day_first = rf"{_DAY.format(tag)}\s+(?:of\s+)?{_MONTH.format(tag)}"
    month_first = rf"{_MONTH.format(tag + 'm')}\s+{_DAY.format(tag + 'd')}"
    return rf"(?:{_PART.format(tag)}(?:{day_first}|{month_first}|{_MONTH.format(tag + 'o')}){_YEAR.format(tag)})"


ANY_MONTH = WordFinder(MONTH_WORDS)


def may_name_a_month(lower: str) -> bool:
    """False when the lower-cased text holds no month's first three letters: a few substring tests (written
    out, the quickest form of them in Python), where looking for the names themselves reads the whole text."""
    return "jan" in lower or "feb" in lower or "mar" in lower or "apr" in lower or "may" in lower \
        or "jun" in lower or "jul" in lower or "aug" in lower or "sep" in lower or "oct" in lower \
        or "nov" in lower or "dec" in lower


def month_spans(sentence: str, lower: str) -> list[tuple[int, int]]:
    """[start, end) of each month's name in ``sentence`` (``lower``: it lower-cased)."""
    return ANY_MONTH.spans(sentence) if may_name_a_month(lower) else []


class DateParts(NamedTuple):
    """A date as written: month, and the day, part of the month, year or relative year where given."""

    month: int
    day: int | None
    part: str | None
    year: int | None
    relative: str | None  # "last" or "this" (year)

    @property
    def loose(self) -> bool:
        """Whether the words give a span of days rather than one day ("late April", "April")."""
        return self.day is None


def date_parts(match: re.Match, tag: str) -> DateParts | None:
    get = match.groupdict()
    name = get.get(f"{tag}month") or get.get(f"{tag}mmonth") or get.get(f"{tag}omonth")
    if not name:
        return None
    day = get.get(f"{tag}day") or get.get(f"{tag}dday")
    year = get.get(f"{tag}year")
    part = " ".join((get.get(f"{tag}part") or "").lower().split())
    relative = get.get(f"{tag}rel")
    return DateParts(MONTH_NUMBERS[name.lower().rstrip(".")], int(day) if day else None, part or None,
                     int(year) if year else None, relative.lower() if relative else None)


def resolve(parts: DateParts, reference: dt.date | None, first: bool) -> dt.date | None:
    """A concrete date; ``first`` picks the earliest possible day, else the latest.

    Without a year the date falls in the latest year whose earliest possible
    day is not after ``reference`` ("mid-February" in a report of 3 February
    is the February before; "July" in a report of 27 July is this July, its
    end cut at the report by whoever reads a period); with neither a year nor
    a reference it cannot be placed.
    """
    year = parts.year
    if year is None and parts.relative is not None and reference is not None:
        year = reference.year - (parts.relative == "last")
    if year is None:
        if reference is None:
            return None
        year = reference.year
        earliest = day_of(year, parts.month, parts.day, parts.part, True)
        if earliest is None or earliest > reference:
            year -= 1
    return day_of(year, parts.month, parts.day, parts.part, first)


def day_of(year: int, month: int, day: int | None, part: str | None, first: bool) -> dt.date | None:
    if day is not None and day <= 28:
        return dt.date(year, month, day)  # a day every month has
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        low, high = PART_DAYS.get(part or "", (1, last_day))
        day = low if first else min(high, last_day)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_before(reference: dt.date, weekday: int, same_day: bool = False) -> dt.date:
    """The last ``weekday`` before ``reference`` ("since Sunday" in a report of a Tuesday);
    ``same_day``: the report's own day when it is that weekday ("on Tuesday" in a report of a Tuesday)."""
    back = (reference.weekday() - weekday) % 7
    return reference - dt.timedelta(days=back if back or same_day else 7)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week holding ``day``."""
    return day - dt.timedelta(days=day.weekday())


def months_back(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier, or the last day of that month when it is shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def count_of(word: str) -> int | None:
    """A small count written in digits or words ("3", "three", "a")."""
    return int(word) if word.isdigit() else COUNT_WORDS.get(word.lower())


def span_back(reference: dt.date, count: int, unit: str) -> dt.date:
    """The first day of the last ``count`` ``unit``s up to ``reference`` ("the past two weeks")."""
    unit = unit.lower().rstrip("s")
    if unit == "hour":
        return reference - dt.timedelta(days=-(-count // 24))
    if unit in ("day", "week"):
        return reference - dt.timedelta(days=count * (7 if unit == "week" else 1))
    return months_back(reference, count * (12 if unit == "year" else 1))
