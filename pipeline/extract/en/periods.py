"""Read the period a figure covers from its sentence, relative to the report date.

"since 1 December" starts a running total that stays open to the report
date; "between late April and early December" and "in the week of 15 to 23
January" are closed periods; "in February" is that month; "the past two
weeks" ends at the report. A start given loosely is a window, as UCDP widens
uncertain dates: "since late April" starts on 21 April at the earliest and
30 April at the latest (``Period.latest``); "since 1 December" is exact.

Each period says what kind of span it is (``Period.kind``): ``since``, a
running total from a start ("since 1 December", "so far this year", "since
the war began"); ``began``, the figures of a war or campaign that began at a
date ("the conflict, which began in March 2011, has killed ..."); ``span``,
a bounded period.
"""
from __future__ import annotations

import datetime as dt
import re

from pipeline.extract.en.dates import WEEKDAY_WORDS, WEEKDAYS, count_of, date_parts, date_pattern, month_spans, resolve
from pipeline.extract.en.lexicon import REPORTING_VERBS
from pipeline.extract.placed_dates import (
    Period, closed, day_of, running, span_back, week_before, week_start, weekday_before, year_period,
)
from pipeline.extract.trie import WordFinder, trie_pattern

# Wars, campaigns and the like, whose toll is a running total from when they began.
CONFLICT_NOUNS = ("war", "wars", "conflict", "crisis", "uprising", "revolution", "insurgency", "campaign",
                  "offensive", "siege", "occupation", "fighting", "violence", "escalation", "hostilities",
                  "intifada", "unrest", "protests", "bombardment", "operation", "invasion", "coup", "takeover")
# Events a running total is counted from: "since the coup", "since the earthquake"
START_EVENTS = CONFLICT_NOUNS + ("ceasefire", "truce", "earthquake", "floods", "flooding", "cyclone", "hurricane",
                                 "storm", "tsunami", "eruption")
_CONFLICT = trie_pattern([form for noun in CONFLICT_NOUNS for form in (noun, noun.capitalize())])


# "since the escalation began in late April", "since the start of the campaign in late April", "since it
# declared a caliphate in June": a start dated by the clause "since" opens
_STARTED_IN = r"(?:(?:[\w'-]+\s+){1,7}?(?:in|on)\s+)?"
SINCE = WordFinder(rf"(?:[Ss]ince\s+{_STARTED_IN}|(?:[Ss]tarting|[Bb]eginning|[Ff]rom)\s+)(?:the\s+)?"
                   rf"{date_pattern('a')}",
                   whole=False)
BETWEEN = WordFinder(rf"(?:[Bb]etween|[Ff]rom)\s+{date_pattern('a')}\s+(?:and|to|until|through)\s+{date_pattern('b')}",
                     whole=False)
# "between 9 and 12 February", "from 1-5 May", "in the week of 15 to 23 January": days of one month
_DAY_RANGE = rf"(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|until|through|-|–)\s*{date_pattern('a')}"
BETWEEN_DAYS = WordFinder(rf"(?:[Bb]etween|[Ff]rom)\s+{_DAY_RANGE}", whole=False)
WEEK_OF = WordFinder(rf"(?:(?:[Ii]n|[Dd]uring|[Oo]ver)\s+)?(?:[Tt]he\s+)?(?:week|period|days|fortnight)\s+"
                     rf"(?:of|from|between)\s+{_DAY_RANGE}", whole=False)
IN_MONTH = WordFinder(rf"(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+{date_pattern('a')}", whole=False)
# "the war, which began in 2011", "the conflict which began with protests in March 2011"
CONFLICT_BEGAN = WordFinder(
    rf"(?:{_CONFLICT})\b[^.;]{{0,80}}?\b(?:began|begun|beginning|started|starting|erupted|broke\s+out|was\s+launched)"
    rf"\b(?:[^.;]{{0,80}}?\s)?(?:in|on)\s+(?:{date_pattern('a')}|(?P<year>(?:19|20)\d\d)\b)", whole=False)
# "the deadliest attack since 2013", "the worst month this year": a comparison, not the figure's period
COMPARED = re.compile(r"\b(?:deadliest|bloodiest|worst|biggest|largest|highest|heaviest|fiercest|greatest|most"
                      r"|first)\b[^,;]{0,60}$")
SINCE_WEEKDAY = WordFinder(rf"[Ss]ince\s+(?:last\s+)?(?P<weekday>{WEEKDAY_WORDS})\b", whole=False)
SINCE_YEAR = WordFinder(rf"[Ss]ince\s+{_STARTED_IN}(?:(?P<part>early|mid|late)[\s-]+)?(?P<year>(?:19|20)\d\d)\b",
                        whole=False)
YEAR_PARTS = {None: (1, 12), "early": (1, 4), "mid": (5, 8), "late": (9, 12)}
# "since last week", "since the start of the year" (read on lower-cased text)
SINCE_RELATIVE = re.compile(r"\b(?P<phrase>since\s+(?:(?P<last>last|this)\s+(?P<unit>week|month|year)"
                            r"|the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+|(?P<past>last)\s+)"
                            r"(?P<whole>week|month|year)))\b")
# "since the war began", "since the start of the uprising": a start the text does not date
SINCE_UNDATED = re.compile(r"\b(?P<phrase>since\s+(?:(?:the|its|their)\s+)?(?:[a-z'-]+\s+){0,2}?[a-z'-]+\s+"
                           r"(?:began|started|erupted|broke\s+out)|since\s+(?:the\s+)?(?:start|beginning|outbreak|"
                           r"onset|launch)\s+of\s+(?:the|its|this|their)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+"
                           r"|since\s+then"
                           # "since the coup", "since the military takeover", "since the earthquake"
                           rf"|since\s+(?:the|its|their)\s+(?:[a-z'-]+\s+){{0,2}}?(?:{'|'.join(START_EVENTS)}))\b")
# "last week", "the past two weeks", "over the last 24 hours" (read on lower-cased text)
LAST_SPAN = WordFinder(r"(?:(?:in|over|during)\s+)?(?P<the>the\s+)?(?:last|past|previous)\s+"
                       r"(?:(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
                       r"(?P<unit>hours?|days?|weeks?|months?|years?)\b(?!\s+of\b)", whole=False)
# A calendar year the figure covers: "During 2022 ...", "throughout 2023", "in 2022 alone", or "In 2022,"
# opening the sentence; not a year some other event happened in ("the war, which began in 2011").
THIS_OR_LAST_YEAR = re.compile(r"(?P<phrase>\b(?P<far>(?:[Ss]o\s+far|[Ee]arlier)\s+)?(?P<which>[Tt]his|[Ll]ast)"
                               r"\s+year)\b")
# "this month", "so far this week", "this month alone": the calendar month or week of the report, to its date
THIS_MONTH_OR_WEEK = re.compile(r"(?P<phrase>\b(?P<far>(?:[Ss]o\s+far|[Ee]arlier)\s+)?[Tt]his\s+(?P<unit>month|week))\b")
IN_YEAR = re.compile(
    r"\b(?P<phrase>(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+(?P<year>(?:19|20)\d\d)(?P<alone>\s+alone)?)\b(?![-–/]\d)"
)


def _phrase(match: re.Match) -> str:
    return match.group("phrase").rstrip(".")


def _compared(lower: str, start: int) -> bool:
    """Whether the phrase at ``start`` scopes a comparison ("the deadliest attack since 2013")."""
    return COMPARED.search(lower, max(0, start - 80), start) is not None


def _dates_a_statement(lower: str, start: int, end: int) -> bool:
    """Whether the phrase at [start, end) dates a statement ("the UN in August said", "said in August")."""
    before, after = lower[max(0, start - 20):start].split()[-2:], lower[end:end + 30].split()[:2]
    return any(word.strip(",.") in REPORTING_VERBS for word in before + after)


def _opens(sentence: str, match: re.Match) -> bool:
    """Whether the phrase ``match`` found opens the sentence (after any quotation mark)."""
    return not sentence[:match.start()].strip(" \"“'‘")


def _relative_year(sentence: str, published: dt.date | None) -> Period | None:
    """'so far this year' (from 1 January of the report's year), 'Last year, ...' (the year before)."""
    match = THIS_OR_LAST_YEAR.search(sentence)
    if match is None or match.group("which").lower() == "last" and not _opens(sentence, match):
        return None  # "the militia that formed last year": another event's date
    if _compared(sentence.lower(), match.start()):
        return None  # "the deadliest month this year"
    to_date = match.group("which").lower() == "this" and not (match.group("far") or "").lower().startswith("earlier")
    if published is None:
        return Period(None, None, match.group("phrase"), None, "since" if to_date else "span")
    year = published.year - (match.group("which").lower() == "last")
    if to_date:
        return running(dt.date(year, 1, 1), dt.date(year, 1, 1), published, match.group("phrase"))
    return year_period(year, published, match.group("phrase"))


def _this_month_or_week(sentence: str, published: dt.date | None) -> Period | None:
    """'this month', 'this week': from the first day of the report's month or week to the report date,
    a span ("30 were killed this month"); 'so far this month' is a running total from that day.
    'Earlier this week' is left to the event dates: it dates an event within the week."""
    match = THIS_MONTH_OR_WEEK.search(sentence)
    if match is None or _compared(sentence.lower(), match.start()) \
            or (match.group("far") or "").lower().startswith("earlier"):
        return None  # "the deadliest week this month"; "earlier this week" dates an event
    running_total = (match.group("far") or "").lower().startswith("so")
    if published is None:
        return Period(None, None, match.group("phrase"), None, "since" if running_total else "span")
    first = published.replace(day=1) if match.group("unit") == "month" else week_start(published)
    if running_total:
        return running(first, first, published, match.group("phrase"))
    return closed(first, published, published, match.group("phrase"))


def _calendar_year(sentence: str, published: dt.date | None) -> Period | None:
    """The calendar year a sentence's figures cover ("During 2022, 112 journalists were detained")."""
    for match in IN_YEAR.finditer(sentence):
        phrase = match.group("phrase")
        if phrase[:2].lower() == "in" and not _opens(sentence, match) and not match.group("alone"):
            continue  # "in 2011" inside a sentence may date another event ("the war, which began in 2011")
        return year_period(int(match.group("year")), published, phrase)
    return None


def _year_start(match: re.Match, published: dt.date | None, text: str, kind: str) -> Period | None:
    """A running total from a year, or part of one ("since 2011", "since late 2012")."""
    first, last = YEAR_PARTS[match.groupdict().get("part")]
    year = int(match.group("year"))
    return running(dt.date(year, first, 1), day_of(year, last, None, None, False), published, text, kind)


def _since(sentence: str, lower: str, published: dt.date | None) -> Period | None:
    """A running total from a weekday, a year, a relative date or an undated start."""
    if (match := SINCE_WEEKDAY.search(sentence)) and not _compared(lower, match.start("phrase")):
        start = weekday_before(published, WEEKDAYS[match.group("weekday").lower()]) if published else None
        return Period(start, published, _phrase(match), start, "since")
    if (match := SINCE_YEAR.search(sentence)) and not _compared(lower, match.start("phrase")) \
            and (period := _year_start(match, published, _phrase(match), "since")):
        return period
    relative = "since last" in lower or "since this" in lower or "since the start" in lower \
        or "since the beginning" in lower
    if relative and (match := SINCE_RELATIVE.search(lower)) and not _compared(lower, match.start()):
        text = sentence[match.start("phrase"):match.end("phrase")]
        if published is None:
            return Period(None, None, text, None, "since")
        unit = match.group("unit") or match.group("whole")
        back = match.group("last") == "last" or match.group("past") is not None
        if unit == "week":
            start = week_start(published) - dt.timedelta(days=7 * back)
            latest = start + dt.timedelta(days=6) if match.group("unit") else start
        elif unit == "month":
            start = day_of(published.year - (back and published.month == 1), (published.month - 1 - back) % 12 + 1,
                           1, None, True)
            latest = day_of(start.year, start.month, None, None, False) if match.group("unit") else start
        else:
            start = dt.date(published.year - back, 1, 1)
            latest = dt.date(start.year, 12, 31) if match.group("unit") else start
        return running(start, latest, published, text)
    return None


def _conflict_began(sentence: str, published: dt.date | None) -> Period | None:
    """'the war, which began in 2011, has killed ...': the war's toll runs from when it began."""
    match = CONFLICT_BEGAN.search(sentence)
    if match is None:
        return None
    text = _phrase(match)
    if match.group("year") and not match.group("amonth") and not match.group("ammonth") \
            and not match.group("aomonth"):
        return _year_start(match, published, text, "began")
    parts = date_parts(match, "a")
    if published is None and parts.year is None:
        return Period(None, None, text, None, "began")
    start = resolve(parts, published, True)
    return running(start, resolve(parts, published, False) if parts.loose else start, published, text, "began")


def _months(sentence: str, lower: str, published: dt.date | None, began: bool) -> tuple[Period | None, Period | None]:
    """A period named by months: between two dates, days of a month, a start, or a whole month.

    Also, as a period without dates, a phrase whose dates cannot be placed without a report date.
    """
    unplaced = None
    ranged = "between" in lower or "from" in lower
    if ranged and (match := BETWEEN.search(sentence)):
        first, last = date_parts(match, "a"), date_parts(match, "b")
        start, end = resolve(first, published, True), resolve(last, published, False)
        if start and end and start <= end:
            latest = resolve(first, published, False) if first.part and first.loose else start
            return closed(start, end, published, _phrase(match), latest), None
        unplaced = Period(None, None, _phrase(match), None, "span")
    for finder, guard in ((BETWEEN_DAYS, ranged), (WEEK_OF, "week" in lower or "period" in lower
                                                   or "days" in lower or "fortnight" in lower)):
        if guard and (match := finder.search(sentence)) and (parts := date_parts(match, "a")).day is not None:
            start = resolve(parts._replace(day=int(match.group("first"))), published, first=True)
            end = resolve(parts, published, first=False)
            if start and end and start <= end:
                return closed(start, end, published, _phrase(match)), None
            unplaced = unplaced or Period(None, None, _phrase(match), None, "span")
    starts = ranged or "since" in lower or "starting" in lower or "beginning" in lower
    if starts and (match := SINCE.search(sentence)) and not _compared(lower, match.start("phrase")):
        parts = date_parts(match, "a")
        start = resolve(parts, published, first=True)
        latest = resolve(parts, published, first=False) if parts.loose else start
        if start is None:
            return Period(None, published, _phrase(match), None, "since"), None
        if (period := running(start, latest, published, _phrase(match))) is not None:
            return period, None
    if began and (period := _conflict_began(sentence, published)):
        return period, None
    if ("in " in lower or "during" in lower or "throughout" in lower) and (match := IN_MONTH.search(sentence)) \
            and not _dates_a_statement(lower, *match.span("phrase")):
        parts = date_parts(match, "a")
        start, end = resolve(parts, published, True), resolve(parts, published, False)
        if start and end:
            return closed(start, end, published, _phrase(match)), None
        unplaced = unplaced or Period(None, None, _phrase(match), None, "span")
    return None, unplaced


def _last_span(sentence: str, lower: str, published: dt.date | None) -> Period | None:
    """'last week', 'last month' (the calendar week or month before the report's), 'the past two weeks'."""
    for match in LAST_SPAN.finditer(lower):
        unit = match.group("unit").rstrip("s")
        count = count_of(match.group("count")) if match.group("count") else 1
        text = sentence[match.start("phrase"):match.end("phrase")]
        calendar_unit = not match.group("the") and not match.group("count")
        plural_without_count = not match.group("count") and unit != match.group("unit")
        if calendar_unit and unit in ("year", "hour", "day") or plural_without_count:
            continue  # "last year" opening a sentence is read below; "last day", "the past weeks" are no spans
        if calendar_unit and unit == "week":
            return week_before(published, text)
        if published is None:
            return Period(None, None, text, None, "span")
        if calendar_unit:  # last month
            end = published.replace(day=1) - dt.timedelta(days=1)
            return closed(end.replace(day=1), end, published, text)
        return closed(span_back(published, count, unit), published, published, text)
    return None


def find_period(sentence: str, published: dt.date | None, lower: str | None = None,
                months: bool | None = None) -> Period:
    """The period stated in ``sentence``; it ends at ``published`` unless the sentence closes it.

    With no publication date, a phrase that needs one ("since Monday",
    "since 1 December") keeps its words but no dates. ``lower`` is the
    sentence lower-cased and ``months`` whether it names a month, if at hand:
    the words each phrase opens with are looked for in it first, so most
    sentences cost a few substring tests.
    """
    lower = sentence.lower() if lower is None else lower
    since = "since" in lower
    if since and (period := _since(sentence, lower, published)):
        return period
    if months is None:
        months = bool(month_spans(sentence, lower))
    began = ("beg" in lower or "start" in lower or "erupt" in lower or "broke out" in lower or "launch" in lower) \
        and any(noun in lower for noun in CONFLICT_NOUNS)
    unplaced = None
    if months:
        period, unplaced = _months(sentence, lower, published, began)
        if period is not None:
            return period
    elif began and (period := _conflict_began(sentence, published)):
        return period
    if since and (match := SINCE_UNDATED.search(lower)) and not _compared(lower, match.start()):
        return Period(None, published, sentence[match.start("phrase"):match.end("phrase")], None, "since")
    if ("last " in lower or "past " in lower or "previous " in lower) and ("day" in lower or "week" in lower
                                                                          or "month" in lower or "year" in lower
                                                                          or "hour" in lower):
        if (period := _last_span(sentence, lower, published)) is not None:
            return period
    if ("in 19" in lower or "in 20" in lower or "during" in lower or "throughout" in lower) \
            and (year := _calendar_year(sentence, published)) is not None:
        return year
    if ("this year" in lower or "last year" in lower) and (year := _relative_year(sentence, published)) is not None:
        return year
    if ("this month" in lower or "this week" in lower) and (span := _this_month_or_week(sentence, published)):
        return span
    return unplaced if published is None and unplaced is not None else Period(None, published, None)
