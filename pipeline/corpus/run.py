"""Read a whole corpus: list and hash it, take what the cache knows, read the rest in batches.

The tables written (into a ``TableFolder``) are what ``pipeline.ingest.ingest``
would give, before validation:

- ``inputs``           every raw file: path, sha256, size;
- ``reports_read``     one row per distinct report, in path order;
- ``texts``            report_id and text of each of those reports, written as they come;
- ``claims_read``      their claims, with ``seq`` (order in the report), ``from_feed`` and ``path``;
- ``quarantine_read``  files and feed rows set aside, with the reason.

The same bytes under two names are one report: the first name (in path order)
that reads as a report keeps it, later names are quarantined as copies.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.corpus.cache import DamagedSegment, ExtractionCache, code_hash
from pipeline.corpus.listing import list_corpus
from pipeline.corpus.workers import run_here, run_in_processes, run_on_cluster
from pipeline.ingest.reports import REPORT_COLUMNS, duplicate_entry
from pipeline.progress import SILENT, Progress
from pipeline.tablestore import TableFolder
from pipeline.validate import QUARANTINE_COLUMNS

BATCH_SIZE = 250          # reports per batch: a few MB of results, a second or so of work
PARALLEL_FROM = 500       # fewer reports to read than this are read here: starting processes costs more
LAST_LISTING = "last_listing.parquet"
HEAD_COLUMNS = ["key", "path", "sha256", "accepted"]
TEXT_SCHEMA = pa.schema([("report_id", pa.string()), ("text", pa.string())])


@dataclass
class CorpusRead:
    """What a run read: counts for the run's metadata, and which processes did the work."""

    files: int = 0
    new: int = 0        # files read this run
    cached: int = 0     # files whose results came from the cache
    removed: int = 0    # files of the previous run that are gone or changed
    batches_by_worker: Counter = field(default_factory=Counter)


def _batches(misses: pd.DataFrame, size: int) -> list[list[tuple]]:
    items = list(zip(misses["path"], misses["sha256"], misses["sidecar_sha256"], misses["key"]))
    return [items[start:start + size] for start in range(0, len(items), size)]


def _runner(raw_dir: str, batches: list, today: str, reports: int, workers: int, scheduler: str | None,
            parallel_from: int):
    if scheduler:
        return run_on_cluster(raw_dir, batches, today, scheduler)
    if workers > 1 and reports >= parallel_from:
        return run_in_processes(raw_dir, batches, today, workers)
    return run_here(raw_dir, batches, today)


def _removed(cache_root: Path, listing: pd.DataFrame) -> int:
    """Files of the previous run (path and bytes) that this run no longer has."""
    last = cache_root / LAST_LISTING
    current = listing[["path", "sha256"]]
    try:
        previous = pq.read_table(last).to_pandas()
    except (OSError, pa.ArrowException):
        previous = current.iloc[:0]
    gone = previous.merge(current, on=["path", "sha256"], how="left", indicator=True)
    tmp = last.with_name(f".{LAST_LISTING}.{uuid.uuid4().hex}.tmp")  # this run's own: runs may overlap
    cache_root.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pandas(current, preserve_index=False), tmp)
    tmp.replace(last)
    return int((gone["_merge"] == "left_only").sum())


def _duplicates(entries: pd.DataFrame) -> pd.Series:
    """Which entries are later copies of bytes an earlier path already read as a report."""
    first = entries[entries["accepted"]].groupby("sha256")["path"].min()
    kept_at = entries["sha256"].map(first)
    return kept_at.notna() & (entries["path"] > kept_at.fillna("").astype(str))


def _collect(cache: ExtractionCache, where: dict[str, str], listing: pd.DataFrame, out: TableFolder,
             progress: Progress = SILENT) -> None:
    """Write the run's tables from the cache segments holding its entries.

    Tables stay in Arrow until each is whole and is converted once; texts go
    straight from each segment to the run's text table.
    """
    by_segment: dict[str, set[str]] = {}
    for key, segment in where.items():
        by_segment.setdefault(segment, set()).add(key)
    segments = sorted(by_segment)
    heads = pa.concat_tables([cache.read(s, "entries", by_segment[s], HEAD_COLUMNS) for s in segments]).to_pandas()
    entries = heads.sort_values("path", kind="stable", ignore_index=True)
    copies = _duplicates(entries)
    kept = set(entries.loc[entries["accepted"] & ~copies, "key"])
    not_copies = set(entries.loc[~copies, "key"])
    firsts = entries[entries["accepted"]].groupby("sha256")["path"].min()
    quarantine = [duplicate_entry(p, s, firsts[s]) for p, s in zip(entries.loc[copies, "path"], entries.loc[copies, "sha256"])]
    quarantine += _listing_refusals(listing)
    reports, claims, refused = [], [], []
    texts = out.writer("texts", TEXT_SCHEMA)
    try:
        with progress.task("reports", "gathering", total=len(where), unit="reports") as task:
            for segment in segments:
                live = by_segment[segment]
                kept_entries = cache.read(segment, "entries", live & kept)
                texts.write_table(kept_entries.select(TEXT_SCHEMA.names).cast(TEXT_SCHEMA))
                reports.append(kept_entries.drop_columns(["text"]))
                claims.append(cache.read(segment, "claims", live & kept))
                refused.append(cache.read(segment, "quarantine", live & not_copies))
                task.advance(len(live))
    finally:
        texts.close()
    report_rows = pa.concat_tables(reports).to_pandas()
    out.write("reports_read", report_rows.sort_values("path", kind="stable")[REPORT_COLUMNS])
    found = pa.concat_tables(claims).to_pandas()
    found["path"] = found["key"].map(dict(zip(report_rows["key"], report_rows["path"])))
    found["order"] = found["report_id"].where(~found["from_feed"], found["path"])
    found = found.sort_values(["from_feed", "order", "seq"], kind="stable").drop(columns=["order", "key"])
    out.write("claims_read", found)
    _write_quarantine(out, [*quarantine, *pa.concat_tables(refused).drop_columns(["key"]).to_pylist()])


def _listing_refusals(listing: pd.DataFrame) -> list[dict]:
    """Quarantine entries of the files refused before being read (too large, a symlink out, unreadable)."""
    return [{**dict.fromkeys(QUARANTINE_COLUMNS), "path": p, "stage": "ingest", "table": "reports", "reason": r}
            for p, r in zip(listing["path"], listing["refusal"]) if isinstance(r, str)]


def _write_quarantine(out: TableFolder, entries: list[dict]) -> None:
    refusals = pd.DataFrame(entries, columns=QUARANTINE_COLUMNS)
    refusals["row"] = refusals["row"].astype("Int64")
    out.write("quarantine_read", refusals.sort_values(["path", "row", "reason"], na_position="first", kind="stable"))


def read_corpus(raw_dir: Path, today: dt.date, cache_root: Path, out: TableFolder, *, workers: int = 1,
                scheduler: str | None = None, rebuild: bool = False, batch_size: int = BATCH_SIZE,
                parallel_from: int = PARALLEL_FROM, progress: Progress = SILENT) -> CorpusRead:
    """Read every raw file under ``raw_dir`` into ``out``, from the cache where it can.

    The files not in the cache (every file with ``rebuild``) are read in batches
    of ``batch_size``: on the Dask cluster at ``scheduler`` when given, else in
    ``workers`` processes when there are at least ``parallel_from`` of them, else
    here. ``progress`` hears of files listed and reports read as batches finish.
    """
    code = code_hash()
    cache = ExtractionCache(cache_root, code)
    listing = list_corpus(raw_dir, code, progress)
    out.write("inputs", listing[["path", "sha256", "size"]])
    readable = listing[listing["key"].notna()]
    summary = CorpusRead(files=len(listing))
    where: dict[str, str] = {}
    with cache.in_use() as tidy:
        ignored = set(cache.index()["segment"]) if rebuild else set()  # what the cache held before this run
        for attempt in range(3):
            index = cache.index()
            usable = index[(index["day"].isna() | (index["day"] == today.isoformat()))
                           & ~index["segment"].isin(ignored)].drop_duplicates("key")
            known = dict(zip(usable["key"], usable["segment"]))
            hits = readable["key"].isin(known.keys())
            where = {key: known[key] for key in readable.loc[hits, "key"]}
            misses = readable[~hits]
            summary.cached = int(hits.sum())
            summary.new += len(misses)
            batches = _batches(misses, batch_size)
            run = _runner(str(raw_dir.resolve()), batches, today.isoformat(), len(misses), workers, scheduler,
                          parallel_from)
            with progress.task("reports", "reading", total=len(misses), unit="reports") as task:
                task.note = f"{summary.cached} from the cache"
                for result in run:
                    segment = cache.add(result)
                    summary.batches_by_worker[result["worker"]] += 1
                    keys = result["entries"].column("key").to_pylist()
                    where.update(dict.fromkeys(keys, segment))
                    task.advance(len(keys))
            try:
                if where:
                    _collect(cache, where, listing, out, progress)
                else:
                    _write_empty(listing, out)
                break
            except DamagedSegment:
                if attempt == 2:
                    raise
                # the damaged segment is gone: its reports are read again
        summary.removed = _removed(cache_root, listing)
        tidy(set(where.values()))
    return summary


def _write_empty(listing: pd.DataFrame, out: TableFolder) -> None:
    """The tables of a corpus with no file that could be read."""
    from pipeline.corpus.batch import claim_schema

    out.write("reports_read", pd.DataFrame(columns=REPORT_COLUMNS))
    out.write("texts", TEXT_SCHEMA.empty_table())
    out.write("claims_read", claim_schema().empty_table().drop_columns(["key"]).append_column("path", pa.array([], pa.string())))
    _write_quarantine(out, _listing_refusals(listing))
