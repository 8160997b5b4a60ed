"""Read a published release back: its manifest, field types and tables."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


@dataclass
class Release:
    path: Path
    manifest: dict
    fields: dict[str, dict[str, str]]
    tables: dict  # table name -> pandas DataFrame (read_release) or Arrow table (read_columns)


def read_table(path: Path) -> pd.DataFrame:
    """A Parquet table as the pipeline holds it: ISO date strings, lists as lists."""
    table = pq.read_table(path)
    frame = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    for field in table.schema:
        name = field.name
        if str(field.type) == "date32[day]":
            frame[name] = [None if v is None or pd.isna(v) else v.isoformat() for v in frame[name]]
        elif str(field.type).startswith("list"):
            frame[name] = [list(v) if v is not None else [] for v in frame[name]]
    return frame


def read_manifest(folder: Path) -> dict:
    return json.loads((folder / "release.json").read_text(encoding="utf-8"))


def _fields(folder: Path) -> dict[str, dict[str, str]]:
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: {f["name"]: f["type"] for f in r["schema"]["fields"]} for r in package["resources"]}


def table_names(folder: Path) -> list[str]:
    """The tables the release holds, as its ``release.json`` lists them."""
    return sorted(read_manifest(folder).get("tables", {}))


def read_release(folder: Path) -> Release:
    """Every table the release lists, as pandas (one whose file is missing is left out: verify names it)."""
    tables = {name: read_table(folder / f"{name}.parquet") for name in table_names(folder)
              if (folder / f"{name}.parquet").exists()}
    return Release(folder, read_manifest(folder), _fields(folder), tables)


def read_columns(folder: Path, columns: dict[str, list[str]]) -> Release:
    """A release with only the named columns of the named tables, as Arrow tables (dates stay dates).

    What comparing releases needs, without reading quotes, texts or lists. A table the
    release does not hold is left out, and so is a column its table lacks (an older release).
    """
    tables = {}
    for name, names in columns.items():
        file = folder / f"{name}.parquet"
        if file.exists():
            present = set(pq.read_schema(file).names)
            tables[name] = pq.read_table(file, columns=[column for column in names if column in present])
    return Release(folder, read_manifest(folder), _fields(folder), tables)
