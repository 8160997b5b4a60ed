"""Read one batch of raw files and extract their claims, in any process on any machine.

``read_batch`` is what a worker runs: it needs the raw folder at the same
path (a shared filesystem on a cluster), reads each file named in the batch,
checks its bytes still hash to what the listing saw, and returns Arrow tables
that pickle compactly:

- ``entries``    one row per file: its key, whether it became a report, the report row and its text;
- ``claims``     the claims of each report (read from its text, or stated by a feed), in order;
- ``quarantine`` why a file, or a row of a feed, was set aside.

A result that holds a refusal may depend on the day (a date in the future),
so it is marked with the day it was made for; a clean result holds on any day.
"""
from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path

import pandas as pd
import pyarrow as pa

import schemas
from schemas.arrow import arrow_type
from pipeline.extract import CLAIM_COLUMNS, claims_table
from pipeline.ingest.files import read_raw
from pipeline.ingest.reports import REPORT_COLUMNS, ReportOutcome, read_one
from pipeline.validate import QUARANTINE_COLUMNS

FEED_FORMATS = ("csv", "json")
NEVER = ""  # the day of a result that must not be reused (the file changed as it was read)


def _arrow_type(model, name: str) -> pa.DataType:
    column = model.to_schema().columns.get(name)
    return arrow_type(column.dtype) if column is not None else pa.string()


def entry_schema() -> pa.Schema:
    keys = [pa.field(name, pa.string()) for name in ("key", "path", "sha256", "sidecar_sha256", "day")]
    report = [pa.field(name, _arrow_type(schemas.ReportSchema, name)) for name in REPORT_COLUMNS if name != "path"]
    return pa.schema([*keys, pa.field("accepted", pa.bool_()), *report, pa.field("text", pa.string())])


def claim_schema() -> pa.Schema:
    claims = [pa.field(name, _arrow_type(schemas.ClaimSchema, name)) for name in CLAIM_COLUMNS]
    return pa.schema([pa.field("key", pa.string()), pa.field("seq", pa.int64()),
                      pa.field("from_feed", pa.bool_()), *claims])


def quarantine_schema() -> pa.Schema:
    fields = [pa.field(name, pa.int64() if name == "row" else pa.string()) for name in QUARANTINE_COLUMNS]
    return pa.schema([pa.field("key", pa.string()), *fields])


class RawFolderMissing(RuntimeError):
    """The raw folder is not where the run has it: a worker without the shared filesystem."""


def worker_name() -> str:
    """The host and process a batch ran in, for the run's metadata."""
    return f"{socket.gethostname()}/{os.getpid()}"


def _outcome(raw_dir: Path, path: str, sha256: str, today: dt.date) -> tuple[ReportOutcome, str | None]:
    raw = read_raw(raw_dir, path)
    if raw.data is not None and raw.sha256 != sha256:
        entry = {"path": path, "report_id": sha256, "stage": "ingest", "table": "reports", "row": None,
                 "reason": "file changed while the run was reading it; run again"}
        return ReportOutcome(refused=[entry]), NEVER
    outcome = read_one(raw, raw_dir, today)
    clean = outcome.row is not None and not outcome.refused
    return outcome, None if clean else today.isoformat()


def _text_claims(entries: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Claims read from the text of each accepted prose report, tagged with its key.

    ``claims_table`` takes one text per report id; two files with the same bytes
    (read under different names) are extracted in separate rounds.
    """
    prose = entries[entries["accepted"] & ~entries["format"].isin(FEED_FORMATS)]
    found = []
    for _, round_ in prose.groupby(prose.groupby("report_id").cumcount()):
        claims = claims_table(round_[REPORT_COLUMNS], {rid: texts[key] for rid, key in zip(round_["report_id"], round_["key"])})
        claims.insert(0, "key", claims["report_id"].map(dict(zip(round_["report_id"], round_["key"]))))
        found.append(claims)
    if not found:
        return claim_schema().empty_table().to_pandas()
    claims = pd.concat(found, ignore_index=True)
    claims.insert(1, "seq", claims.groupby("key").cumcount())
    claims.insert(2, "from_feed", False)
    return claims


def read_batch(raw_dir: str, items: list[tuple[str, str, str, str]], today: str) -> dict:
    """Read the files ``items`` (path, sha256, sidecar sha256, key) under ``raw_dir``.

    Returns the ``entries``, ``claims`` and ``quarantine`` tables of the batch
    and the ``worker`` that read it.
    """
    folder, day = Path(raw_dir), dt.date.fromisoformat(today)
    if not folder.is_dir():  # every file would look unreadable; stop the run instead of quarantining them all
        raise RawFolderMissing(f"the raw folder {raw_dir} is not on {worker_name()}: workers need it at the same "
                               "path (a shared filesystem)")
    entries, quarantine, feeds, texts = [], [], [], {}
    for path, sha256, sidecar, key in items:
        outcome, valid_day = _outcome(folder, path, sha256, day)
        row = outcome.row or dict.fromkeys(REPORT_COLUMNS)
        entries.append({**row, "key": key, "path": path, "sha256": sha256, "sidecar_sha256": sidecar,
                        "day": valid_day, "accepted": outcome.row is not None})
        texts[key] = outcome.text
        quarantine += [{"key": key, **entry} for entry in outcome.refused]
        if outcome.feed_claims is not None and len(outcome.feed_claims):
            claims = outcome.feed_claims.copy()
            claims.insert(0, "key", key)
            claims.insert(1, "seq", range(len(claims)))
            claims.insert(2, "from_feed", True)
            feeds.append(claims)
    frame = pd.DataFrame(entries)
    claims = pd.concat([_text_claims(frame, texts), *feeds], ignore_index=True)
    frame["text"] = [texts[key] if accepted else None for key, accepted in zip(frame["key"], frame["accepted"])]
    quarantine_frame = pd.DataFrame(quarantine, columns=["key", *QUARANTINE_COLUMNS])
    quarantine_frame["row"] = quarantine_frame["row"].astype("Int64")
    return {
        "entries": pa.Table.from_pandas(frame, schema=entry_schema(), preserve_index=False),
        "claims": pa.Table.from_pandas(claims, schema=claim_schema(), preserve_index=False),
        "quarantine": pa.Table.from_pandas(quarantine_frame, schema=quarantine_schema(), preserve_index=False),
        "worker": worker_name(),
    }
