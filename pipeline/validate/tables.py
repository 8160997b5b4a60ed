"""Row-level validation: good rows go on, bad rows go to quarantine with a reason.

pandera reports every failure at once (``lazy=True``); each row that fails
becomes one quarantine entry whose reason names each failed check once, with
the values it read: "`metric` is 'eaten', not one of killed, ...", or for a
check across columns "fails period_is_ordered (a period does not end before
it starts): period_start=2020-03-01, period_end=2020-02-01". A failure that
names no row (a missing or misspelt column) is a defect of the pipeline
itself, so it is raised.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from schemas import QuarantineSchema

QUARANTINE_COLUMNS = ["path", "report_id", "stage", "table", "row", "reason"]
SHOWN_CHARACTERS = 80
PLAIN_VALUE = re.compile(r"^[\w.:+/-]+$")

RowOrigin = Callable[[pd.Series], tuple[str, str | None]]


def quarantine_frame(entries: Iterable[dict]) -> pd.DataFrame:
    """A quarantine table from dicts with the quarantine columns, in a stable order."""
    frame = pd.DataFrame(list(entries), columns=QUARANTINE_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    frame = frame.sort_values(["path", "row", "reason"], na_position="first", kind="stable")
    return QuarantineSchema.validate(frame.reset_index(drop=True))


def _shown(value: object) -> str:
    """A value as a reason shows it: plain when it is one token, quoted and cut short otherwise."""
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return "empty"
    text = str(value)
    if PLAIN_VALUE.match(text) and len(text) <= SHOWN_CHARACTERS:
        return text
    text = repr(text)
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"


def _column_reason(column: str, check: str, value: object, checks: dict) -> str:
    """One column's failed check, in words: "`url` is 'ftp://x', not an http(s) address"."""
    shown = _shown(value)
    statistics = checks.get((column, check), {})
    if check.startswith("isin"):
        allowed = ", ".join(str(v) for v in statistics.get("allowed_values", ()))
        return f"`{column}` is {shown}, not one of {allowed}"
    if check.startswith("str_matches"):
        return f"`{column}` is {shown}, which does not have the form {statistics.get('pattern', check)}"
    if check.startswith("str_length"):
        return f"`{column}` is empty" if shown in ("empty", repr("")) else f"`{column}` is {shown}, too long or short"
    if check.startswith("greater_than_or_equal_to"):
        return f"`{column}` is {shown}, below {statistics.get('min_value', 0)}"
    if check == "not_nullable":
        return f"`{column}` is empty"
    if check == "field_uniqueness":
        return f"`{column}` {shown} is on more than one row"
    if check.startswith(("dtype", "coerce_dtype")):
        return f"`{column}` is {shown}, not of type {check.split('(', 1)[-1].strip(')').strip(chr(39))}"
    return f"`{column}` is {shown}, which fails {check}"


class _ColumnsRead(pd.DataFrame):
    """A frame that notes the columns a check reads from it."""

    _metadata = ["columns_read"]

    @property
    def _constructor(self):
        return pd.DataFrame

    def __getitem__(self, key):
        for name in key if isinstance(key, list) else [key]:
            if isinstance(name, str) and name in self.columns and name not in self.columns_read:
                self.columns_read.append(name)
        return super().__getitem__(key)


def _columns_read(schema: type[pa.DataFrameModel], check: str, frame: pd.DataFrame) -> list[str]:
    """The columns the table-wide check ``check`` of ``schema`` reads, found by running it on one row."""
    function = getattr(schema, check, None)
    if function is None or frame.empty:
        return []
    probe = _ColumnsRead(frame.head(1))
    probe.columns_read = []
    try:
        function(probe)
    except Exception:  # noqa: BLE001 - a check that cannot run on the sample still names what it read
        pass
    return sorted(probe.columns_read, key=list(frame.columns).index)  # in the table's order


def _column_checks(schema: type[pa.DataFrameModel]) -> dict[tuple[str, str], dict]:
    """The statistics of each column check (allowed values, pattern, bound), by (column, check name)."""
    checks = {}
    for name, column in schema.to_schema().columns.items():
        for check in column.checks:
            checks[(name, str(check.error or check.name))] = check.statistics or {}
    return checks


def _table_check_reason(check: str, description: str, values: dict[str, object]) -> str:
    shown = ", ".join(f"{column}={_shown(value)}" for column, value in values.items())
    about = f" ({description})" if description else ""
    return f"fails {check}{about}" + (f": {shown}" if shown else "")


def row_reasons(cases: pd.DataFrame, schema: type[pa.DataFrameModel], frame: pd.DataFrame) -> dict[int, str]:
    """One line per failing row: each failed check once, with only the values it read."""
    table_checks = {check.name: check.description or "" for check in schema.to_schema().checks}
    column_checks = _column_checks(schema)
    cases = cases.assign(index=cases["index"].astype(int), check=cases["check"].astype(str))
    table_wide = cases["schema_context"].eq("DataFrameSchema") & cases["check"].isin(list(table_checks))
    reasons: dict[int, set[str]] = {}
    for index, check in cases[table_wide][["index", "check"]].drop_duplicates().itertuples(index=False):
        read = _columns_read(schema, check, frame.loc[[index]])
        values = {column: frame.at[index, column] for column in read}
        reasons.setdefault(index, set()).add(_table_check_reason(check, table_checks[check], values))
    by_column = cases[~table_wide].drop_duplicates(["index", "column", "check"])
    for index, column, check, value in zip(by_column["index"], by_column["column"], by_column["check"],
                                           by_column["failure_case"]):
        reasons.setdefault(index, set()).add(_column_reason(str(column), check, value, column_checks))
    return {index: "; ".join(sorted(parts)) for index, parts in sorted(reasons.items())}


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
    if row_cases.empty:
        raise ValueError(f"{table} table does not match its schema:\n{cases.to_string()}")
    reasons = row_reasons(row_cases, schema, frame)
    entries = []
    for index, reason in reasons.items():
        path, report_id = origin(frame.loc[index])
        entries.append({"path": path, "report_id": report_id, "stage": "validate", "table": table,
                        "row": index, "reason": reason})
    good = frame.drop(index=list(reasons)).reset_index(drop=True)
    try:
        return schema.validate(good, lazy=True), quarantine_frame(entries)
    except SchemaErrors as errors:  # what remains names no row: a defect of the pipeline
        raise ValueError(f"{table} table does not match its schema:\n{errors.failure_cases.to_string()}") from None
