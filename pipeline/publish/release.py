"""Publish a release folder atomically, never overwriting one.

The release is written into a hidden staging folder beside the releases and
renamed into place in one step, so a reader sees a whole release or none.
One publish runs at a time (a lock file); a crash leaves only a hidden
staging folder, removed by the next publish.
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

import pandas as pd

from pipeline.publish.changes import changelog_markdown, diff_releases
from pipeline.publish.descriptor import datapackage, schema_fields
from pipeline.publish.formats import table_csv, write_table
from pipeline.publish.hxl import hxl_bytes, hxl_table
from schemas.reference import load_gazetteer
from pipeline.publish.read import read_release
from pipeline.publish.versions import next_version, releases
from schemas import TABLES

LOCK_NAME = ".publish.lock"
LATEST_NAME = "LATEST"
INDEX_NAME = "index.json"
LOCK_WAIT_SECONDS = 120


class PublishBusy(RuntimeError):
    """Another publish holds the lock."""


@dataclass(frozen=True)
class Published:
    version: str
    path: Path
    created: bool  # False when the content equals the previous release


@contextmanager
def publish_lock(out_dir: Path, wait_seconds: float = LOCK_WAIT_SECONDS):
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK_NAME, "w") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PublishBusy(f"another publish into {out_dir} is running; try again when it ends") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _replace_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def serialise(tables: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    """Each table's CSV bytes, made once: hashed to detect an unchanged release, then written."""
    return {name: table_csv(tables[name], TABLES[name]) for name in sorted(tables)}


def _checksums(folder: Path) -> str:
    lines = []
    for file in sorted(p for p in folder.iterdir() if p.is_file() and p.name != "SHA256SUMS"):
        lines.append(f"{hashlib.sha256(file.read_bytes()).hexdigest()}  {file.name}\n")
    return "".join(lines)


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
    index = []
    for version in releases(out_dir):
        manifest = json.loads((out_dir / version / "release.json").read_text(encoding="utf-8"))
        sums = (out_dir / version / "SHA256SUMS").read_bytes()
        index.append({"version": version, "data_as_of": manifest["data_as_of"],
                      "content_sha256": manifest["content_sha256"],
                      "sha256sums_sha256": hashlib.sha256(sums).hexdigest()})
    _replace_atomically(out_dir / INDEX_NAME, json.dumps({"releases": index}, indent=2) + "\n")
    _replace_atomically(out_dir / LATEST_NAME, index[-1]["version"] + "\n")


def publish(tables: dict[str, pd.DataFrame], out_dir: Path, provenance: dict,
            lock_wait_seconds: float = LOCK_WAIT_SECONDS) -> Published:
    """Write ``tables`` as the next release under ``out_dir`` unless nothing changed."""
    csvs = serialise(tables)
    digests = {name: hashlib.sha256(csv).hexdigest() for name, csv in csvs.items()}
    content = hashlib.sha256(json.dumps(digests, sort_keys=True).encode()).hexdigest()
    with publish_lock(out_dir, lock_wait_seconds):
        _clean_staging(out_dir)
        existing = releases(out_dir)
        previous = existing[-1] if existing else None
        old = read_release(out_dir / previous) if previous else None
        if old is not None and old.manifest["content_sha256"] == content:
            return Published(previous, out_dir / previous, created=False)
        new_fields = schema_fields()
        version = next_version(previous, old.fields if old else {}, new_fields,
                               old.tables if old else {}, tables)
        changes = diff_releases(old.tables if old else {}, tables)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
        for name, frame in tables.items():
            write_table(frame, TABLES[name], staging, name, csvs[name])
        hxl = hxl_table(tables["figures"], load_gazetteer().pcodes)
        (staging / "figures_hxl.csv").write_bytes(hxl_bytes(hxl))
        data_as_of = max(tables["reports"]["published"], default=None)
        manifest = {"version": version, "previous": previous, "content_sha256": content,
                    "tables": {name: {"rows": len(tables[name]), "data_sha256": digests[name]} for name in sorted(tables)},
                    "data_as_of": data_as_of}
        _write_json(staging / "release.json", manifest)
        _write_json(staging / "provenance.json", provenance)
        _write_json(staging / "changes.json", changes)
        (staging / "CHANGELOG.md").write_text(changelog_markdown(version, previous, changes), encoding="utf-8")
        _write_json(staging / "datapackage.json", datapackage(version, sorted(tables)))
        (staging / "SHA256SUMS").write_text(_checksums(staging), encoding="utf-8")
        _fsync_folder(staging)
        os.rename(staging, out_dir / version)  # fails rather than overwrite a release
        _update_pointers(out_dir)
        return Published(version, out_dir / version, created=True)
