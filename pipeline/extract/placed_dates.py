"""Periods as dates, for every language: a day, month, part of a month and year placed against the report date.

A language reads its own period phrases ("depuis le 1er décembre", "منذ بداية
كانون الأول") into these parts; placing them is the same everywhere. A date
without a year takes the latest year not after the report; vague parts of a
month widen as UCDP widens uncertain dates ("late April" starts no earlier
than the 21st, "early December" ends no later than the 10th).
"""
from __future__ import annotations

import calendar
import datetime as dt

from pipeline.extract.periods import Period

PARTS = ("early", "mid", "late")  # parts of a month or year, in every language's reading


def day_of(year: int, month: int, day: int | None, part: str | None, first: bool) -> dt.date | None:
    """The first (or last) day a month, a part of it or a day of it may be; None when no such day."""
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        low, high = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day)}.get(part or "", (1, last_day))
        day = low if first else high
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(month: int, day: int | None, part: str | None, year: int | None, reference: dt.date | None,
            first: bool) -> dt.date | None:
    """A concrete date; ``first`` picks the earliest possible day, else the latest.

    Without a year the date is the latest one not after ``reference``; with
    neither a year nor a reference it cannot be placed.
    """
    if year is None and reference is None:
        return None
    if year is not None:
        return day_of(year, month, day, part, first)
    found = day_of(reference.year, month, day, part, first)
    if found is None or found > reference:
        found = day_of(reference.year - 1, month, day, part, first)
    return found


def since(start: dt.date | None, published: dt.date | None, text: str) -> Period:
    """A period from ``start`` to the report date; one starting after the report cannot be placed."""
    if start is not None and published is not None and start > published:
        return Period(None, published, text)
    return Period(start, published, text)


def closed(start: dt.date, end: dt.date, published: dt.date | None, text: str) -> Period:
    """A closed period, cut at the report date; one that starts after the report cannot be placed."""
    if published is not None and start > published:
        return Period(None, published, text)
    return Period(start, min(end, published) if published else end, text)


def year_period(year: int, published: dt.date | None, text: str) -> Period:
    """A calendar year, to the report date if the report falls in it."""
    return closed(dt.date(year, 1, 1), dt.date(year, 12, 31), published, text)


def weekday_before(reference: dt.date, weekday: int) -> dt.date:
    """The last ``weekday`` (Monday 0) before ``reference`` ("depuis lundi" in a report of a Wednesday)."""
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7 or 7)


def week_before(published: dt.date | None, text: str) -> Period:
    """'last week': Monday to Sunday of the week before the report's."""
    if published is None:
        return Period(None, None, text)
    monday = published - dt.timedelta(days=published.weekday() + 7)
    return Period(monday, monday + dt.timedelta(days=6), text)


def undated(published: dt.date | None) -> Period:
    """No period stated: the count runs to the report date."""
    return Period(None, published, None)
