"""Check a report's metadata: what reconciliation needs, in usable form.

A report needs a `publisher` (whose figures these are) and a `published`
date (the day its counts run to): without them its claims cannot be
reconciled, so the file is quarantined with a reason saying how to add them.
A `url` is evidence, not a condition: a report without one is read, and the
reports table flags it. A missing `title` falls back to the file name.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from pipeline.extract.language import given_language

REQUIRED_FIELDS = ("publisher", "published")
EARLIEST_DATE = dt.date(1900, 1, 1)
ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\S*$)")
HOW_TO_ADD = {
    "publisher": "`publisher: NAME` (who published the report)",
    "published": "`published: YYYY-MM-DD` (the day the report was published)",
}


class MetadataError(ValueError):
    """Metadata a person has to fix; the message says what and where."""


@dataclass(frozen=True)
class ReportMetadata:
    title: str
    publisher: str
    url: str | None
    published: dt.date
    location: str | None = None
    language: str | None = None  # ISO 639-1 code, as the metadata gives it


def shown(value: object, limit: int = 60) -> str:
    """A value as a reason quotes it: its repr, cut short when long."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _impossible(year: int, month: int, day: int) -> str | None:
    """Why year-month-day is not a real date, or None when it is one."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days"
    if year < 1:
        return "there is no year 0"
    return None


def parse_date(value: object, name: str) -> dt.date:
    """A date written YYYY-MM-DD (a time after it is ignored), or a MetadataError naming ``name``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = ISO_DAY.match(text)
    if match is None:
        raise MetadataError(f"`{name}` is {shown(value)}, not a date in the form YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    problem = _impossible(year, month, day)
    if problem:
        raise MetadataError(f"`{name}` is {match.group(0)[:10]}, which is not a real date ({problem})")
    return dt.date(year, month, day)


def _missing_reason(missing: list[str], where: str, sidecar: str) -> str:
    names = ", ".join(f"`{name}`" for name in missing)
    adds = " and ".join(HOW_TO_ADD[name] for name in missing)
    if where == "front matter":
        return f"no {names} in front matter; add {adds}"
    return f"no {names} in {where}; add {adds} to a sidecar {sidecar} beside it"


def check_metadata(fields: dict, where: str, today: dt.date, path: str = "") -> ReportMetadata:
    """``fields`` as read from ``where`` (e.g. "front matter") for the raw file ``path``, or a MetadataError."""
    name = PurePosixPath(path).name
    fields = {**fields, "publisher": " ".join(str(fields.get("publisher") or "").split())}
    missing = [key for key in REQUIRED_FIELDS if fields.get(key) in (None, "")]
    if missing:
        raise MetadataError(_missing_reason(missing, where, f"{name}.meta.yaml"))
    published = parse_date(fields["published"], "published")
    if published > today:
        raise MetadataError(f"`published` is {published}, a date in the future")
    if published < EARLIEST_DATE:
        raise MetadataError(f"`published` is {published}, before {EARLIEST_DATE.year}")
    url = str(fields.get("url") or "").strip() or None
    if url is not None and not url.startswith(("http://", "https://")):
        raise MetadataError(f"`url` is {shown(url)}, not an http(s) address; write it in full "
                            "(https://...) or leave `url` out")
    title = " ".join(str(fields.get("title") or "").split()) or PurePosixPath(path).stem or name
    location = fields.get("location")
    language = fields.get("language")
    if language not in (None, "") and given_language(language) is None:
        raise MetadataError(f"`language` is {shown(language)}, not an ISO 639-1 code such as en, fr or ar; "
                            "write the code or leave `language` out (it is then told from the text)")
    return ReportMetadata(
        title=title,
        publisher=fields["publisher"],
        url=url,
        published=published,
        location=None if location in (None, "") else str(location).strip(),
        language=given_language(language),
    )
