"""The pipeline's steps composed with validation, as plain functions.

Each returns its table and what validation set aside. The Dagster assets
call these and add what the UI shows; tests call them directly.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pandas as pd

import schemas
from pipeline.extract import claims_table
from pipeline.ingest import Ingested, ingest
from pipeline.reconcile import reconcile
from pipeline.reconcile.intervals import APPROXIMATION
from pipeline.reconcile.figures import DISPUTE_WINDOW_DAYS
from pipeline.ingest.files import MAX_BYTES
from pipeline.validate import quarantine_frame, validate_table

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Checked:
    """A validated table and the rows validation set aside."""

    table: pd.DataFrame
    quarantine: pd.DataFrame


def read_reports(raw_dir: Path, today: dt.date) -> Ingested:
    found = ingest(raw_dir, today)
    reports, rejected = validate_table(found.reports, schemas.ReportSchema, "reports",
                                       lambda row: (row["path"], row["report_id"]))
    texts = {rid: found.texts[rid] for rid in reports["report_id"]}
    quarantine = quarantine_frame([*found.quarantine.to_dict("records"), *rejected.to_dict("records")])
    return Ingested(reports=reports, texts=texts, quarantine=quarantine, inputs=found.inputs)


def _origin_by_report(reports: pd.DataFrame):
    paths = dict(zip(reports["report_id"], reports["path"]))
    return lambda row: (paths.get(row["report_id"], "(unknown report)"), row["report_id"])


def extract_claims(reports: Ingested) -> Checked:
    table = claims_table(reports.reports, reports.texts)
    claims, rejected = validate_table(table, schemas.ClaimSchema, "claims", _origin_by_report(reports.reports))
    return Checked(claims, rejected)


def reconcile_figures(claims: pd.DataFrame, reports: pd.DataFrame) -> Checked:
    table = reconcile(claims, reports)
    paths = dict(zip(reports["report_id"], reports["path"]))
    report_of = dict(zip(claims["claim_id"], claims["report_id"]))

    def origin(row):
        behind = sorted({paths[report_of[c]] for c in row["claim_ids"] if c in report_of})
        return ";".join(behind) or "(derived)", None

    figures, rejected = validate_table(table, schemas.FigureSchema, "figures", origin)
    return Checked(figures, rejected)


def code_version() -> dict:
    """The package version and a hash of the code and schemas that made a release."""
    digest = hashlib.sha256()
    for folder in ("pipeline", "schemas"):
        for file in sorted((PROJECT_ROOT / folder).rglob("*")):
            if file.suffix in {".py", ".yaml"}:
                digest.update(file.relative_to(PROJECT_ROOT).as_posix().encode() + b"\0")
                digest.update(file.read_bytes())
    return {"package": "crisis-figures", "version": version("crisis-figures"), "source_sha256": digest.hexdigest()}


def provenance(reports: Ingested, raw_dir: Path) -> dict:
    return {
        "code": code_version(),
        "configuration": {
            "raw_dir": raw_dir.name,
            "max_file_bytes": MAX_BYTES,
            "approximation": APPROXIMATION,
            "dispute_window_days": DISPUTE_WINDOW_DAYS,
        },
        "inputs": sorted(reports.inputs, key=lambda item: item["path"]),
    }


def release_tables(reports: Ingested, claims: Checked, figures: Checked) -> dict[str, pd.DataFrame]:
    quarantine = quarantine_frame([
        *reports.quarantine.to_dict("records"),
        *claims.quarantine.to_dict("records"),
        *figures.quarantine.to_dict("records"),
    ])
    return {
        "reports": reports.reports.sort_values("report_id").reset_index(drop=True),
        "claims": claims.table.sort_values(["report_id", "start", "claim_id"]).reset_index(drop=True),
        "figures": figures.table,
        "quarantine": quarantine,
    }
