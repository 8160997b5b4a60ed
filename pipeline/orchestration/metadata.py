"""Metadata the Dagster UI shows for a table: row count, column schema, preview."""
from __future__ import annotations

import dagster as dg
import pandas as pd
import pandera.pandas as pdr

PREVIEW_ROWS = 10
PREVIEW_CELL_CHARS = 60


def _cell(value: object) -> str:
    if isinstance(value, list):
        value = ";".join(value)
    text = "" if not isinstance(value, str) and pd.isna(value) else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"


def markdown_preview(frame: pd.DataFrame, columns: list[str]) -> str:
    head = frame[columns].head(PREVIEW_ROWS)
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in head.itertuples(index=False)]
    return "\n".join(lines)


def table_metadata(frame: pd.DataFrame, model: type[pdr.DataFrameModel], preview: list[str]) -> dict:
    columns = model.to_schema().columns
    schema = dg.TableSchema(columns=[
        dg.TableColumn(name, str(column.dtype), description=column.description or "")
        for name, column in columns.items()
    ])
    return {
        "dagster/row_count": dg.MetadataValue.int(len(frame)),
        "dagster/column_schema": schema,
        "preview": dg.MetadataValue.md(markdown_preview(frame, preview)),
    }
