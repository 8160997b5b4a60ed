"""Decide a release's version by comparing it with the previous one.

The Frictionless Data Package version recipe: MAJOR when a field is renamed,
removed or retyped; MINOR when data is added; PATCH for corrections and
metadata. Identical content is no new release at all.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")

# The columns that identify a row of each table, for deciding what was added.
ROW_KEYS = {"reports": "report_id", "claims": "claim_id", "events": "event_id", "event_months": None,
            "figures": "figure_id", "sources": "source", "quarantine": None}


def parse(version: str) -> tuple[int, int, int]:
    match = VERSION.match(version)
    if not match:
        raise ValueError(f"{version!r} is not a MAJOR.MINOR.PATCH version")
    return tuple(int(part) for part in match.groups())


def releases(out_dir: Path) -> list[str]:
    """Published versions under ``out_dir``, oldest first."""
    if not out_dir.is_dir():
        return []
    found = [entry.name for entry in out_dir.iterdir() if entry.is_dir() and VERSION.match(entry.name)]
    return sorted(found, key=parse)


def next_version(previous: str | None, old_fields: dict, new_fields: dict, old_tables: dict, new_tables: dict) -> str:
    """The version after ``previous``; tables (pandas or Arrow) need only their ``ROW_KEYS`` columns."""
    if previous is None:
        return "1.0.0"
    major, minor, patch = parse(previous)
    if _schema_broke(old_fields, new_fields):
        return f"{major + 1}.0.0"
    if _rows_added(old_tables, new_tables):
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _schema_broke(old: dict, new: dict) -> bool:
    """A field of the old release is gone or has another type (added fields are fine)."""
    for table, fields in old.items():
        new_fields = new.get(table)
        if new_fields is None:
            return True
        for name, kind in fields.items():
            if new_fields.get(name) != kind:
                return True
    return False


def _keys(table: pd.DataFrame | pa.Table, key: str) -> pa.Array:
    values = table.column(key) if isinstance(table, pa.Table) else pa.array(table[key], from_pandas=True)
    values = pc.cast(values, pa.string())
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _rows_added(old: dict, new: dict) -> bool:
    for table, key in ROW_KEYS.items():
        if key is None or table not in new:
            continue
        added = _keys(new[table], key)
        if table in old:
            added = added.filter(pc.invert(pc.is_in(added, value_set=_keys(old[table], key))))
        if len(added):
            return True
    return False
