"""Read any report file for `figures extract`: metadata where the file has it, text always.

`figures run` needs each report's publisher and date to reconcile it, so
ingest quarantines a file without them. Extracting claims needs neither: a
text file without front matter is all body, a date that cannot be read is
no date (periods then keep their words only), and a web page or PDF gives
what its own metadata says. Structured feeds are read as `figures run` reads
them, since their rows are claims already.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

import yaml

from pipeline.extract.language import given_language
from pipeline.ingest.metadata import MetadataError
from pipeline.ingest.text import TEXT_SUFFIXES, decode_text

HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
FEED_SUFFIXES = {".csv", ".json"}
READABLE = sorted({*TEXT_SUFFIXES, *HTML_SUFFIXES, *PDF_SUFFIXES, *FEED_SUFFIXES})


@dataclass(frozen=True)
class LooseReport:
    text: str
    published: dt.date | None
    publisher: str | None
    location: str | None
    language: str | None = None  # ISO 639-1 code the metadata gives, if any


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _text(value: object) -> str | None:
    return " ".join(str(value).split()) or None if value not in (None, "") else None


# A YAML block between "---" lines at the top, as python-frontmatter reads it for `figures run`.
FRONT_MATTER = re.compile(r"\A\ufeff?-{3}\s*\n(?P<fields>.*?\n)?-{3}\s*(?:\n|\Z)", re.DOTALL)
# Every field read as text: dates are parsed below, and nothing else is needed.
FIELD_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


# Most front matter is flat "key: value" lines whose values are plain ASCII
# text: YAML reads each value as the text after the colon, trimmed. Such blocks
# are read by these patterns, several times faster than yaml (which costs more
# than reading the file); anything else (quotes, lists, comments, tabs, an
# indicator opening a value, ": " or " #" inside one, non-ASCII text) is read by yaml.
PLAIN_FIELDS = re.compile(
    r"(?:[A-Za-z_][A-Za-z0-9_-]{0,99}:[ ]++"  # a key, a colon and spaces
    r"(?![-?:,\[\]{}#&*!|>'\"%@`])"  # no indicator opens the value
    r"(?:[!-9;-~]|:(?=[!-~])|[ ]+(?=[!-\"$-9;-~]))+"  # printable ASCII, no ": ", " #" or space at the end
    r"\n)+"
)
PLAIN_FIELD = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):[ ]+(.*)\n")


def _fields(block: str) -> object:
    """The YAML ``block`` as yaml's BaseLoader reads it (every value text); YAMLError if it is no YAML."""
    if PLAIN_FIELDS.fullmatch(block):
        return dict(PLAIN_FIELD.findall(block))
    return yaml.load(block, Loader=FIELD_LOADER)


def _front_matter(text: str) -> tuple[dict, str]:
    """Front matter fields and body; text without (readable) front matter is all body."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        fields = _fields(match.group("fields") or "")
    except (yaml.YAMLError, RecursionError):
        return {}, text
    return (fields, text[match.end():]) if isinstance(fields, dict) and fields else ({}, text)


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def is_feed(name: str) -> bool:
    return _suffix(name) in FEED_SUFFIXES


def read_any(name: str, data: bytes, sidecar: dict | None = None) -> LooseReport:
    """The text and whatever metadata ``data`` carries; a MetadataError when it holds no text.

    Whatever a parser trips over on a damaged or hostile file becomes a
    MetadataError with a reason in our words, as in ingest.
    """
    try:
        return _read_any(name, data, sidecar)
    except MetadataError:
        raise
    except Exception as error:  # noqa: BLE001 - a parser failing on hostile input must not stop the command
        from pipeline.ingest.failures import unreadable_reason

        raise MetadataError(unreadable_reason(name, error)) from None


def _read_any(name: str, data: bytes, sidecar: dict | None) -> LooseReport:
    suffix = _suffix(name)
    if suffix in HTML_SUFFIXES:
        from pipeline.ingest.html import read_html

        fields, text = read_html(data)
    elif suffix in PDF_SUFFIXES:
        from pipeline.ingest.pdf import read_pdf

        fields, text = read_pdf(data)
    elif suffix in TEXT_SUFFIXES or not suffix or name == "-":
        fields, text = _front_matter(decode_text(data))
    else:
        raise MetadataError(f"unsupported file type `{suffix}`; reports are {', '.join(READABLE)}")
    fields = {**fields, **(sidecar or {})}
    return LooseReport(text, _date(fields.get("published")), _text(fields.get("publisher")),
                       _text(fields.get("location")), given_language(fields.get("language")))
