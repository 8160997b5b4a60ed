"""Find the raw files, refuse the unsafe ones, and hash the rest.

Raw files are only ever read. A file is identified by the SHA-256 of its
bytes, so a copy under another name is the same report.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
SIDECAR_SUFFIX = ".meta.yaml"


@dataclass(frozen=True)
class RawFile:
    """A file under the raw folder; ``data`` is None when it was refused."""

    path: str  # relative to the raw folder, POSIX separators
    data: bytes | None
    refusal: str | None = None

    @property
    def sha256(self) -> str | None:
        return None if self.data is None else hashlib.sha256(self.data).hexdigest()


def _refuse(path: str, reason: str) -> RawFile:
    return RawFile(path=path, data=None, refusal=reason)


def _read(root: Path, file: Path, relative: str) -> RawFile:
    if file.is_symlink():
        target = file.resolve()
        if not target.is_relative_to(root):
            return _refuse(relative, f"symlink points outside the raw folder (to {target.name}); copy the file in instead")
        if not target.is_file():
            return _refuse(relative, "symlink does not point to a readable file")
    size = file.stat().st_size
    if size > MAX_BYTES:
        return _refuse(
            relative,
            f"file is {size / 1024 / 1024:.0f} MB, over the {MAX_BYTES // 1024 // 1024} MB limit; split it",
        )
    return RawFile(path=relative, data=file.read_bytes())


def raw_paths(raw_dir: Path) -> list[str]:
    """The relative path of every report file under ``raw_dir``, in path order.

    Hidden files and metadata sidecars (``NAME.meta.yaml``) are not reports:
    a sidecar is read together with the file it describes.
    """
    root = str(raw_dir.resolve())
    found = []
    for folder, subfolders, names in os.walk(root, followlinks=False):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        relative = os.path.relpath(folder, root)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names if not (name.startswith(".") or name.endswith(SIDECAR_SUFFIX))]
    return sorted(found)


def read_raw(raw_dir: Path, relative: str) -> RawFile:
    """One file under ``raw_dir``, read or refused with the reason."""
    return read_raw_under(raw_dir.resolve(), relative)


def read_raw_under(root: Path, relative: str) -> RawFile:
    """``read_raw`` with the raw folder already resolved (once for many files)."""
    try:
        return _read(root, root / relative, relative)
    except OSError as error:
        return _refuse(relative, f"file cannot be read: {error.strerror}")


def discover(raw_dir: Path) -> list[RawFile]:
    """Every report file under ``raw_dir`` in path order, read or refused."""
    root = raw_dir.resolve()
    return [read_raw_under(root, relative) for relative in raw_paths(raw_dir)]


def sidecar_path(raw_dir: Path, relative: str) -> Path:
    """Where the optional metadata sidecar of a raw file lives."""
    return raw_dir / (relative + SIDECAR_SUFFIX)
