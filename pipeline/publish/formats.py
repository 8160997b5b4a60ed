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

``inert_text`` and ``_csv_cell`` state these rules one value at a time. Tables
are written by whole columns with Arrow compute functions that apply the same
rules (RE2 patterns matching exactly what the Python patterns match), a chunk
of rows at a time, so a 400,000-row table costs seconds, not minutes, and its
CSV is never held whole. Columns of mixed Python types, which no release
table has, fall back to the one-value rules.
"""
from __future__ import annotations

import hashlib
import io
import re
from typing import Iterator

import numpy as np
import pandas as pd
import pandera.pandas as pdr
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.arrow import arrow_type

LIST_SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
RUN_STARTS = ("\t", "\r")  # a cell starting with these is prefixed whatever follows
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What a spreadsheet may pass over before it reads a formula: spaces, line breaks, invisible marks.
INVISIBLE_LEAD = re.compile("[\\s\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufffd]*")
NEEDS_QUOTES = re.compile('[,"\r\n\u2028\u2029]')

# The same rules as RE2 patterns (Arrow's regex engine). INVISIBLE_LEAD's class spelled out: Python's
# \s (U+0009-000D, U+001C-0020, U+0085, U+00A0, U+1680, U+2000-200A, U+2028-2029, U+202F, U+205F,
# U+3000) and the invisible marks; tests compare both on every code point.
CONTROL_RE2 = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x{7f}-\x{9f}]"
LEAD_RE2 = (r"[\t-\r\x1c-\x20\x{85}\x{a0}\x{1680}\x{2000}-\x{200f}\x{2028}-\x{202f}\x{205f}-\x{2069}"
            r"\x{3000}\x{feff}\x{fffd}]")
FORMULA_RE2 = r"^(?:[\t\r]|" + LEAD_RE2 + r"*[=+\-@\x{ff1d}\x{ff0b}\x{ff0d}\x{ff20}])"
NEEDS_QUOTES_RE2 = r'[,"\r\n\x{2028}\x{2029}]'
CSV_CHUNK_ROWS = 10_000     # rows made into CSV at a time
CSV_CHUNK_ITEMS = 1_000_000  # ... or fewer, where list cells hold about this many items


def _arrow_type(column: pdr.Column) -> pa.DataType:
    metadata = column.metadata or {}
    if metadata.get("list"):
        return pa.list_(pa.string())
    if metadata.get("format") == "date":
        return pa.date32()
    return arrow_type(column.dtype)


def arrow_schema(model: type[pdr.DataFrameModel]) -> pa.Schema:
    columns = model.to_schema().columns
    return pa.schema([
        pa.field(name, _arrow_type(column), nullable=True,
                 metadata={"description": column.description or ""})
        for name, column in columns.items()
    ])


def _whole(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _column_array(values: pd.Series, kind: pa.DataType) -> pa.Array:
    """A pandas column as an Arrow array of ``kind``; missing values (None, NaN, NA) become nulls."""
    if pa.types.is_date32(kind):
        return pc.cast(_whole(pa.array(values, type=pa.string(), from_pandas=True)), kind)
    if pa.types.is_list(kind):
        return _whole(pa.array(values.to_numpy(dtype=object), type=kind, from_pandas=True))
    return _whole(pa.array(values, type=kind, from_pandas=True))


def to_arrow(frame: pd.DataFrame, model: type[pdr.DataFrameModel]) -> pa.Table:
    schema = arrow_schema(model)
    return pa.Table.from_arrays([_column_array(frame[field.name], field.type) for field in schema], schema=schema)


def _dictionary_items(kind: pa.DataType) -> bool:
    """A list type whose items are dictionary-encoded (ids repeated across rows are stored once)."""
    return pa.types.is_list(kind) and pa.types.is_dictionary(kind.value_type)


def conform(table: pa.Table, model: type[pdr.DataFrameModel]) -> pa.Table:
    """An Arrow table in the release's schema: its columns in order, types and descriptions.

    List columns read with dictionary-encoded items keep them (``plain`` decodes them for Parquet).
    """
    schema = arrow_schema(model)
    fields = []
    arrays = []
    for field in schema:
        values = _whole(table.column(field.name))
        if _dictionary_items(values.type) and pa.types.is_list(field.type):
            field = field.with_type(pa.list_(values.type.value_type))
        elif pa.types.is_date32(field.type) and not pa.types.is_date32(values.type):
            values = pc.cast(pc.cast(values, pa.string()), field.type)
        fields.append(field)
        arrays.append(values if values.type == field.type else pc.cast(values, field.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def plain(table: pa.Table, model: type[pdr.DataFrameModel]) -> pa.Table:
    """The table with list items decoded: exactly the release schema's types, as Parquet stores them."""
    return table.cast(arrow_schema(model))


def release_table(table: pd.DataFrame | pa.Table, model: type[pdr.DataFrameModel]) -> pa.Table:
    """A table as the release holds it (Arrow, the schema's columns), from pandas or Arrow."""
    return conform(table, model) if isinstance(table, pa.Table) else to_arrow(table, model)


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


def inert_texts(texts: pa.Array) -> pa.Array:
    """``inert_text`` of every string of ``texts`` at once (nulls stay null)."""
    texts = pc.replace_substring_regex(texts, pattern=CONTROL_RE2, replacement="\ufffd")
    return pc.if_else(pc.match_substring_regex(texts, pattern=FORMULA_RE2),
                      pc.binary_join_element_wise("'", texts, ""), texts)


def _list_cells(lists: pa.Array) -> pa.Array:
    """Each list's items made inert and joined with ``;`` (a missing list or item as ``_csv_cell`` shows it)."""
    lengths = pc.fill_null(pc.list_value_length(lists), 0).to_numpy(zero_copy_only=False)
    items = pc.list_flatten(lists)
    if pa.types.is_dictionary(items.type):  # each distinct item made inert once
        dictionary = inert_texts(pc.cast(items.dictionary, pa.string()))
        items = pc.fill_null(pa.DictionaryArray.from_arrays(items.indices, dictionary).dictionary_decode(), "None")
    else:
        items = inert_texts(pc.fill_null(pc.cast(items, pa.string()), "None"))
    offsets = pa.array(np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)]).astype(np.int32))
    return pc.binary_join(pa.ListArray.from_arrays(offsets, items), LIST_SEPARATOR)


def arrow_cells(values: pa.Array) -> pa.Array:
    """The CSV cells of an Arrow column, quoted where needed: one string per row, never null."""
    kind = values.type
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        cells = _list_cells(values)
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
        cells = inert_texts(pc.cast(values, pa.string()))
    elif pa.types.is_null(kind):
        cells = pa.nulls(len(values), pa.string())
    else:  # integers, booleans ("true"/"false"), dates (ISO): never a formula
        cells = pc.cast(values, pa.string())
    cells = pc.fill_null(cells, "")
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(cells, '"', '""'), '"', "")
    return pc.if_else(pc.match_substring_regex(cells, pattern=NEEDS_QUOTES_RE2), quoted, cells)


def _pandas_cells(values: pd.Series) -> pa.Array:
    """The CSV cells of a pandas column: by whole column where its values have one kind, else value by value."""
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_integer_dtype(dtype):
        return arrow_cells(_whole(pa.array(values, from_pandas=True)))
    if not pd.api.types.is_float_dtype(dtype) and not pd.api.types.is_datetime64_any_dtype(dtype):
        try:
            array = _whole(pa.array(values.to_numpy(dtype=object), from_pandas=True))
        except (pa.ArrowException, TypeError, ValueError):
            array = None
        if array is not None and _one_kind(array.type):
            return arrow_cells(array)
    return pa.array([_quoted(_csv_cell(value)) for value in values], type=pa.string())


def _one_kind(kind: pa.DataType) -> bool:
    """Types whose cells the column rules write exactly as ``_csv_cell`` does one value at a time."""
    if pa.types.is_list(kind):
        return pa.types.is_string(kind.value_type) or pa.types.is_null(kind.value_type)
    return pa.types.is_string(kind) or pa.types.is_integer(kind) or pa.types.is_null(kind)


def csv_lines(cells: list[pa.Array]) -> pa.Buffer:
    """Rows of cells as CSV lines, each ending in ``\\n``, as one buffer."""
    lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*cells, ","), "", "\n")
    if len(lines) == 0:
        return pa.py_buffer(b"")
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int32, count=len(lines) + 1, offset=lines.offset * 4)
    return lines.buffers()[2].slice(int(offsets[0]), int(offsets[-1] - offsets[0]))


def csv_line(values: list[object]) -> bytes:
    """One CSV line of Python values (a header, say), each cell as ``_csv_cell`` writes it."""
    return (",".join(_quoted(_csv_cell(value)) for value in values) + "\n").encode("utf-8")


def header_line(columns: list[str]) -> bytes:
    return (",".join(_quoted(name) for name in columns) + "\n").encode("utf-8")


def chunk_rows(table: pa.Table) -> int:
    """Rows per chunk of CSV: ``CSV_CHUNK_ROWS``, fewer where list cells hold many items (about
    ``CSV_CHUNK_ITEMS`` a chunk), so a chunk's cells stay small whatever the table's size."""
    rows, items = CSV_CHUNK_ROWS, CSV_CHUNK_ITEMS
    total = sum(pc.sum(pc.list_value_length(column)).as_py() or 0 for column in table.columns
                if pa.types.is_list(column.type) or pa.types.is_large_list(column.type))
    return max(1, min(rows, items * table.num_rows // total)) if total else rows


def arrow_csv_chunks(table: pa.Table, columns: list[str]) -> Iterator[bytes | pa.Buffer]:
    """A table's CSV as consecutive pieces: the header line, then the lines of a chunk of rows at a time."""
    yield header_line(columns)
    rows = chunk_rows(table.select(columns))
    for first in range(0, table.num_rows, rows):
        part = table.slice(first, rows)
        yield csv_lines([arrow_cells(_whole(part.column(name))) for name in columns])


def csv_bytes(frame: pd.DataFrame, columns: list[str]) -> bytes:
    """RFC 4180 CSV of ``columns`` of ``frame``: a header line, then one line per row."""
    pieces = [header_line(columns)]
    for first in range(0, len(frame), CSV_CHUNK_ROWS):
        part = frame.iloc[first:first + CSV_CHUNK_ROWS]
        pieces.append(csv_lines([_pandas_cells(part[name]) for name in columns]))
    return b"".join(bytes(piece) for piece in pieces)


def table_csv(frame: pd.DataFrame | pa.Table, model: type[pdr.DataFrameModel]) -> bytes:
    """A table's CSV bytes: what is published, and what its content hash is taken of."""
    columns = list(model.to_schema().columns)
    return b"".join(bytes(piece) for piece in arrow_csv_chunks(release_table(frame, model), columns))


def table_digest(frame: pd.DataFrame | pa.Table, model: type[pdr.DataFrameModel]) -> str:
    """SHA-256 of a table's content (its CSV form), stable across library versions."""
    return hashlib.sha256(table_csv(frame, model)).hexdigest()
