"""The extraction cache: what each raw file became, kept between runs.

An entry is keyed by the file's SHA-256, its path and sidecar, and the hash
of the code that reads and extracts (``code_hash``: pipeline/ingest/,
pipeline/extract/, this package, schemas/ and the versions of the parsing
libraries), so an entry is found again only for the same bytes read by the
same code; changed code starts a new cache and the old one is removed.

Store: Parquet, in segments. Each batch a run reads becomes one segment, a
folder of three Parquet tables (entries with their report row and text,
claims, quarantine) written under a temporary name and renamed into place,
so a kill leaves a whole segment or none. A segment that cannot be read
(truncated, damaged) is removed and its reports are read again. Parquet
rather than DuckDB because the runs already read and write Arrow tables, a
segment is written in one rename with no database to recover after a kill,
one damaged segment costs only its own reports, and pyarrow is already a
dependency; the cache is only ever scanned whole by key, never queried.

Several runs may share a cache (two `figures run` at once on one Dagster
home). Segment names are unique to their writer, so two runs reading the same
new files write two segments and either serves. Each run holds a shared lock
on the cache while it reads it (``in_use``); removing segments, leftovers of
killed writes and older code's caches happens only under the exclusive lock,
taken without waiting by a run that finds itself alone (``tidy``), so no run
removes what another is writing or about to read.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
CODE_FOLDERS = ("pipeline/ingest", "pipeline/extract", "pipeline/corpus", "schemas")
LIBRARIES = ("trafilatura", "pypdf", "python-frontmatter", "PyYAML", "text2num", "py3langid", "pyarabic", "pandas",
             "pyarrow")
TABLES = ("entries", "claims", "quarantine")
INDEX_COLUMNS = ["key", "day"]
SEGMENT_PREFIX = "seg-"
LOCK_NAME = ".lock"


def code_hash() -> str:
    """A hash of the code and reference data that turn raw files into report rows and claims."""
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for file in sorted((PROJECT_ROOT / folder).rglob("*")):
            if file.suffix in {".py", ".yaml"} and "__pycache__" not in file.parts:
                digest.update(file.relative_to(PROJECT_ROOT).as_posix().encode() + b"\0" + file.read_bytes())
    for library in LIBRARIES:
        try:
            digest.update(f"{library}=={version(library)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{library} absent\n".encode())
    return digest.hexdigest()


class DamagedSegment(RuntimeError):
    """A segment could not be read; it has been removed."""


class ExtractionCache:
    """The entries made by one version of the code, under ``root/<code hash>``."""

    def __init__(self, root: Path, code: str):
        self.root, self.code = Path(root), code
        self.folder = self.root / code[:24]

    def segments(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_dir() and p.name.startswith(SEGMENT_PREFIX))

    def index(self) -> pd.DataFrame:
        """(key, day, segment) of every readable entry; damaged segments are removed.

        A key read again (its refusal was bound to another day) is in two segments;
        the caller keeps the entry usable today.
        """
        parts = []
        for segment in self.segments():
            try:
                for name in TABLES[1:]:
                    pq.read_metadata(segment / f"{name}.parquet")
                entries = pq.read_table(segment / "entries.parquet", columns=INDEX_COLUMNS).to_pandas()
            except (OSError, pa.ArrowException):
                self.remove(segment)
                continue
            entries["segment"] = segment.name
            parts.append(entries)
        if not parts:
            return pd.DataFrame(columns=[*INDEX_COLUMNS, "segment"])
        return pd.concat(parts, ignore_index=True)

    def add(self, batch: dict) -> str:
        """Store a batch's tables as a new segment; returns its name."""
        self.folder.mkdir(parents=True, exist_ok=True)
        keys = batch["entries"].column("key").to_pylist()
        name = f"{SEGMENT_PREFIX}{hashlib.sha256(chr(0).join(keys).encode()).hexdigest()[:24]}-{uuid.uuid4().hex[:8]}"
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
        for table in TABLES:
            pq.write_table(batch[table], staging / f"{table}.parquet", compression="zstd", compression_level=1)
        os.rename(staging, self.folder / name)
        return name

    def read(self, segment: str, table: str, keys: set[str] | None = None, columns: list[str] | None = None) -> pa.Table:
        """One table of a segment (its ``columns``), only the rows of ``keys`` when given."""
        path = self.folder / segment
        try:
            found = pq.read_table(path / f"{table}.parquet", columns=columns)
        except (OSError, pa.ArrowException) as error:
            self.remove(path)
            raise DamagedSegment(f"cache segment {segment} could not be read ({error})") from None
        if keys is None:
            return found
        return found.filter(pc.is_in(found.column("key"), value_set=pa.array(sorted(keys), pa.string())))

    def remove(self, segment: Path) -> None:
        shutil.rmtree(segment, ignore_errors=True)

    @contextmanager
    def in_use(self):
        """Hold the cache shared while a run reads and adds to it; yields ``tidy``.

        ``tidy(live_segments)`` keeps only the segments the run used
        (``keep_only``) when no other run holds the cache, and does nothing
        otherwise; it returns whether it tidied.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_SH)

            def tidy(live_segments: set[str]) -> bool:
                fcntl.flock(handle, fcntl.LOCK_UN)
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return False  # another run is reading the cache: the next run alone tidies
                self.keep_only(live_segments)
                return True

            yield tidy
        finally:
            os.close(handle)

    def keep_only(self, live_segments: set[str]) -> None:
        """Remove segments no report of this run uses, leftovers of killed writes, and older code's caches.

        Only for a run that holds the cache alone (see ``in_use``).
        """
        for segment in self.segments():
            if segment.name not in live_segments:
                self.remove(segment)
        for leftover in self.folder.glob(".tmp-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        for other in self.root.iterdir() if self.root.is_dir() else []:
            if other.is_dir() and other != self.folder and len(other.name) == 24:
                shutil.rmtree(other, ignore_errors=True)
