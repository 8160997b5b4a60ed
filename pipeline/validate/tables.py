"""Row-level validation: good rows go on, bad rows go to quarantine with a reason.

pandera reports every failure at once (``lazy=True``); each failure that names
a row becomes a quarantine entry. A failure that names no row (a missing or
misspelt column) is a defect of the pipeline itself, so it is raised.
"""
from __future__ import annotations

from typing import Callable, Iterable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from schemas import QuarantineSchema

QUARANTINE_COLUMNS = ["path", "report_id", "stage", "table", "row", "reason"]

RowOrigin = Callable[[pd.Series], tuple[str, str | None]]


def quarantine_frame(entries: Iterable[dict]) -> pd.DataFrame:
    """A quarantine table from dicts with the quarantine columns, in a stable order."""
    frame = pd.DataFrame(list(entries), columns=QUARANTINE_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    frame = frame.sort_values(["path", "row", "reason"], na_position="first", kind="stable")
    return QuarantineSchema.validate(frame.reset_index(drop=True))


def _failure_reason(case: pd.Series) -> str:
    column = case.get("column")
    check = case.get("check")
    value = case.get("failure_case")
    where = f"column `{column}`" if isinstance(column, str) else "row"
    return f"{where} fails {check}: {value!r}"


def validate_table(
    frame: pd.DataFrame,
    schema: type[pa.DataFrameModel],
    table: str,
    origin: RowOrigin,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split ``frame`` into rows that pass ``schema`` and quarantine entries for the rest.

    ``origin`` names the raw file (path, report_id) a row came from, so a person
    reading the quarantine knows which input to fix.
    """
    frame = frame.reset_index(drop=True)
    try:
        return schema.validate(frame, lazy=True), quarantine_frame([])
    except SchemaErrors as errors:
        cases = errors.failure_cases
    row_cases = cases[cases["index"].notna()]
    if len(row_cases) < len(cases):
        table_level = cases[cases["index"].isna()]
        raise ValueError(f"{table} table does not match its schema:\n{table_level.to_string()}")
    reasons: dict[int, list[str]] = {}
    for _, case in row_cases.iterrows():
        reasons.setdefault(int(case["index"]), []).append(_failure_reason(case))
    entries = []
    for index, row_reasons in sorted(reasons.items()):
        path, report_id = origin(frame.loc[index])
        entries.append(
            {
                "path": path,
                "report_id": report_id,
                "stage": "validate",
                "table": table,
                "row": index,
                "reason": "; ".join(sorted(set(row_reasons))),
            }
        )
    good = frame.drop(index=list(reasons)).reset_index(drop=True)
    return schema.validate(good, lazy=True), quarantine_frame(entries)
