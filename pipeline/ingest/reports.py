"""Turn raw files into report rows and texts; whatever cannot be read is quarantined.

Every raw file ends in exactly one place: the reports table, or the quarantine
with a reason (a second copy of known bytes is quarantined as a duplicate
naming the first).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd
import yaml

from pipeline.ingest.files import RawFile, discover, sidecar_path
from pipeline.ingest.metadata import MetadataError, ReportMetadata, check_metadata
from pipeline.ingest.text import TEXT_SUFFIXES, decode_text, split_front_matter
from pipeline.validate import quarantine_frame

REPORT_COLUMNS = [
    "report_id", "path", "title", "publisher", "url", "published",
    "format", "size", "location", "text_sha256",
]


@dataclass
class Ingested:
    """What ingest found: report rows, the text of each report, and what it set aside."""

    reports: pd.DataFrame
    texts: dict[str, str] = field(default_factory=dict)
    quarantine: pd.DataFrame = field(default_factory=lambda: quarantine_frame([]))
    inputs: list[dict] = field(default_factory=list)  # every raw file: path, sha256, size


def _sidecar_fields(raw_dir: Path, relative: str) -> dict:
    sidecar = sidecar_path(raw_dir, relative)
    if not sidecar.is_file():
        return {}
    try:
        fields = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        raise MetadataError(f"sidecar {sidecar.name} is not valid UTF-8 YAML") from None
    if not isinstance(fields, dict):
        raise MetadataError(f"sidecar {sidecar.name} is not a set of `key: value` fields")
    return fields


def read_report_text(raw: RawFile, raw_dir: Path, today: dt.date) -> tuple[str, ReportMetadata, str]:
    """(format, metadata, text) of one raw file, or a MetadataError saying what is wrong."""
    suffix = PurePosixPath(raw.path).suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        kinds = ", ".join(sorted(TEXT_SUFFIXES))
        raise MetadataError(f"unsupported file type `{suffix or '(none)'}`; reports are {kinds}")
    fields, body = split_front_matter(decode_text(raw.data))
    fields = {**fields, **_sidecar_fields(raw_dir, raw.path)}
    return TEXT_SUFFIXES[suffix], check_metadata(fields, "front matter", today), body


def _report_row(raw: RawFile, fmt: str, meta: ReportMetadata, text: str) -> dict:
    return {
        "report_id": raw.sha256,
        "path": raw.path,
        "title": meta.title,
        "publisher": meta.publisher,
        "url": meta.url,
        "published": meta.published.isoformat(),
        "format": fmt,
        "size": len(raw.data),
        "location": meta.location,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }


def ingest(raw_dir: Path, today: dt.date) -> Ingested:
    """Read every file under ``raw_dir``; ``today`` bounds publication dates."""
    rows, texts, refused, inputs = [], {}, [], []
    first_path: dict[str, str] = {}
    for raw in discover(raw_dir):
        inputs.append({"path": raw.path, "sha256": raw.sha256, "size": None if raw.data is None else len(raw.data)})
        entry = {"path": raw.path, "report_id": raw.sha256, "stage": "ingest", "table": "reports", "row": None}
        if raw.data is None:
            refused.append({**entry, "reason": raw.refusal})
            continue
        if raw.sha256 in first_path:
            refused.append({**entry, "reason": f"same bytes as {first_path[raw.sha256]}; counted once"})
            continue
        try:
            fmt, meta, text = read_report_text(raw, raw_dir, today)
        except MetadataError as error:
            refused.append({**entry, "reason": str(error)})
            continue
        first_path[raw.sha256] = raw.path
        rows.append(_report_row(raw, fmt, meta, text))
        texts[raw.sha256] = text
    reports = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    return Ingested(reports=reports, texts=texts, quarantine=quarantine_frame(refused), inputs=inputs)
