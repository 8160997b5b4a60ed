"""What a folder is among releases: one release, a folder of releases, or neither.

`figures verify`, `figures diff` and `pipeline.load` are each handed a folder by
a person, who may hand over the raw reports or the whole output folder by
mistake. This says which it is, and what to type instead, before anything is
read. Only the standard library: `pipeline.load` and `figures verify` stay light.
"""
from __future__ import annotations

import re
from pathlib import Path

VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
MARKS = ("release.json", "SHA256SUMS")  # a release holds both; either one marks a folder as a (damaged) release
LATEST_NAME = "LATEST"


def is_release(folder: Path) -> bool:
    return folder.is_dir() and any((folder / mark).is_file() for mark in MARKS)


def versions_in(folder: Path) -> list[str]:
    """The releases a folder of releases holds, oldest first."""
    if not folder.is_dir():
        return []
    found = [entry.name for entry in folder.iterdir() if VERSION.match(entry.name) and is_release(entry)]
    return sorted(found, key=lambda name: tuple(int(part) for part in VERSION.match(name).groups()))


def latest_in(folder: Path) -> str | None:
    """The version ``LATEST`` names, else the newest release folder."""
    latest = folder / LATEST_NAME
    named = latest.read_text(encoding="utf-8").strip() if latest.is_file() else ""
    held = versions_in(folder)
    return named if named in held else (held[-1] if held else None)


def _held(folder: Path, versions: list[str]) -> str:
    shown = versions if len(versions) <= 6 else [versions[0], "...", *versions[-4:]]
    releases = "release" if len(versions) == 1 else "releases"
    return f"{len(versions)} {releases} ({', '.join(shown)}; latest {latest_in(folder)})"


def not_a_release(folder: Path, command: str) -> str | None:
    """Why ``folder`` cannot be read as one release, with what to type instead; None when it is a release.

    ``command`` is what the person ran, e.g. "figures verify", to show them the line to run.
    """
    if is_release(folder):
        return None
    if not folder.exists():
        return f"{folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is a file, not a release folder"
    versions = versions_in(folder)
    if not versions:
        return (f"{folder} is not a release: a release folder holds release.json and SHA256SUMS "
                f"(a folder named by its version, such as data/published/1.0.0)")
    latest = latest_in(folder)
    if command == "figures diff" and len(versions) > 1:
        older = versions[-2] if latest == versions[-1] else versions[0]
        example = f"{command} {folder / older} {folder / latest}"
    else:
        example = f"{command} {folder / latest}"
    return (f"{folder} is a folder of releases, not a release: it holds {_held(folder, versions)}; "
            f"for one, run: {example}")
