"""When an incident happened, as its sentence dates it, placed against the report date.

"on Wednesday", "Wednesday's strike", "last Friday", "yesterday", "overnight",
"on 15 January", "July 25", "last week", "earlier this month", "in July":
each is a window of days, and an incident's date is the first day of the
window with its width as precision (``day``, ``week``, ``month``), as UCDP
keeps ``date_start`` with ``date_prec`` and IDMC a date with its accuracy.
A window wider than a month ("in 2014", "last year") says only that the
event was on or before the report: precision ``unknown``, the report date
standing in.

A date that tells when something was said ("the monitor said on Tuesday",
"told Reuters on Tuesday", "Published 4 October 2016") is no date of the
event and is passed over.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import NamedTuple

from pipeline.extract.en.dates import WEEKDAYS, count_of, date_parts, date_pattern, month_spans, resolve
from pipeline.extract.en.lexicon import DENIAL_WORDS, METRIC_WORDS, REPORTING_VERBS
from pipeline.extract.placed_dates import Period, week_start, weekday_before
from pipeline.extract.trie import WordFinder

# Read on lower-cased text; positions are those of the sentence. Each finder skips to the words it opens
# with at the speed of a plain scan (trie.WordFinder).
_WEEKDAY = "|".join(WEEKDAYS)
# matched where a weekday's name starts, found by str.find: cheaper than a scan of the sentence
WEEKDAY_DATE = re.compile(rf"(?P<weekday>{_WEEKDAY})(?:'s|’s|s)?(?:\s+(?:and|to|through|into)\s+"
                          rf"(?P<weekday2>{_WEEKDAY}))?\b")
RELATIVE_DAY = WordFinder(
    r"(?P<words>(?:the\s+day\s+before\s+)?yesterday|(?:earlier\s+)?today|earlier\s+in\s+the\s+day"
    r"|this\s+(?:morning|afternoon|evening)"
    r"|tonight|overnight|last\s+night|(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
    r"(?P<unit>days?|weeks?)\s+ago)\b", whole=False)
# "over the weekend", "at the weekend", "last weekend": the Saturday and Sunday before the report ("on the
# weekend" is left out: "on the weekend market")
WEEKEND = WordFinder(r"(?:(?:over|at|during)\s+the|(?P<which>last|this))\s+weekend\b", whole=False)
SATURDAY = 5
RELATIVE_SPAN = WordFinder(r"(?P<which>last|earlier\s+this|this)\s+(?P<unit>week|month|year)(?:'s|’s)?\b"
                           r"(?!\s+of\b)", whole=False)
# "on 15 January", "July 25, 2016", "in early October", "in August last year", "on 14 and 15 February"
# (on the text as written)
DAY_OR_MONTH = WordFinder(rf"(?:(?:[Oo]n|[Ii]n|[Dd]uring|[Bb]etween|[Ff]rom)\s+)?(?:the\s+)?(?:(?P<first>\d{{1,2}})"
                          rf"(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*)?{date_pattern('a')}", whole=False)
# Words that make the date after them the date something was said or published.
SAID_WORDS = REPORTING_VERBS | DENIAL_WORDS | {"published", "posted", "updated", "statement", "press", "conference",
                                               "interview", "briefing", "tweet", "tweeted"}
SAID_LOOKBACK = 4  # words before a date that may say it dates a statement
WORD = re.compile(r"[a-z'’-]+|\d+")
PRECISIONS = ((1, "day"), (7, "week"), (31, "month"))


class EventDate(NamedTuple):
    """A date a sentence gives, with the window of days it may be: [first, last] (None when undated)."""

    start: int  # position in the sentence
    end: int
    first: dt.date | None
    last: dt.date | None
    text: str
    precision: str  # of the window; for undated text, of the words ("on Tuesday": day)


def precision(first: dt.date, last: dt.date) -> str:
    """The narrowest precision whose window from ``first`` holds ``last``; ``unknown`` past a month."""
    days = (last - first).days + 1
    return next((name for width, name in PRECISIONS if days <= width), "unknown")


def _said(lower: str, start: int, end: int) -> bool:
    """Whether the date at [start, end) tells when something was said ("said on", "told AFP on", "on Friday
    denied"), not when it happened ("were reported killed on")."""
    following = WORD.search(lower, end, end + 24)
    if following is not None and following.group() in SAID_WORDS:
        return True
    before = WORD.findall(lower, max(0, start - 40), start)[-SAID_LOOKBACK:]
    for index in range(len(before) - 1, -1, -1):
        if before[index] in SAID_WORDS:
            return not any(word in METRIC_WORDS for word in before[index + 1:])
    return False


def _weekday_matches(lower: str) -> list[tuple[int, re.Match]]:
    """(where the date starts, counting a "last" before it, the weekday's match) for each weekday named."""
    found = []
    for name in WEEKDAYS:
        at = lower.find(name)
        while at != -1:
            match = None if at and lower[at - 1].isalpha() else WEEKDAY_DATE.match(lower, at)
            if match is not None:
                found.append((at - 5 if lower.endswith("last ", 0, at) else at, match))
            at = lower.find(name, at + len(name))
    return sorted(found, key=lambda item: item[0])


def _weekdays(lower: str, published: dt.date | None):
    for start, match in _weekday_matches(lower):
        end, last = match.end(), start < match.start()
        if published is None:
            yield start, end, None, None, "week" if match.group("weekday2") else "day"
            continue
        first = weekday_before(published, WEEKDAYS[match.group("weekday")], same_day=not last)
        last = first
        if match.group("weekday2"):
            last = weekday_before(published, WEEKDAYS[match.group("weekday2")], same_day=True)
            first = first if first <= last else first - dt.timedelta(days=7)
            yield start, end, first, last, precision(first, last)
            continue
        yield start, end, first, last, "day"


def _relative_days(lower: str, published: dt.date | None):
    for match in RELATIVE_DAY.finditer(lower):
        words, (start, end) = " ".join(match.group("words").split()), match.span("phrase")
        if published is None:
            yield start, end, None, None, "week" if (match.group("unit") or "").startswith("week") else "day"
            continue
        if match.group("unit"):
            back = count_of(match.group("count")) * (7 if match.group("unit").startswith("week") else 1)
            day = published - dt.timedelta(days=back)
            yield start, end, day, day + dt.timedelta(days=6 if back >= 7 else 0), "week" if back >= 7 else "day"
            continue
        back = 2 if words.startswith("the day") else 1 if words in ("yesterday", "overnight", "last night") else 0
        day = published - dt.timedelta(days=back)
        yield start, end, day, day, "day"


def _weekends(lower: str, published: dt.date | None):
    for match in WEEKEND.finditer(lower):
        start, end = match.span("phrase")
        if published is None:
            yield start, end, None, None, "week"
            continue
        saturday = weekday_before(published, SATURDAY, same_day=True)
        if match.group("which") == "last" and published - saturday < dt.timedelta(days=2):
            saturday -= dt.timedelta(days=7)  # "last weekend" in a report of that weekend: the one before
        yield start, end, saturday, min(saturday + dt.timedelta(days=1), published), "week"


def _relative_spans(lower: str, published: dt.date | None):
    for match in RELATIVE_SPAN.finditer(lower):
        unit, back, (start, end) = match.group("unit"), match.group("which") == "last", match.span("phrase")
        if published is None:
            yield start, end, None, None, "unknown" if unit == "year" else unit
            continue
        if unit == "week":
            first = week_start(published) - dt.timedelta(days=7 * back)
            yield start, end, first, first + dt.timedelta(days=6), "week"
        elif unit == "month":
            first = published.replace(day=1)
            first = (first - dt.timedelta(days=1)).replace(day=1) if back else first
            yield start, end, first, first + dt.timedelta(days=27), "month"
        else:  # a year: on or before the report, nothing narrower
            yield start, end, dt.date(published.year - back, 1, 1), published, "unknown"


def _month_phrases(sentence: str, months: list[tuple[int, int]]) -> list[re.Match]:
    """The date phrases around each month name of ``sentence`` (at ``months``): only a few words either side
    of a month are read."""
    found, covered = [], -1
    for month_start, month_end in months:
        if month_start < covered:
            continue
        match = DAY_OR_MONTH.search(sentence, max(0, month_start - 32), min(len(sentence), month_end + 24))
        if match is not None and match.start("phrase") >= covered:
            found.append(match)
            covered = match.end("phrase")
    return found


def _calendar_dates(sentence: str, published: dt.date | None, months: list[tuple[int, int]]):
    for match in _month_phrases(sentence, months):
        start, end = match.span("phrase")
        parts = date_parts(match, "a")
        if parts.day is None and sentence[start:start + 2].lower() not in ("in", "du"):
            continue  # a month named alone ("the July offensive") dates nothing
        opening = parts._replace(day=int(match.group("first"))) if match.group("first") and parts.day else parts
        first, last = resolve(opening, published, True), resolve(parts, published, False)
        if first is not None and last is not None and first > last:
            continue
        nominal = "day" if parts.day is not None else "month"
        if first is None:
            if published is None:
                yield start, end, None, None, nominal  # undated: the words, not the days
            continue
        if published is None or first <= published:
            last = min(last, published) if published else last
            yield start, end, first, last, precision(first, last)


def event_dates(sentence: str, lower: str, published: dt.date | None,
                months: list[tuple[int, int]] | None = None) -> list[EventDate]:
    """Every date ``sentence`` gives that may date an event, in text order, without dates of statements.

    With no report date, the words are found but not placed (``first`` None),
    unless they give their year. ``months``: the spans of the sentence's month
    names (``dates.month_spans``), if found already.
    """
    found: list[tuple[int, int, dt.date | None, dt.date | None, str]] = []
    if "nday" in lower or "sday" in lower or "iday" in lower or "rday" in lower:  # the endings of weekdays' names
        found += _weekdays(lower, published)
    if "yesterday" in lower or "today" in lower or "night" in lower or "morning" in lower or "afternoon" in lower \
            or "evening" in lower or " ago" in lower or "in the day" in lower:
        found += _relative_days(lower, published)
    if "weekend" in lower:
        found += _weekends(lower, published)
    if ("last " in lower or "this " in lower) and ("week" in lower or "month" in lower or "year" in lower):
        found += _relative_spans(lower, published)
    if months is None:
        months = month_spans(sentence, lower)
    if months:
        found += _calendar_dates(sentence, published, months)
    if not found:
        return []
    found.sort(key=_by_start)
    dates, covered = [], -1
    for start, end, first, last, window in found:
        if start < covered:
            continue  # inside a longer date ("Friday and Saturday", "Friday 24 October")
        covered = end
        if _said(lower, start, end):
            continue  # the date of a statement
        dates.append(EventDate(start, end, first, last, sentence[start:end], window))
    return dates


def _by_start(found: tuple) -> tuple[int, int]:
    return found[0], -found[1]  # a longer date first where two start together


def nearest_date(dates: list[EventDate], position: int, clause: tuple[int, int]) -> EventDate | None:
    """The date nearest to ``position`` within its clause ``[start, end)``, if any (``dates`` in text order)."""
    index = bisect.bisect_right(dates, position, key=lambda date: date.start)
    before = dates[index - 1] if index and dates[index - 1].start >= clause[0] else None
    after = dates[index] if index < len(dates) and dates[index].start < clause[1] else None
    if before is None or after is None:
        return before or after
    return before if position - before.end <= after.start - position else after


def incident_date(date: EventDate | None, period: Period,
                  published: dt.date | None) -> tuple[str | None, str | None, str | None]:
    """(event_date, date_precision, the words that date it) of an incident.

    Its own date phrase if any, else a closed period of its clause ("In July a
    car bomb killed 16"), else the report date with precision ``unknown``.
    A window wider than a month dates nothing narrower than the report. An
    undated report gives no date, but keeps the words.
    """
    if date is None and period.kind == "span":
        date = EventDate(0, 0, period.start, period.end, period.text,
                         precision(period.start, period.end) if period.start and period.end else "unknown")
    words = date.text if date is not None else None
    if published is None:
        return None, None, words or period.text
    if date is None or date.first is None or date.precision == "unknown":
        return published.isoformat(), "unknown", words
    return date.first.isoformat(), date.precision, words
