"""Check a report's metadata: the four fields every report needs, in usable form."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

REQUIRED_FIELDS = ("title", "publisher", "url", "published")
EARLIEST_DATE = dt.date(1900, 1, 1)


class MetadataError(ValueError):
    """Metadata a person has to fix; the message says what and where."""


@dataclass(frozen=True)
class ReportMetadata:
    title: str
    publisher: str
    url: str
    published: dt.date
    location: str | None = None


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise MetadataError(f"`published` is {value!r}, not a date in the form YYYY-MM-DD") from None


def check_metadata(fields: dict, where: str, today: dt.date) -> ReportMetadata:
    """``fields`` as read from ``where`` (e.g. "front matter"), or a MetadataError."""
    missing = [name for name in REQUIRED_FIELDS if fields.get(name) in (None, "")]
    if missing:
        names = ", ".join(f"`{name}`" for name in missing)
        raise MetadataError(f"no {names} in {where}")
    published = _as_date(fields["published"])
    if published > today:
        raise MetadataError(f"`published` is {published}, a date in the future")
    if published < EARLIEST_DATE:
        raise MetadataError(f"`published` is {published}, before {EARLIEST_DATE.year}")
    url = str(fields["url"]).strip()
    if not url.startswith(("http://", "https://")):
        raise MetadataError(f"`url` is {url!r}, not an http(s) address")
    location = fields.get("location")
    return ReportMetadata(
        title=" ".join(str(fields["title"]).split()),
        publisher=" ".join(str(fields["publisher"]).split()),
        url=url,
        published=published,
        location=None if location in (None, "") else str(location).strip(),
    )
