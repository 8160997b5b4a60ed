"""Write a table as Parquet and CSV with stable bytes.

Row order is fixed by the caller; columns follow the schema; Parquet carries
each column's description and no pandas metadata, writer timestamps or paths.

Parquet holds every text exactly as read. CSV is UTF-8 with ``\\n`` line ends,
ISO dates and lists joined with ``;``, and keeps hostile text inert:
  - a text cell (or list item) that a spreadsheet would run as a formula, one
    whose first visible character is ``=``, ``+``, ``-`` or ``@`` (also after
    spaces, tabs or line breaks, and their full-width forms), or that starts
    with a tab or carriage return, is prefixed with ``'``;
  - a cell holding a comma, a double quote, a line break (``\\n``, ``\\r``,
    U+2028, U+2029) is quoted, double quotes doubled (RFC 4180), so every
    reader sees the same rows, including a lone ``\\r``, which Python's csv
    writer leaves bare when lines end in ``\\n``;
  - control characters other than tab and line breaks (U+0000-U+001F, DEL,
    U+0080-U+009F), which steer terminals and trip spreadsheets and databases,
    are replaced by U+FFFD; bidirectional marks are kept, as right-to-left
    names need them.
"""
from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pandera.pandas as pdr

LIST_SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
RUN_STARTS = ("\t", "\r")  # a cell starting with these is prefixed whatever follows
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What a spreadsheet may pass over before it reads a formula: spaces, line breaks, invisible marks.
INVISIBLE_LEAD = re.compile("[\\s\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufffd]*")
NEEDS_QUOTES = re.compile('[,"\r\n\u2028\u2029]')


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


def inert_text(text: str) -> str:
    """Text as a CSV cell shows it: control characters replaced, a would-be formula prefixed with '."""
    text = CONTROL.sub("\ufffd", text)
    visible = text[INVISIBLE_LEAD.match(text).end():]
    return "'" + text if text.startswith(RUN_STARTS) or visible.startswith(FORMULA_STARTS) else text


def _csv_cell(value: object) -> str:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(inert_text(str(item)) for item in value)
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return inert_text(value) if isinstance(value, str) else str(value)


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if NEEDS_QUOTES.search(cell) else cell


def csv_bytes(frame: pd.DataFrame, columns: list[str]) -> bytes:
    """RFC 4180 CSV of ``columns`` of ``frame``: a header line, then one line per row."""
    cells = [[_quoted(_csv_cell(v)) for v in frame[name]] for name in columns]
    lines = [",".join(_quoted(name) for name in columns), *map(",".join, zip(*cells))]
    return ("\n".join(lines) + "\n").encode("utf-8")


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
