"""Read the period a figure covers from its sentence, relative to the report date.

"since 1 December" starts a period that runs to the report date; "between
late April and early December" is a closed period; "in February" is that
month. Dates without a year take the latest year that is not after the
report. Vague parts of a month are widened the way UCDP widens uncertain
dates: "late April" starts no earlier than the 21st, "early December" ends
no later than the 10th.

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

# Patterns are case-sensitive over the usual casings of each word: several
# times faster in `re` than case-insensitive matching (see trie.cased_forms).
_MONTH_WORDS = trie_pattern(cased_forms(list(MONTH_NUMBERS)))
_MONTH = r"(?P<{0}month>" + _MONTH_WORDS.replace("{", "{{").replace("}", "}}") + r")\.?"
_PART = r"(?:(?P<{0}part>early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?"
_DAY = r"(?P<{0}day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:,?\s+(?P<{0}year>(?:19|20)\d\d))?"


def _date(tag: str) -> str:
    month = _MONTH.format(tag)
    day_first = rf"{_DAY.format(tag)}\s+(?:of\s+)?{month}"
    month_first = rf"{month}\s+{_DAY.format(tag + 'd')}"
    return rf"(?:{_PART.format(tag)}(?:{day_first}|{month_first.replace('P<' + tag + 'month', 'P<' + tag + 'mmonth')}|{month.replace('P<' + tag + 'month', 'P<' + tag + 'omonth')}){_YEAR.format(tag)})"


# "since 1 December", and "since the escalation began in late April"
SINCE = WordFinder(
    rf"(?:[Ss]ince|[Ss]tarting|[Bb]eginning|[Ff]rom)\s+(?:the\s+[a-z]+\s+(?:began|started)\s+(?:in|on)\s+)?(?:the\s+)?{_date('a')}",
    whole=False,
)
BETWEEN = WordFinder(rf"(?:[Bb]etween|[Ff]rom)\s+{_date('a')}\s+(?:and|to|until|through)\s+{_date('b')}", whole=False)
# "between 9 and 12 February": two days of one month
BETWEEN_DAYS = WordFinder(rf"(?:[Bb]etween|[Ff]rom)\s+(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:and|to)\s+{_date('a')}", whole=False)
IN_MONTH = WordFinder(rf"(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+{_date('a')}", whole=False)


def _parts(match: re.Match, tag: str) -> tuple[int, int | None, str | None, int | None] | None:
    get = match.groupdict()
    name = get.get(f"{tag}month") or get.get(f"{tag}mmonth") or get.get(f"{tag}omonth")
    if not name:
        return None
    day = get.get(f"{tag}day") or get.get(f"{tag}dday")
    year = get.get(f"{tag}year")
    part = (get.get(f"{tag}part") or "").lower()
    return MONTH_NUMBERS[name.lower().rstrip(".")], int(day) if day else None, part or None, int(year) if year else None


def _resolve(parts, reference: dt.date | None, first: bool) -> dt.date | None:
    """A concrete date; ``first`` picks the earliest possible day, else the latest.

    Without a year the date is the latest one not after ``reference``
    ("mid-February" in a report of 3 February is the February before); with
    neither a year nor a reference it cannot be placed.
    """
    month, day, part, year = parts
    if year is None and reference is None:
        return None
    year = year or (reference.year if month <= reference.month else reference.year - 1)
    found = _day_of(year, month, day, part, first)
    if found is not None and parts[3] is None and found > reference:
        found = _day_of(year - 1, month, day, part, first)
    return found


def _day_of(year: int, month: int, day: int | None, part: str | None, first: bool) -> dt.date | None:
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        spans = {"early": (1, 10), "the start of": (1, 10), "the beginning of": (1, 10),
                 "mid": (11, 20), "the middle of": (11, 20), "late": (21, last_day),
                 "the end of": (21, last_day)}
        low, high = spans.get(part or "", (1, last_day))
        day = low if first else high
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


ANY_MONTH = WordFinder(_MONTH_WORDS)
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
SINCE_WEEKDAY = WordFinder(rf"[Ss]ince\s+(?:last\s+)?(?P<weekday>{trie_pattern(cased_forms(list(WEEKDAYS)))})\b",
                           whole=False)
SINCE_YEAR = WordFinder(r"[Ss]ince\s+(?:(?P<part>early|mid|late)[\s-]+)?(?P<year>(?:19|20)\d\d)\b", whole=False)
YEAR_PARTS = {None: 1, "early": 1, "mid": 5, "late": 9}
# A calendar year the figure covers: "During 2022 ...", "throughout 2023", "in 2022 alone", or "In 2022,"
# opening the sentence; not a year some other event happened in ("the war, which began in 2011").
THIS_OR_LAST_YEAR = re.compile(r"(?P<phrase>\b(?:(?:so\s+far|earlier)\s+)?(?P<which>[Tt]his|[Ll]ast)\s+year)\b")
IN_YEAR = re.compile(
    r"\b(?P<phrase>(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+(?P<year>(?:19|20)\d\d)(?P<alone>\s+alone)?)\b(?![-–/]\d)"
)


class Period(NamedTuple):
    """The period a figure covers: its dates where they can be placed, and the words that give it."""

    start: dt.date | None
    end: dt.date | None
    text: str | None


def _weekday_before(reference: dt.date, weekday: int) -> dt.date:
    """The last ``weekday`` before ``reference`` ("since Sunday" in a report of a Tuesday)."""
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7 or 7)


def _phrase(match: re.Match) -> str:
    return match.group("phrase").rstrip(".")


def _closed(start: dt.date, end: dt.date, published: dt.date | None, text: str) -> Period:
    """A closed period, cut at the report date; one that starts after the report cannot be placed."""
    if published is not None and start > published:
        return Period(None, published, text)
    return Period(start, min(end, published) if published else end, text)


def _opens(sentence: str, match: re.Match) -> bool:
    """Whether the phrase ``match`` found opens the sentence (after any quotation mark)."""
    return not sentence[:match.start()].strip(" \"“'‘")


def _relative_year(sentence: str, published: dt.date | None) -> Period | None:
    """'so far this year' (from 1 January of the report's year), 'Last year, ...' (the year before)."""
    match = THIS_OR_LAST_YEAR.search(sentence)
    if match is None or match.group("which").lower() == "last" and not _opens(sentence, match):
        return None  # "the militia that formed last year": another event's date
    if published is None:
        return Period(None, None, match.group("phrase"))
    year = published.year - (match.group("which").lower() == "last")
    return _closed(dt.date(year, 1, 1), dt.date(year, 12, 31), published, match.group("phrase"))


def _calendar_year(sentence: str, published: dt.date | None) -> Period | None:
    """The calendar year a sentence's figures cover ("During 2022, 112 journalists were detained")."""
    for match in IN_YEAR.finditer(sentence):
        phrase = match.group("phrase")
        if phrase[:2].lower() == "in" and not _opens(sentence, match) and not match.group("alone"):
            continue  # "in 2011" inside a sentence may date another event ("the war, which began in 2011")
        year = int(match.group("year"))
        return _closed(dt.date(year, 1, 1), dt.date(year, 12, 31), published, phrase)
    return None


def find_period(sentence: str, published: dt.date | None, lower: str | None = None) -> Period:
    """The period stated in ``sentence``; it ends at ``published`` unless the sentence closes it.

    With no publication date, a phrase that needs one ("since Monday",
    "since 1 December") keeps its words but no dates. ``lower`` is the
    sentence lower-cased, if at hand: the words each phrase opens with are
    looked for in it first, so most sentences cost a few substring tests.
    """
    lower = sentence.lower() if lower is None else lower
    since = "since" in lower
    if since and (match := SINCE_WEEKDAY.search(sentence)):
        weekday = WEEKDAYS[match.group("weekday").lower()]
        start = _weekday_before(published, weekday) if published else None
        return Period(start, published, _phrase(match))
    if since and (match := SINCE_YEAR.search(sentence)):
        start = dt.date(int(match.group("year")), YEAR_PARTS[match.group("part")], 1)
        if published is None or start <= published:
            return Period(start, published, _phrase(match))
    if ANY_MONTH.first(sentence) is None:
        if "20" in sentence or "19" in sentence:
            year = _calendar_year(sentence, published)
            if year is not None:
                return year
        if "year" in lower and (year := _relative_year(sentence, published)) is not None:
            return year
        return Period(None, published, None)  # every other period phrase names a month
    unplaced = None  # a phrase whose dates cannot be placed without a publication date
    ranged = "between" in lower or "from" in lower
    if ranged and (match := BETWEEN.search(sentence)):
        start, end = _resolve(_parts(match, "a"), published, True), _resolve(_parts(match, "b"), published, False)
        if start and end and start <= end:
            return _closed(start, end, published, _phrase(match))
        unplaced = unplaced or _phrase(match)
    if ranged and (match := BETWEEN_DAYS.search(sentence)) and (parts := _parts(match, "a"))[1] is not None:
        month, day, part, year = parts
        start = _resolve((month, int(match.group("first")), part, year), published, first=True)
        end = _resolve(parts, published, first=False)
        if start and end and start <= end:
            return _closed(start, end, published, _phrase(match))
        unplaced = unplaced or _phrase(match)
    if (since or ranged or "starting" in lower or "beginning" in lower) and (match := SINCE.search(sentence)):
        start = _resolve(_parts(match, "a"), published, first=True)
        if start is None or published is None or start <= published:
            return Period(start, published, _phrase(match))
    if ("in " in lower or "during" in lower or "throughout" in lower) and (match := IN_MONTH.search(sentence)):
        parts = _parts(match, "a")
        start, end = _resolve(parts, published, True), _resolve(parts, published, False)
        if start and end:
            return _closed(start, end, published, _phrase(match))
        unplaced = unplaced or _phrase(match)
    return Period(None, published, None if published else unplaced)
