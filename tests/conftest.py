"""Shared helpers: writing small reports, and where the bundled and shared data live."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared"
TODAY = dt.date(2026, 1, 1)


def front_matter(**fields) -> str:
    return "---\n" + yaml.safe_dump(fields, sort_keys=True) + "---\n"


def write_report(folder: Path, name: str, body: str, **overrides) -> Path:
    fields = {
        "title": "A report",
        "publisher": "OCHA",
        "url": "https://example.org/report",
        "published": "2020-02-17",
    }
    fields.update(overrides)
    fields = {key: value for key, value in fields.items() if value is not None}
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(**fields) + "\n" + body + "\n", encoding="utf-8")
    return path


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not beside the checkout")
    return path
