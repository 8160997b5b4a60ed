"""Publish a release folder atomically, never overwriting one.

The release is written into a hidden staging folder beside the releases and
renamed into place in one step, so a reader sees a whole release or none.
One publish into an output folder runs at a time: a second one waits for the
first to end, then finds its content already published (or publishes its
own). The lock is an ``flock`` on ``.publish.lock``, which the kernel lets go
of when its holder's process ends however it ends, so a killed publish never
leaves a stale lock; it leaves only a hidden staging folder, removed by the
next publish. Publishes into different output folders never wait for each other.

Each release holds its page (``index.html``, listed in ``SHA256SUMS``); the
output folder's ``index.html`` lists every release and is replaced together
with ``index.json`` and ``LATEST``.

Tables are held as Arrow tables. Each table's CSV is written into the staging
folder as it is made, a chunk of rows at a time, and hashed on the way; the
content hash of those CSVs decides whether anything changed (if not, the
staging folder is dropped). Of the previous release only the columns the
version and the changelog compare are read. Every file's checksum is taken as
it is written, never by reading the folder back.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.extract.stated_accuracy import release_statement
from pipeline.publish.changes import COMPARED, changelog_markdown, diff_releases
from pipeline.publish.descriptor import datapackage, schema_fields
from pipeline.publish.formats import arrow_csv_chunks, parquet_bytes, plain, release_table
from pipeline.publish.hxl import hxl_csv_chunks
from pipeline.publish.page import catalog_page, file_entries, release_page
from pipeline.publish.page.catalog import catalog_entries, change_counts
from schemas.reference import load_gazetteer
from pipeline.publish.read import read_columns, read_manifest
from pipeline.publish.versions import compared_columns, next_version, releases
from schemas import TABLES

LOCK_NAME = ".publish.lock"
LATEST_NAME = "LATEST"
INDEX_NAME = "index.json"
PAGE_NAME = "index.html"
SUMS_NAME = "SHA256SUMS"


class PublishBusy(RuntimeError):
    """Another publish held the lock for longer than the caller would wait."""


@dataclass(frozen=True)
class Published:
    version: str
    path: Path
    created: bool  # False when the content equals the previous release
    waited_seconds: float = 0.0  # for another publish into the same folder to end


@contextmanager
def publish_lock(out_dir: Path, wait_seconds: float | None = None, on_wait: Callable[[], None] | None = None):
    """Hold the publish lock of ``out_dir``; yields how many seconds it waited for it.

    When another publish holds it, ``on_wait()`` is called once and the lock is
    waited for: as long as it takes when ``wait_seconds`` is None, else up to
    ``wait_seconds``, then ``PublishBusy``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK_NAME, "a") as handle:
        started = time.monotonic()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            _wait_for(handle, out_dir, wait_seconds)
        try:
            yield time.monotonic() - started
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _wait_for(handle, out_dir: Path, wait_seconds: float | None) -> None:
    if wait_seconds is None:
        fcntl.flock(handle, fcntl.LOCK_EX)
        return
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise PublishBusy(f"another publish into {out_dir} is still running after "
                                  f"{wait_seconds:g} s; try again when it ends") from None
            time.sleep(0.2)


def _replace_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in one step, and only when it differs from what is there."""
    if path.is_file() and path.read_bytes() == data:
        return
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


class StagedFiles:
    """Files written into the staging folder, each hashed as it is written."""

    def __init__(self, folder: Path):
        self.folder, self.sizes, self.digests = folder, {}, {}

    def write(self, name: str, data: bytes) -> str:
        return self.write_pieces(name, [data])

    def write_json(self, name: str, data: object) -> str:
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        return self.write(name, text.encode("utf-8"))

    def write_pieces(self, name: str, pieces: Iterable) -> str:
        """Write the concatenated ``pieces`` (bytes or buffers) as ``name``; returns its SHA-256."""
        digest, size = hashlib.sha256(), 0
        with open(self.folder / name, "wb") as handle:
            for piece in pieces:
                digest.update(piece)
                handle.write(piece)
                size += len(memoryview(piece))
        self.sizes[name], self.digests[name] = size, digest.hexdigest()
        return self.digests[name]

    def sorted(self) -> tuple[dict[str, int], dict[str, str]]:
        names = sorted(self.sizes)
        return {n: self.sizes[n] for n in names}, {n: self.digests[n] for n in names}


def release_tables(tables: dict) -> dict[str, pa.Table]:
    """Each table (pandas or Arrow) as the release holds it: Arrow, in its schema's columns and types."""
    return {name: release_table(tables[name], TABLES[name]) for name in sorted(tables)}


def _checksums(digests: dict[str, str]) -> str:
    return "".join(f"{digests[name]}  {name}\n" for name in sorted(digests) if name != SUMS_NAME)


def _data_as_of(reports: pa.Table) -> str | None:
    newest = pc.max(reports.column("published")).as_py()
    return newest.isoformat() if newest is not None else None


def _compared_columns(tables: list[str]) -> dict[str, list[str]]:
    """What the version and the changelog read of the previous release, for each table of this one."""
    return {table: list(dict.fromkeys([*compared_columns(table), *COMPARED.get(table, [])])) for table in tables}


def _fsync_folder(folder: Path) -> None:
    for file in folder.iterdir():
        with open(file, "rb") as handle:
            os.fsync(handle.fileno())
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _clean_staging(out_dir: Path) -> None:
    for leftover in out_dir.glob(".staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _update_pointers(out_dir: Path) -> None:
    """index.json, the catalog page and LATEST, each replaced in one step, all from the release folders."""
    index, manifests = [], {}
    for version in releases(out_dir):
        manifest = json.loads((out_dir / version / "release.json").read_text(encoding="utf-8"))
        sums = (out_dir / version / SUMS_NAME).read_bytes()
        index.append({"version": version, "data_as_of": manifest["data_as_of"],
                      "content_sha256": manifest["content_sha256"],
                      "sha256sums_sha256": hashlib.sha256(sums).hexdigest()})
        manifests[version] = manifest
    if not index:
        return
    _replace_atomically(out_dir / INDEX_NAME, (json.dumps({"releases": index}, indent=2) + "\n").encode())
    _replace_atomically(out_dir / PAGE_NAME, catalog_page(catalog_entries(out_dir, index, manifests)))
    _replace_atomically(out_dir / LATEST_NAME, (index[-1]["version"] + "\n").encode())


def publish(tables: dict, out_dir: Path, provenance: dict,
            lock_wait_seconds: float | None = None, on_wait: Callable[[], None] | None = None) -> Published:
    """Write ``tables`` (pandas or Arrow) as the next release under ``out_dir`` unless nothing changed.

    Another publish into ``out_dir`` is waited for, ``on_wait()`` called when it
    starts; ``lock_wait_seconds`` bounds the wait.
    """
    tables = release_tables(tables)
    with publish_lock(out_dir, lock_wait_seconds, on_wait) as waited:
        _clean_staging(out_dir)
        existing = releases(out_dir)
        previous = existing[-1] if existing else None
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
        os.chmod(staging, 0o755)  # readable like the files in it, e.g. by a web server serving the folder
        files = StagedFiles(staging)
        digests = {name: files.write_pieces(f"{name}.csv", arrow_csv_chunks(table, table.column_names))
                   for name, table in tables.items()}
        content = hashlib.sha256(json.dumps(digests, sort_keys=True).encode()).hexdigest()
        if previous and read_manifest(out_dir / previous)["content_sha256"] == content:
            shutil.rmtree(staging)
            _update_pointers(out_dir)  # a no-op unless the catalog is missing or out of date
            return Published(previous, out_dir / previous, created=False, waited_seconds=waited)
        old = read_columns(out_dir / previous, _compared_columns(sorted(tables))) if previous else None
        version = next_version(previous, old.fields if old else {}, schema_fields(), old.tables if old else {}, tables)
        changes = diff_releases(old.tables if old else {}, tables)
        del old
        for name, table in tables.items():
            files.write(f"{name}.parquet", parquet_bytes(plain(table, TABLES[name])))
        files.write_pieces("figures_hxl.csv", hxl_csv_chunks(tables["figures"], load_gazetteer().pcodes))
        manifest = {"version": version, "previous": previous, "content_sha256": content,
                    "tables": {name: {"rows": tables[name].num_rows, "data_sha256": digests[name]} for name in sorted(tables)},
                    "data_as_of": _data_as_of(tables["reports"]), "changes": change_counts(changes),
                    "extraction_accuracy": release_statement()}
        files.write_json("release.json", manifest)
        files.write_json("provenance.json", provenance)
        files.write_json("changes.json", changes)
        files.write("CHANGELOG.md", changelog_markdown(version, previous, changes).encode("utf-8"))
        files.write_json("datapackage.json", datapackage(version, sorted(tables)))
        previous_page = previous is not None and (out_dir / previous / PAGE_NAME).is_file()
        sizes, digests = files.sorted()
        files.write(PAGE_NAME, release_page(manifest, changes, tables, file_entries(sizes, digests, manifest),
                                            previous_page))
        (staging / SUMS_NAME).write_text(_checksums(files.digests), encoding="utf-8")
        _fsync_folder(staging)
        os.rename(staging, out_dir / version)  # fails rather than overwrite a release
        _update_pointers(out_dir)
        return Published(version, out_dir / version, created=True, waited_seconds=waited)
