"""Turn raw files into report rows and texts; whatever cannot be read is quarantined.

Every raw file ends in exactly one place: the reports table, or the quarantine
with a reason (a second copy of known bytes is quarantined as a duplicate
naming the first). Rows of a structured feed are quarantined one by one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd
import yaml

from pipeline.extract.claims import CLAIM_COLUMNS
from pipeline.extract.originators import identify
from pipeline.extract.report_country import location_country
from pipeline.extract.language import detect_language
from pipeline.ingest.failures import unreadable_reason
from pipeline.ingest.feeds import FEED_SUFFIXES, Feed, RowError, check_record, read_feed
from pipeline.ingest.files import RawFile, discover, sidecar_path
from pipeline.ingest.html import HTML_SUFFIXES, read_html
from pipeline.ingest.metadata import MetadataError, ReportMetadata, check_metadata
from pipeline.ingest.pdf import PDF_SUFFIXES, read_pdf
from pipeline.ingest.text import TEXT_SUFFIXES, FrontMatterLoader, decode_text, split_front_matter
from pipeline.extract.places import lookup_name
from pipeline.validate import quarantine_frame

REPORT_COLUMNS = [
    "report_id", "path", "title", "publisher", "url", "has_url", "published",
    "format", "size", "location", "language", "text_sha256",
]
FEED_CLAIM_COLUMNS = CLAIM_COLUMNS  # feeds give claims of the same columns as report text
SUPPORTED = sorted([*TEXT_SUFFIXES, *HTML_SUFFIXES, *PDF_SUFFIXES, *FEED_SUFFIXES])


@dataclass
class Ingested:
    """What ingest found: report rows, the text of each report, claims of structured
    feeds, and what it set aside."""

    reports: pd.DataFrame
    texts: dict[str, str] = field(default_factory=dict)
    quarantine: pd.DataFrame = field(default_factory=lambda: quarantine_frame([]))
    inputs: list[dict] = field(default_factory=list)  # every raw file: path, sha256, size
    feed_claims: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=FEED_CLAIM_COLUMNS))


@dataclass
class ReadReport:
    format: str
    metadata: ReportMetadata
    text: str
    feed: Feed | None = None
    feed_claims: list[dict] = field(default_factory=list)


def _sidecar_fields(raw_dir: Path, relative: str) -> dict:
    sidecar = sidecar_path(raw_dir, relative)
    if not sidecar.is_file():
        return {}
    try:
        fields = yaml.load(sidecar.read_text(encoding="utf-8"), Loader=FrontMatterLoader)  # noqa: S506 (safe)
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        raise MetadataError(f"sidecar {sidecar.name} is not valid UTF-8 YAML") from None
    if not isinstance(fields, dict):
        raise MetadataError(f"sidecar {sidecar.name} is not a set of `key: value` fields")
    return fields


def _feed_fields(feed: Feed, name: str, today: dt.date) -> tuple[dict, list[dict]]:
    """Feed-level metadata drawn from its records, and the records that are valid."""
    valid = []
    for record in feed.records:
        try:
            valid.append({**record, "claim": check_record(record["fields"], today)})
        except RowError as error:
            feed.problems.append((record["row"], str(error)))
    fields = {"title": PurePosixPath(name).stem}
    if valid:
        sources = Counter(record["claim"]["attributed_to"] for record in valid)
        fields.update(publisher=sorted(sources.items(), key=lambda item: (-item[1], item[0]))[0][0],
                      url=next((r["claim"]["url"] for r in valid if r["claim"]["url"]), None),
                      published=max(r["claim"]["period_end"] for r in valid))
    return fields, valid


def _unwritable(metadata: ReportMetadata, text: str) -> str | None:
    """The first field, or "text", holding a lone surrogate (from an escape such as \\ud800)."""
    for name, value in (("title", metadata.title), ("publisher", metadata.publisher), ("url", metadata.url),
                        ("location", metadata.location), ("text", text)):
        try:
            (value or "").encode("utf-8")
        except UnicodeEncodeError:
            return name
    return None


def read_report(raw: RawFile, raw_dir: Path, today: dt.date) -> ReadReport:
    """Format, metadata and text of one raw file (and a feed's records), or a MetadataError.

    Whatever a parser trips over on a damaged or hostile file becomes a
    MetadataError with a reason in our words, never the parser's exception.
    """
    try:
        read = _read_report(raw, raw_dir, today)
    except MetadataError:
        raise
    except Exception as error:  # noqa: BLE001 - a parser failing on hostile input must not stop the run
        raise MetadataError(unreadable_reason(raw.path, error)) from None
    broken = _unwritable(read.metadata, read.text)
    if broken:
        raise MetadataError(f"`{broken}` holds an escape such as \\ud800 that is not a character "
                            "(a lone surrogate); fix or remove it")
    return read


def _read_report(raw: RawFile, raw_dir: Path, today: dt.date) -> ReadReport:
    suffix = PurePosixPath(raw.path).suffix.lower()
    feed, valid = None, []
    if suffix in TEXT_SUFFIXES:
        fmt, where = TEXT_SUFFIXES[suffix], "front matter"
        fields, text = split_front_matter(decode_text(raw.data))
    elif suffix in HTML_SUFFIXES:
        fmt, where = "html", "the page or its sidecar"
        fields, text = read_html(raw.data)
    elif suffix in PDF_SUFFIXES:
        fmt, where = "pdf", "the PDF document information or its sidecar"
        fields, text = read_pdf(raw.data)
    elif suffix in FEED_SUFFIXES:
        fmt, where = FEED_SUFFIXES[suffix], "the feed or its sidecar"
        feed = read_feed(raw.data, fmt)
        fields, valid = _feed_fields(feed, raw.path, today)
        text = feed.text
        if not valid:
            reasons = "; ".join(f"row {row}: {reason}" for row, reason in feed.problems[:3])
            raise MetadataError(f"feed has no valid record ({reasons or 'no records'})")
    else:
        raise MetadataError(f"unsupported file type `{suffix or '(none)'}`; reports are {', '.join(SUPPORTED)}")
    fields = {**fields, **_sidecar_fields(raw_dir, raw.path)}
    return ReadReport(fmt, check_metadata(fields, where, today, raw.path), text, feed, valid)


def read_report_text(raw: RawFile, raw_dir: Path, today: dt.date) -> tuple[str, ReportMetadata, str]:
    """(format, metadata, text) of one raw file, or a MetadataError saying what is wrong."""
    read = read_report(raw, raw_dir, today)
    return read.format, read.metadata, read.text


def _report_row(raw: RawFile, read: ReadReport) -> dict:
    meta = read.metadata
    return {
        "report_id": raw.sha256,
        "path": raw.path,
        "title": meta.title,
        "publisher": meta.publisher,
        "url": meta.url,
        "has_url": meta.url is not None,
        "published": meta.published.isoformat(),
        "format": read.format,
        "size": len(raw.data),
        "location": meta.location,
        "language": meta.language or ("en" if read.feed is not None else detect_language(read.text)),
        "text_sha256": hashlib.sha256(read.text.encode("utf-8")).hexdigest(),
    }


def _feed_claim(report_id: str, record: dict, language: str) -> dict:
    claim = record["claim"]
    place = lookup_name(claim["location"])
    key = f"{report_id}:row{record['row']}:{claim['metric']}"
    originator = identify(claim["attributed_to"], location_country(claim["location"]))
    return {
        "claim_id": hashlib.sha256(key.encode()).hexdigest()[:16], "report_id": report_id, "language": language,
        "metric": claim["metric"], "value": claim["value"], "high": claim["high"], "unit": claim["unit"],
        "qualifier": claim["qualifier"], "hedge": None, "population": claim["population"], "stance": "asserted",
        "count_type": claim["count_type"], "attributed_to": claim["attributed_to"],
        "originator": originator.name if originator else None, "location": claim["location"],
        "place": place.name if place else None, "adm0": place.adm0 if place else None,
        "adm1": ";".join(place.adm1) or None if place else None, "adm2": place.adm2 if place else None,
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "event_date": claim["event_date"], "date_precision": claim["date_precision"],
        "period_start": claim["period_start"], "period_start_latest": claim["period_start_latest"],
        "period_end": claim["period_end"], "period_text": None,
        "quote": record["quote"], "start": record["start"], "end": record["end"],
        "number_text": record["fields"]["value"],
    }


def feed_claims_table(report_id: str, read: ReadReport) -> pd.DataFrame:
    """The claims a structured feed states, as claim rows."""
    # A feed's rows are in our codes whatever its place names are written in: read as English unless it says
    language = read.metadata.language or "en" if read.metadata is not None else "en"
    claims = pd.DataFrame([_feed_claim(report_id, record, language) for record in read.feed_claims],
                          columns=FEED_CLAIM_COLUMNS)
    claims["high"] = claims["high"].astype("Int64")
    return claims


@dataclass
class ReportOutcome:
    """What one raw file became: a report row with its text and feed claims, or refusals.

    ``refused`` holds quarantine entries: the whole file's (then ``row`` is None)
    or, for a feed that was read, its bad rows.
    """

    row: dict | None = None
    text: str | None = None
    feed_claims: pd.DataFrame | None = None
    refused: list[dict] = field(default_factory=list)


def read_one(raw: RawFile, raw_dir: Path, today: dt.date) -> ReportOutcome:
    """One raw file on its own, in any process: its report, or why it was set aside.

    Duplicates are a matter of the whole corpus and are decided by the caller.
    """
    entry = {"path": raw.path, "report_id": raw.sha256, "stage": "ingest", "table": "reports", "row": None}
    if raw.data is None:
        return ReportOutcome(refused=[{**entry, "reason": raw.refusal}])
    try:
        read = read_report(raw, raw_dir, today)
    except MetadataError as error:
        return ReportOutcome(refused=[{**entry, "reason": str(error)}])
    except Exception as error:  # a parser failing on hostile input must not stop the run
        return ReportOutcome(refused=[{**entry, "reason": unreadable_reason(raw.path, error)}])
    outcome = ReportOutcome(row=_report_row(raw, read), text=read.text)
    if read.feed is not None:
        outcome.feed_claims = feed_claims_table(raw.sha256, read)
        outcome.refused = [{**entry, "table": "claims", "row": row, "reason": f"row {row}: {reason}"}
                           for row, reason in read.feed.problems]
    return outcome


def duplicate_entry(raw_path: str, report_id: str, first_path: str) -> dict:
    """The quarantine entry of a second copy of bytes already read under ``first_path``."""
    return {"path": raw_path, "report_id": report_id, "stage": "ingest", "table": "reports", "row": None,
            "reason": f"same bytes as {first_path}; counted once"}


def ingest(raw_dir: Path, today: dt.date) -> Ingested:
    """Read every file under ``raw_dir``; ``today`` bounds publication dates."""
    rows, texts, refused, inputs, feed_claims = [], {}, [], [], []
    first_path: dict[str, str] = {}
    for raw in discover(raw_dir):
        inputs.append({"path": raw.path, "sha256": raw.sha256, "size": None if raw.data is None else len(raw.data)})
        if raw.sha256 in first_path:
            refused.append(duplicate_entry(raw.path, raw.sha256, first_path[raw.sha256]))
            continue
        outcome = read_one(raw, raw_dir, today)
        refused += outcome.refused
        if outcome.row is None:
            continue
        first_path[raw.sha256] = raw.path
        rows.append(outcome.row)
        texts[raw.sha256] = outcome.text
        if outcome.feed_claims is not None:
            feed_claims.append(outcome.feed_claims)
    claims = pd.concat(feed_claims, ignore_index=True) if feed_claims else feed_claims_table("", ReadReport("", None, ""))
    return Ingested(reports=pd.DataFrame(rows, columns=REPORT_COLUMNS), texts=texts,
                    quarantine=quarantine_frame(refused), inputs=inputs, feed_claims=claims)
