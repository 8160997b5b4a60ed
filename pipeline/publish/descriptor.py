"""The Frictionless ``datapackage.json`` of a release, built from the schemas."""
from __future__ import annotations

import pandera.pandas as pdr

from pipeline.publish.formats import LIST_SEPARATOR
from pipeline.publish.versions import row_key
from schemas import TABLES

TITLES = {
    "reports": "Reports read, one per distinct raw file",
    "claims": "Figures as each report states them",
    "events": "Incidents, one row per event, with low, best and high",
    "event_months": "Events summed by month and first-level admin area, beside reported totals",
    "figures": "Reconciled series of totals and stocks with low, best and high",
    "sources": "Originators of claims and their reliability grades",
    "quarantine": "Inputs set aside, with the reason",
}


def _field(name: str, column: pdr.Column) -> dict:
    metadata = column.metadata or {}
    kind = str(column.dtype).lower()
    if metadata.get("list"):
        field_type = "string"
    elif metadata.get("format") == "date":
        field_type = "date"
    elif "int" in kind:
        field_type = "integer"
    elif "float" in kind:
        field_type = "number"
    elif "bool" in kind:
        field_type = "boolean"
    else:
        field_type = "string"
    field = {"name": name, "type": field_type, "description": column.description or ""}
    if metadata.get("list"):
        field["description"] += f" (list, joined with '{LIST_SEPARATOR}')"
    if field_type == "boolean":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    return field


def schema_fields() -> dict[str, dict[str, str]]:
    """table -> field -> type, for deciding whether a release breaks its schema."""
    return {table: {name: _field(name, column)["type"] for name, column in model.to_schema().columns.items()}
            for table, model in TABLES.items()}


def _schema(table: str, columns: dict) -> dict:
    schema = {"fields": [_field(name, column) for name, column in columns.items()], "missingValues": [""]}
    if row_key(table):
        schema["primaryKey"] = [row_key(table)]
    if table == "claims":
        schema["foreignKeys"] = [{"fields": ["report_id"], "reference": {"resource": "reports", "fields": ["report_id"]}}]
    if table == "events":
        schema["foreignKeys"] = [{"fields": ["best_claim_id"], "reference": {"resource": "claims", "fields": ["claim_id"]}}]
    return schema


def datapackage(version: str, tables: list[str]) -> dict:
    resources = []
    for table in tables:
        columns = TABLES[table].to_schema().columns
        resources.append({
            "name": table,
            "title": TITLES[table],
            "path": f"{table}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": _schema(table, columns),
        })
    return {
        "name": "crisis-figures",
        "title": "Casualty and displacement figures, traced to their reports",
        "version": version,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }
