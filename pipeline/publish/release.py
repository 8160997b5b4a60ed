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
from typing import Callable

import pandas as pd

from pipeline.publish.changes import changelog_markdown, diff_releases
from pipeline.publish.descriptor import datapackage, schema_fields
from pipeline.publish.formats import table_csv, write_table
from pipeline.publish.hxl import hxl_bytes, hxl_table
from pipeline.publish.page import catalog_page, file_entries, release_page
from pipeline.publish.page.catalog import catalog_entries, change_counts
from schemas.reference import load_gazetteer
from pipeline.publish.read import read_release
from pipeline.publish.versions import next_version, releases
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


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _replace_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in one step, and only when it differs from what is there."""
    if path.is_file() and path.read_bytes() == data:
        return
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def serialise(tables: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    """Each table's CSV bytes, made once: hashed to detect an unchanged release, then written."""
    return {name: table_csv(tables[name], TABLES[name]) for name in sorted(tables)}


def _digests(folder: Path) -> tuple[dict[str, int], dict[str, str]]:
    """Size and SHA-256 of every file in ``folder``, each read once."""
    sizes, digests = {}, {}
    for file in sorted(p for p in folder.iterdir() if p.is_file()):
        data = file.read_bytes()
        sizes[file.name], digests[file.name] = len(data), hashlib.sha256(data).hexdigest()
    return sizes, digests


def _checksums(digests: dict[str, str]) -> str:
    return "".join(f"{digests[name]}  {name}\n" for name in sorted(digests) if name != SUMS_NAME)


def _write_page(staging: Path, manifest: dict, changes: dict, tables: dict[str, pd.DataFrame],
                previous_page: bool) -> dict[str, str]:
    """The release page, from the files already in ``staging``; returns every file's SHA-256."""
    sizes, digests = _digests(staging)
    files = file_entries(sizes, digests, manifest)
    page = release_page(manifest, changes, tables, files, previous_page)
    (staging / PAGE_NAME).write_bytes(page)
    return {**digests, PAGE_NAME: hashlib.sha256(page).hexdigest()}


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


def publish(tables: dict[str, pd.DataFrame], out_dir: Path, provenance: dict,
            lock_wait_seconds: float | None = None, on_wait: Callable[[], None] | None = None) -> Published:
    """Write ``tables`` as the next release under ``out_dir`` unless nothing changed.

    Another publish into ``out_dir`` is waited for, ``on_wait()`` called when it
    starts; ``lock_wait_seconds`` bounds the wait.
    """
    csvs = serialise(tables)
    digests = {name: hashlib.sha256(csv).hexdigest() for name, csv in csvs.items()}
    content = hashlib.sha256(json.dumps(digests, sort_keys=True).encode()).hexdigest()
    with publish_lock(out_dir, lock_wait_seconds, on_wait) as waited:
        _clean_staging(out_dir)
        existing = releases(out_dir)
        previous = existing[-1] if existing else None
        old = read_release(out_dir / previous) if previous else None
        if old is not None and old.manifest["content_sha256"] == content:
            _update_pointers(out_dir)  # a no-op unless the catalog is missing or out of date
            return Published(previous, out_dir / previous, created=False, waited_seconds=waited)
        new_fields = schema_fields()
        version = next_version(previous, old.fields if old else {}, new_fields,
                               old.tables if old else {}, tables)
        changes = diff_releases(old.tables if old else {}, tables)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
        os.chmod(staging, 0o755)  # readable like the files in it, e.g. by a web server serving the folder
        for name, frame in tables.items():
            write_table(frame, TABLES[name], staging, name, csvs[name])
        hxl = hxl_table(tables["figures"], load_gazetteer().pcodes)
        (staging / "figures_hxl.csv").write_bytes(hxl_bytes(hxl))
        data_as_of = max(tables["reports"]["published"], default=None)
        manifest = {"version": version, "previous": previous, "content_sha256": content,
                    "tables": {name: {"rows": len(tables[name]), "data_sha256": digests[name]} for name in sorted(tables)},
                    "data_as_of": data_as_of, "changes": change_counts(changes)}
        _write_json(staging / "release.json", manifest)
        _write_json(staging / "provenance.json", provenance)
        _write_json(staging / "changes.json", changes)
        (staging / "CHANGELOG.md").write_text(changelog_markdown(version, previous, changes), encoding="utf-8")
        _write_json(staging / "datapackage.json", datapackage(version, sorted(tables)))
        previous_page = previous is not None and (out_dir / previous / PAGE_NAME).is_file()
        digests = _write_page(staging, manifest, changes, tables, previous_page)
        (staging / SUMS_NAME).write_text(_checksums(digests), encoding="utf-8")
        _fsync_folder(staging)
        os.rename(staging, out_dir / version)  # fails rather than overwrite a release
        _update_pointers(out_dir)
        return Published(version, out_dir / version, created=True, waited_seconds=waited)
