"""Check a release: checksums, internal references, and (where the raw files
are at hand) that every claim's quote is the text of its report at its span.

Returns the problems found, each naming the file or row at fault.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from pipeline.publish.read import read_release
from pipeline.release_folders import not_a_release

SUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S.*)$")
# The tables whose rows name claims: (table, its row id, the columns listing claim ids).
CLAIM_LISTS = (("figures", "figure_id", ("claim_ids", "disputed_by")), ("events", "event_id", ("claim_ids",)))
RAW_BATCH = 500        # reports re-read at a time
REFERENCED = ("reports", "claims", "figures")  # the tables whose rows name each other
PARALLEL_FROM = 2_000  # smaller releases are re-read in this process: starting workers costs more


def _file_sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


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
        elif _file_sha256(file) != digest:
            problems.append(f"{name}: checksum does not match SHA256SUMS")
    for file in sorted(folder.iterdir()):
        if file.is_file() and file.name != "SHA256SUMS" and file.name not in listed:
            problems.append(f"{file.name}: not covered by SHA256SUMS")
    return problems


def check_references(tables: dict) -> list[str]:
    problems = []
    reports, claims = tables["reports"], tables["claims"]
    orphans = claims[~claims["report_id"].isin(reports["report_id"])]
    problems += [f"claims.parquet: claim {claim} names unknown report {report[:12]}"
                 for claim, report in zip(orphans["claim_id"], orphans["report_id"])]
    wrong_length = claims[claims["quote"].str.len() != claims["end"] - claims["start"]]
    problems += [f"claims.parquet: claim {claim} quote length does not match its span" for claim in wrong_length["claim_id"]]
    for table, row_id, columns in CLAIM_LISTS:
        for column in columns if table in tables else ():
            named = tables[table][[row_id, column]].explode(column)
            named = named[named[column].notna() & ~named[column].isin(claims["claim_id"])]
            problems += [f"{table}.parquet: {table[:-1]} {row} names unknown claim {claim}"
                         for row, claim in zip(named[row_id], named[column])]
    return problems


def _raw_report_problems(raw_dir: str, reports: list[tuple[str, str, str]], claims: list[tuple]) -> list[str]:
    """Problems of one batch of reports (path, report_id, text_sha256) and their claims
    (claim_id, report_id, start, end, quote): raw bytes, text hash and quotes."""
    from pipeline.ingest.files import RawFile
    from pipeline.ingest.metadata import MetadataError
    from pipeline.ingest.reports import read_report_text

    problems, texts, folder = [], {}, Path(raw_dir)
    for path, report_id, text_sha256 in reports:
        file = folder / path
        if not file.is_file():
            problems.append(f"raw file {path} is missing from {raw_dir}")
            continue
        data = file.read_bytes()
        if hashlib.sha256(data).hexdigest() != report_id:
            problems.append(f"raw file {path}: bytes do not hash to report_id")
            continue
        try:
            _, _, text = read_report_text(RawFile(path, data), folder, dt.date.max)
        except MetadataError as error:
            problems.append(f"raw file {path}: {error}")
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != text_sha256:
            problems.append(f"raw file {path}: text does not hash to text_sha256")
        texts[report_id] = text
    for claim_id, report_id, start, end, quote in claims:
        text = texts.get(report_id)
        if text is not None and text[start:end] != quote:
            problems.append(f"claims.parquet: claim {claim_id} quote is not the report text at {start}:{end}")
    return problems


def _report_batches(tables: dict, raw_dir: Path, size: int):
    """(raw folder, reports, claims) of each batch of ``size`` reports, in report order."""
    reports = tables["reports"]
    claims = tables["claims"]
    rows_of = claims.groupby("report_id").indices
    claim_columns = [claims[c].tolist() for c in ("claim_id", "report_id", "start", "end", "quote")]
    for first in range(0, len(reports), size):
        batch = reports.iloc[first:first + size]
        held = [rows_of[rid] for rid in batch["report_id"] if rid in rows_of]
        rows = sorted(int(i) for i in (np.concatenate(held) if held else []))
        yield (str(raw_dir), list(zip(batch["path"], batch["report_id"], batch["text_sha256"])),
               [tuple(column[i] for column in claim_columns) for i in rows])


def check_raw_reports(tables: dict, raw_dir: Path, workers: int = 1) -> list[str]:
    """Each report's raw bytes still hash to its id, and each quote is its text at its span.

    Reports are re-read in batches (in ``workers`` processes for a large release),
    so only one batch of texts is held at a time.
    """
    batches = _report_batches(tables, raw_dir, RAW_BATCH)
    if workers <= 1 or len(tables["reports"]) < PARALLEL_FROM:
        return [problem for batch in batches for problem in _raw_report_problems(*batch)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [problem for found in pool.map(_raw_report_problems, *zip(*batches)) for problem in found]


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


def verify_release(folder: Path, raw_dir: Path | None = None, workers: int = 1) -> list[str]:
    problem = not_a_release(folder, "figures verify")
    if problem:
        return [problem]
    problems = check_checksums(folder)
    try:
        release = read_release(folder)
    except (OSError, ValueError, KeyError) as error:
        return problems + [f"release cannot be read: {error}"]
    problems += check_content_hashes(release)
    if not all(name in release.tables for name in REFERENCED):
        return problems  # a table is missing: named above; what refers to it cannot be checked
    problems += check_references(release.tables)
    if raw_dir is not None and raw_dir.is_dir():
        problems += check_raw_reports(release.tables, raw_dir, workers)
    return problems
