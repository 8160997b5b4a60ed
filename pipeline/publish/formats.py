"""Write a table as Parquet and CSV with stable bytes.

Row order is fixed by the caller; columns follow the schema; Parquet carries
each column's description and no pandas metadata, writer timestamps or paths.
CSV is UTF-8 with ``\\n`` line ends, ISO dates, lists joined with ``;`` and
text cells that a spreadsheet would run as a formula prefixed with ``'``.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pandera.pandas as pdr

LIST_SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _arrow_type(column: pdr.Column) -> pa.DataType:
    metadata = column.metadata or {}
    if metadata.get("list"):
        return pa.list_(pa.string())
    if metadata.get("format") == "date":
        return pa.date32()
    name = str(column.dtype).lower()
    if "int" in name:
        return pa.int64()
    if "float" in name:
        return pa.float64()
    if "bool" in name:
        return pa.bool_()
    return pa.string()


def arrow_schema(model: type[pdr.DataFrameModel]) -> pa.Schema:
    columns = model.to_schema().columns
    return pa.schema([
        pa.field(name, _arrow_type(column), nullable=True,
                 metadata={"description": column.description or ""})
        for name, column in columns.items()
    ])


def to_arrow(frame: pd.DataFrame, model: type[pdr.DataFrameModel]) -> pa.Table:
    schema = arrow_schema(model)
    arrays = []
    for field in schema:
        values = frame[field.name]
        if pa.types.is_date32(field.type):
            values = pd.to_datetime(values, format="%Y-%m-%d").dt.date
        values = [None if _missing(v) else v for v in values]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _missing(value: object) -> bool:
    return not isinstance(value, list) and pd.isna(value)


def parquet_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", compression_level=9, use_dictionary=True,
                   write_statistics=True, data_page_version="2.0")
    return sink.getvalue()


def _csv_cell(value: object) -> str:
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(frame: pd.DataFrame, columns: list[str]) -> bytes:
    cells = pd.DataFrame({name: [_csv_cell(v) for v in frame[name]] for name in columns}, columns=columns)
    return cells.to_csv(index=False, lineterminator="\n").encode("utf-8")


def table_csv(frame: pd.DataFrame, model: type[pdr.DataFrameModel]) -> bytes:
    """A table's CSV bytes: what is published, and what its content hash is taken of."""
    return csv_bytes(frame, list(model.to_schema().columns))


def table_digest(frame: pd.DataFrame, model: type[pdr.DataFrameModel]) -> str:
    """SHA-256 of a table's content (its CSV form), stable across library versions."""
    return hashlib.sha256(table_csv(frame, model)).hexdigest()


def write_table(frame: pd.DataFrame, model: type[pdr.DataFrameModel], folder: Path, name: str, csv: bytes) -> None:
    """``name``.parquet from the frame, and ``name``.csv from its already serialised CSV."""
    (folder / f"{name}.parquet").write_bytes(parquet_bytes(to_arrow(frame, model)))
    (folder / f"{name}.csv").write_bytes(csv)
