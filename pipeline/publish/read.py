"""Read a published release back: its manifest, field types and tables."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.publish.versions import ROW_KEYS


@dataclass
class Release:
    path: Path
    manifest: dict
    fields: dict[str, dict[str, str]]
    tables: dict[str, pd.DataFrame]


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


def read_release(folder: Path) -> Release:
    manifest = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: {f["name"]: f["type"] for f in r["schema"]["fields"]} for r in package["resources"]}
    tables = {name: read_table(folder / f"{name}.parquet") for name in ROW_KEYS if (folder / f"{name}.parquet").exists()}
    return Release(folder, manifest, fields, tables)
