"""Every raw file of the corpus: its path, the SHA-256 and size of its bytes, and its sidecar's hash.

Files are read one at a time to be hashed and let go, so listing 100,000
reports holds no more than one of them. The cache key of a file is made
here: what a file becomes depends on its bytes, its name (the format comes
from the suffix, a feed's title from the stem), its sidecar, and the code
that reads it.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from pipeline.ingest.files import read_raw_under, raw_paths, sidecar_path

LISTING_COLUMNS = ["path", "sha256", "size", "sidecar_sha256", "refusal", "key"]


def _sidecar_sha256(raw_dir: Path, relative: str) -> str:
    sidecar = sidecar_path(raw_dir, relative)
    try:
        return hashlib.sha256(sidecar.read_bytes()).hexdigest() if sidecar.is_file() else ""
    except OSError:
        return "unreadable"


def entry_key(code_hash: str, path: str, sha256: str, sidecar_sha256: str) -> str:
    """The cache key of one raw file read by one version of the code."""
    return hashlib.sha256(f"{code_hash}\0{path}\0{sha256}\0{sidecar_sha256}".encode()).hexdigest()


def list_corpus(raw_dir: Path, code_hash: str) -> pd.DataFrame:
    """One row per raw file in path order; ``refusal`` says why a file was not read."""
    rows, root = [], raw_dir.resolve()
    for relative in raw_paths(raw_dir):
        raw = read_raw_under(root, relative)
        if raw.data is None:
            rows.append((relative, None, None, "", raw.refusal, None))
            continue
        sha256, sidecar = raw.sha256, _sidecar_sha256(raw_dir, relative)
        rows.append((relative, sha256, len(raw.data), sidecar, None, entry_key(code_hash, relative, sha256, sidecar)))
    frame = pd.DataFrame(rows, columns=LISTING_COLUMNS)
    frame["size"] = frame["size"].astype("Int64")
    return frame
