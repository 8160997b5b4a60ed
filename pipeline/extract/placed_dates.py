"""Periods as dates, for every language: a day, month, part of a month and year placed against the report date.

A language reads its own date and period phrases ("since late April",
"depuis le 1er décembre", "منذ بداية كانون الأول") into these parts; placing
them is the same everywhere. A date without a year falls in the latest year
whose earliest possible day is not after the report; vague parts of a month
widen as UCDP widens uncertain dates ("late April" starts no earlier than the
21st, "early December" ends no later than the 10th). Each period says what
kind of span it is (``Period.kind``): ``since``, a running total from a
start; ``began``, the figures of a war or campaign that began at a date;
``span``, a bounded period.
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}  # parts of a month, in every language's reading


class Period(NamedTuple):
    """The period a figure covers: its dates where they can be placed, and the words that give it.

    ``latest`` is the latest day a loosely given start may be (``start`` when
    the start is exact); ``kind`` is ``since``, ``began`` or ``span``, None
    when the sentence gives no period.
    """

    start: dt.date | None
    end: dt.date | None
    text: str | None
    latest: dt.date | None = None
    kind: str | None = None


def day_of(year: int, month: int, day: int | None, part: str | None, first: bool) -> dt.date | None:
    """The first (or last) day a month, a part of it (``PART_DAYS``) or a day of it may be; None when no such day."""
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


def resolve(month: int, day: int | None, part: str | None, year: int | None, reference: dt.date | None,
            first: bool) -> dt.date | None:
    """A concrete date; ``first`` picks the earliest possible day, else the latest.

    Without a year the date falls in the latest year whose earliest possible
    day is not after ``reference`` ("mid-February" in a report of 3 February
    is the February before; "July" in a report of 27 July is this July, its
    end cut at the report by whoever reads a period); with neither a year nor
    a reference it cannot be placed.
    """
    if year is None:
        if reference is None:
            return None
        year = reference.year
        earliest = day_of(year, month, day, part, True)
        if earliest is None or earliest > reference:
            year -= 1
    return day_of(year, month, day, part, first)


def weekday_before(reference: dt.date, weekday: int, same_day: bool = False) -> dt.date:
    """The last ``weekday`` (Monday 0) before ``reference`` ("since Sunday" in a report of a Tuesday);
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


def span_back(reference: dt.date, count: int, unit: str) -> dt.date:
    """The first day of the last ``count`` ``unit``s (hour, day, week, month or year) up to ``reference``."""
    unit = unit.lower().rstrip("s")
    if unit == "hour":
        return reference - dt.timedelta(days=-(-count // 24))
    if unit in ("day", "week"):
        return reference - dt.timedelta(days=count * (7 if unit == "week" else 1))
    return months_back(reference, count * (12 if unit == "year" else 1))


def running(start: dt.date | None, latest: dt.date | None, published: dt.date | None, text: str,
            kind: str = "since") -> Period | None:
    """A running total from ``start`` (at the latest ``latest``) to the report date; None when it would
    start after the report."""
    if start is not None and published is not None and start > published:
        return None
    if latest is not None and published is not None:
        latest = min(latest, published)
    return Period(start, published, text, latest, kind)


def since(start: dt.date | None, published: dt.date | None, text: str) -> Period:
    """A running total from an exact ``start``; one that would start after the report keeps its words only."""
    return running(start, start, published, text) or Period(None, published, text, None, "since")


def closed(start: dt.date, end: dt.date, published: dt.date | None, text: str,
           latest: dt.date | None = None) -> Period:
    """A closed period, cut at the report date; one that starts after the report cannot be placed."""
    if published is not None and start > published:
        return Period(None, published, text, None, "span")
    return Period(start, min(end, published) if published else end, text, latest or start, "span")


def year_period(year: int, published: dt.date | None, text: str) -> Period:
    """A calendar year, to the report date if the report falls in it."""
    return closed(dt.date(year, 1, 1), dt.date(year, 12, 31), published, text)


def week_before(published: dt.date | None, text: str) -> Period:
    """'last week': Monday to Sunday of the week before the report's."""
    if published is None:
        return Period(None, None, text, None, "span")
    monday = week_start(published) - dt.timedelta(days=7)
    return closed(monday, monday + dt.timedelta(days=6), published, text)


def undated(published: dt.date | None) -> Period:
    """No period stated: the count runs to the report date."""
    return Period(None, published, None)
