"""Dates as English reports write them, read into the parts every language places alike (placed_dates.py).

Month names with a day, a part of the month ("late April", "the end of
April"), a year or "last year"; weekdays; and small counts of days, weeks
or months ("the past two weeks"). Both periods.py (what span a figure
counts) and event_dates.py (when an incident happened) read dates through
this module.

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

from pipeline.extract import placed_dates
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
# The parts of a month (placed_dates.PART_DAYS) as English writes them.
PARTS = {"early": "early", "the start of": "early", "the beginning of": "early", "mid": "mid",
         "the middle of": "mid", "late": "late", "the end of": "late"}


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
    part: str | None  # early, mid or late
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
    part = PARTS.get(" ".join((get.get(f"{tag}part") or "").lower().split()))
    relative = get.get(f"{tag}rel")
    return DateParts(MONTH_NUMBERS[name.lower().rstrip(".")], int(day) if day else None, part,
                     int(year) if year else None, relative.lower() if relative else None)


def resolve(parts: DateParts, reference: dt.date | None, first: bool) -> dt.date | None:
    """A concrete date (``placed_dates.resolve``); "last year" and "this year" are the report's."""
    year = parts.year
    if year is None and parts.relative is not None and reference is not None:
        year = reference.year - (parts.relative == "last")
    return placed_dates.resolve(parts.month, parts.day, parts.part, year, reference, first)


def count_of(word: str) -> int | None:
    """A small count written in digits or words ("3", "three", "a")."""
    return int(word) if word.isdigit() else COUNT_WORDS.get(word.lower())
