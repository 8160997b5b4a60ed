"""Decide a release's version by comparing it with the previous one.

The Frictionless Data Package version recipe, read for releases of reports:

- MAJOR when a field of the previous release is renamed, removed or retyped;
- MINOR when data is added: a table, a report under a path the previous
  release did not hold, or any other row whose key is new (a claim, figure,
  source) and which does not come from an edited report;
- PATCH for corrections: a report edited in place (the same path, other bytes)
  corrects the report it replaces, and the claims read from it and the figures
  resting on them correct theirs; changed values, removed rows and metadata
  are corrections too.

Identical content is no new release at all. Every table of the release is
compared, keyed by the column its schema declares unique; a row comes from an
edited report when it names the report (``report_id``) or a claim read from it
(``claim_ids``, ``disputed_by``). Tables may be pandas or Arrow.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")

# Columns that name rows of another table: a row naming an edited report, or a claim read from
# one, comes from that report.
NAMES_REPORTS = ("report_id",)
NAMES_CLAIMS = ("claim_ids", "disputed_by")


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


@cache
def row_key(table: str) -> str | None:
    """The column that identifies a row of ``table``: the one its schema declares unique (None: no key)."""
    from schemas import TABLES

    model = TABLES.get(table)
    if model is None:
        return None
    return next((name for name, column in model.to_schema().columns.items() if column.unique), None)


def compared_columns(table: str) -> list[str]:
    """What the version reads of a table of the previous release: its key, and the path of a report."""
    key = row_key(table)
    return [] if key is None else [key, "path"] if table == "reports" else [key]


def next_version(previous: str | None, old_fields: dict, new_fields: dict, old_tables: dict, new_tables: dict) -> str:
    """The version after ``previous``; tables need their keys, and ``path`` of reports to find edited ones."""
    if previous is None:
        return "1.0.0"
    major, minor, patch = parse(previous)
    if _schema_broke(old_fields, new_fields):
        return f"{major + 1}.0.0"
    if _data_added(old_tables, new_tables):
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


def _has(table: pd.DataFrame | pa.Table, name: str) -> bool:
    return name in (table.columns if isinstance(table, pd.DataFrame) else table.column_names)


def _strings(table: pd.DataFrame | pa.Table, name: str) -> pa.Array:
    """Column ``name`` as one Arrow array: text as strings, lists as lists of strings."""
    if isinstance(table, pd.DataFrame):
        values = pa.array(table[name], from_pandas=True)
    else:
        values = table.column(name)
        values = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
    if pa.types.is_list(values.type) or pa.types.is_large_list(values.type):
        return values.cast(pa.list_(pa.string()))
    return pc.cast(values, pa.string())


def _names_any(values: pa.Array, wanted: pa.Array) -> pa.Array:
    """Per row, whether ``values`` (text or lists of text) names any of ``wanted``."""
    if not (pa.types.is_list(values.type) or pa.types.is_large_list(values.type)):
        return pc.fill_null(pc.is_in(values, value_set=wanted), False)
    hits = pc.fill_null(pc.is_in(pc.list_flatten(values), value_set=wanted), False)
    rows = pc.list_parent_indices(values).filter(hits)
    return pc.is_in(pa.array(range(len(values)), type=rows.type), value_set=rows)


def edited_reports(old_reports: pd.DataFrame | pa.Table, new_reports: pd.DataFrame | pa.Table) -> pa.Table:
    """Reports edited in place: ``report_id`` of each new report found at a path the old release held
    under another id, with ``previous_report_id``, the id it had there."""
    new_ids, new_paths = _strings(new_reports, "report_id"), _strings(new_reports, "path")
    old_ids, old_paths = _strings(old_reports, "report_id"), _strings(old_reports, "path")
    moved = pc.and_(pc.invert(pc.is_in(new_ids, value_set=old_ids)), pc.is_in(new_paths, value_set=old_paths))
    edited = pa.table({"report_id": new_ids.filter(moved), "path": new_paths.filter(moved)})
    held = pc.is_in(old_paths, value_set=edited.column("path").combine_chunks())
    before = pa.table({"previous_report_id": old_ids.filter(held), "path": old_paths.filter(held)})
    return edited.join(before, "path").select(["report_id", "previous_report_id"]).sort_by("report_id")


def _from_edited(new: dict, old: dict) -> dict[str, pa.Array]:
    """Ids of the rows that come from edited reports: the reports themselves and the claims read from them."""
    if "reports" not in new or "reports" not in old or not _has(old["reports"], "path"):
        return {"reports": pa.array([], pa.string()), "claims": pa.array([], pa.string())}
    reports = edited_reports(old["reports"], new["reports"]).column("report_id").combine_chunks()
    claims = new.get("claims")
    if claims is None or not len(reports):
        return {"reports": reports, "claims": pa.array([], pa.string())}
    read_from = _names_any(_strings(claims, "report_id"), reports)
    return {"reports": reports, "claims": _strings(claims, "claim_id").filter(read_from)}


def _data_added(old: dict, new: dict) -> bool:
    """A table, or a row that no edited report explains, is new."""
    from_edited = None  # found when a table first has new rows
    for table, rows in new.items():
        if table not in old:
            if rows.num_rows if isinstance(rows, pa.Table) else len(rows):
                return True
            continue
        key = row_key(table)
        if key is None:
            continue
        keys = _strings(rows, key)
        added = pc.invert(pc.is_in(keys, value_set=_strings(old[table], key)))
        if not pc.any(added).as_py():
            continue
        from_edited = from_edited or _from_edited(new, old)
        for columns, names in ((NAMES_REPORTS, from_edited["reports"]), (NAMES_CLAIMS, from_edited["claims"])):
            for column in columns:
                if len(names) and _has(rows, column):
                    added = pc.and_(added, pc.invert(_names_any(_strings(rows, column), names)))
        if pc.any(added).as_py():
            return True
    return False
