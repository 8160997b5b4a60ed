"""Every raw file of the corpus: its path, the SHA-256 and size of its bytes, and its sidecar's hash.

Files are read one at a time to be hashed and let go, so listing 100,000
reports holds no more than one of them. The cache key of a file is made
here: what a file becomes depends on its bytes, its name (the format comes
from the suffix, a feed's title from the stem), its sidecar, and the code
that reads it.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pandas as pd

from pipeline.ingest.files import MAX_BYTES, SIDECAR_SUFFIX, raw_paths, read_raw_under
from pipeline.progress import SILENT, Progress

LISTING_COLUMNS = ["path", "sha256", "size", "sidecar_sha256", "refusal", "key"]


def _sidecar_sha256(file: str) -> str:
    sidecar = file + SIDECAR_SUFFIX
    try:
        if not os.path.isfile(sidecar):
            return ""
        with open(sidecar, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return "unreadable"


def _plain_file_bytes(file: str) -> bytes | None:
    """The bytes of a regular file within the size limit; None for anything ``read_raw`` must judge."""
    try:
        status = os.lstat(file)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_BYTES:
            return None
        with open(file, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _listed(root: Path, relative: str, code_hash: str) -> tuple:
    """The listing row of one file."""
    file = os.path.join(root, relative)
    data = _plain_file_bytes(file)
    if data is None:  # a symlink, a file too large or unreadable: judged as ingest judges it
        raw = read_raw_under(root, relative)
        if raw.data is None:
            return (relative, None, None, "", raw.refusal, None)
        data = raw.data
    sha256, sidecar = hashlib.sha256(data).hexdigest(), _sidecar_sha256(file)
    return (relative, sha256, len(data), sidecar, None, entry_key(code_hash, relative, sha256, sidecar))


def entry_key(code_hash: str, path: str, sha256: str, sidecar_sha256: str) -> str:
    """The cache key of one raw file read by one version of the code."""
    return hashlib.sha256(f"{code_hash}\0{path}\0{sha256}\0{sidecar_sha256}".encode()).hexdigest()


def list_corpus(raw_dir: Path, code_hash: str, progress: Progress = SILENT) -> pd.DataFrame:
    """One row per raw file in path order; ``refusal`` says why a file was not read."""
    rows, root = [], raw_dir.resolve()
    paths = raw_paths(raw_dir)
    with progress.task("reports", "hashing", total=len(paths), unit="files") as task:
        for relative in paths:
            rows.append(_listed(root, relative, code_hash))
            task.advance()
    frame = pd.DataFrame(rows, columns=LISTING_COLUMNS)
    frame["size"] = frame["size"].astype("Int64")
    return frame
