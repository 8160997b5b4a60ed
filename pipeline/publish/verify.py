"""Check a release: checksums, internal references, and (where the raw files
are at hand) that every claim's quote is the text of its report at its span.

Returns the problems found, each naming the file or row at fault.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from pipeline.publish.read import read_release

SUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S.*)$")


def check_checksums(folder: Path) -> list[str]:
    sums = folder / "SHA256SUMS"
    if not sums.is_file():
        return ["SHA256SUMS is missing"]
    problems, listed = [], set()
    for number, line in enumerate(sums.read_text(encoding="utf-8").splitlines(), start=1):
        match = SUM_LINE.match(line)
        if not match:
            problems.append(f"SHA256SUMS line {number} is not '<sha256>  <file>'")
            continue
        digest, name = match.groups()
        listed.add(name)
        file = folder / name
        if not file.is_file():
            problems.append(f"{name}: listed in SHA256SUMS but missing")
        elif hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            problems.append(f"{name}: checksum does not match SHA256SUMS")
    for file in sorted(folder.iterdir()):
        if file.is_file() and file.name != "SHA256SUMS" and file.name not in listed:
            problems.append(f"{file.name}: not covered by SHA256SUMS")
    return problems


def check_references(tables: dict) -> list[str]:
    problems = []
    reports, claims, figures = tables["reports"], tables["claims"], tables["figures"]
    report_ids, claim_ids = set(reports["report_id"]), set(claims["claim_id"])
    for row in claims.itertuples():
        if row.report_id not in report_ids:
            problems.append(f"claims.parquet: claim {row.claim_id} names unknown report {row.report_id[:12]}")
        if len(row.quote) != row.end - row.start:
            problems.append(f"claims.parquet: claim {row.claim_id} quote length does not match its span")
    for row in figures.itertuples():
        for claim in [*row.claim_ids, *row.disputed_by]:
            if claim not in claim_ids:
                problems.append(f"figures.parquet: figure {row.figure_id} names unknown claim {claim}")
    return problems


def check_raw_reports(tables: dict, raw_dir: Path) -> list[str]:
    """Each report's raw bytes still hash to its id, and each quote is its text at its span."""
    from pipeline.ingest.files import RawFile
    from pipeline.ingest.metadata import MetadataError
    from pipeline.ingest.reports import read_report_text

    problems, texts = [], {}
    for report in tables["reports"].itertuples():
        file = raw_dir / report.path
        if not file.is_file():
            problems.append(f"raw file {report.path} is missing from {raw_dir}")
            continue
        data = file.read_bytes()
        if hashlib.sha256(data).hexdigest() != report.report_id:
            problems.append(f"raw file {report.path}: bytes do not hash to report_id")
            continue
        try:
            _, _, text = read_report_text(RawFile(report.path, data), raw_dir, dt.date.max)
        except MetadataError as error:
            problems.append(f"raw file {report.path}: {error}")
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != report.text_sha256:
            problems.append(f"raw file {report.path}: text does not hash to text_sha256")
        texts[report.report_id] = text
    for claim in tables["claims"].itertuples():
        text = texts.get(claim.report_id)
        if text is not None and text[claim.start:claim.end] != claim.quote:
            problems.append(f"claims.parquet: claim {claim.claim_id} quote is not the report text at {claim.start}:{claim.end}")
    return problems


def check_content_hashes(release) -> list[str]:
    """Each table's data still hashes to the content hash its manifest records."""
    from pipeline.publish.formats import table_digest
    from schemas import TABLES

    problems = []
    for name, recorded in release.manifest.get("tables", {}).items():
        frame = release.tables.get(name)
        if frame is None:
            problems.append(f"{name}.parquet: listed in release.json but missing")
            continue
        if table_digest(frame, TABLES[name]) != recorded["data_sha256"]:
            problems.append(f"{name}.parquet: data does not match its content hash in release.json")
    return problems


def verify_release(folder: Path, raw_dir: Path | None = None) -> list[str]:
    if not folder.is_dir():
        return [f"{folder} is not a folder"]
    problems = check_checksums(folder)
    try:
        release = read_release(folder)
    except (OSError, ValueError, KeyError) as error:
        return problems + [f"release cannot be read: {error}"]
    problems += check_content_hashes(release)
    problems += check_references(release.tables)
    if raw_dir is not None and raw_dir.is_dir():
        problems += check_raw_reports(release.tables, raw_dir)
    return problems
