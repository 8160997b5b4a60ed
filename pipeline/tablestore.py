"""Tables on disk as Parquet: how the steps hand tables on without holding them all.

A ``TableFolder`` is one step's output: a folder of Parquet tables (and small
JSON values beside them). A reader takes only the columns it needs, or reads a
table batch by batch, so a step holds no more than it works on. Tables read
back as the pipeline holds them in pandas: nullable integers stay ``Int64``
and list cells come back as Python lists.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

BATCH_ROWS = 20_000


def arrow_table(frame: pd.DataFrame, schema: pa.Schema | None = None) -> pa.Table:
    return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)


def to_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as pandas the way the pipeline's steps build their frames."""
    frame = table.to_pandas()
    for field in table.schema:
        if pa.types.is_list(field.type) or pa.types.is_large_list(field.type):
            frame[field.name] = [None if v is None else list(v) for v in frame[field.name]]
    return frame


class TableFolder:
    """A folder of Parquet tables named ``NAME.parquet``."""

    def __init__(self, path: Path | str):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"TableFolder({str(self.path)!r})"

    def file(self, name: str) -> Path:
        return self.path / f"{name}.parquet"

    def has(self, name: str) -> bool:
        return self.file(name).is_file()

    def write(self, name: str, frame: pd.DataFrame | pa.Table, schema: pa.Schema | None = None) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        table = frame if isinstance(frame, pa.Table) else arrow_table(frame, schema)
        pq.write_table(table, self.file(name), compression="zstd", compression_level=1,
                       row_group_size=BATCH_ROWS)

    def writer(self, name: str, schema: pa.Schema) -> pq.ParquetWriter:
        """A writer that appends batches to table ``name`` (close it when done)."""
        self.path.mkdir(parents=True, exist_ok=True)
        return pq.ParquetWriter(self.file(name), schema, compression="zstd", compression_level=1)

    def read(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        return to_frame(pq.read_table(self.file(name), columns=columns))

    def batches(self, name: str, columns: list[str] | None = None, rows: int = BATCH_ROWS) -> Iterator[pd.DataFrame]:
        """Table ``name`` in batches of at most ``rows`` rows, in file order."""
        with pq.ParquetFile(self.file(name)) as file:
            for batch in file.iter_batches(batch_size=rows, columns=columns):
                yield to_frame(pa.Table.from_batches([batch]))

    def rows(self, name: str) -> int:
        return pq.read_metadata(self.file(name)).num_rows

    def write_json(self, name: str, value: object) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        (self.path / f"{name}.json").write_text(json.dumps(value, indent=1, sort_keys=True), encoding="utf-8")

    def read_json(self, name: str) -> object:
        return json.loads((self.path / f"{name}.json").read_text(encoding="utf-8"))


def replace_folder(staged: Path, final: Path) -> None:
    """Move a fully written folder into place, replacing what was there.

    The old folder is first renamed aside, so a reader finds the whole old
    folder, the whole new one, or (for an instant) none; never half of each.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    aside = final.with_name(f".{final.name}.old-{uuid.uuid4().hex}")
    if final.exists():
        os.rename(final, aside)
    os.rename(staged, final)
    shutil.rmtree(aside, ignore_errors=True)
