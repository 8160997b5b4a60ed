"""The pipeline's steps composed with validation, as plain functions.

Each returns its table and what validation set aside. The Dagster assets
call these and add what the UI shows; tests call them directly.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import schemas
from pipeline.extract import CLAIM_COLUMNS, claims_table
from pipeline.ingest import Ingested, ingest
from pipeline import reconcile
from pipeline.reconcile import OverrideError, Overrides, load_overrides
from pipeline.reconcile.sources import SourceBook
from pipeline.reconcile.figures import DISPUTE_WINDOW_DAYS
from pipeline.reconcile.window import STALE_AFTER_DAYS
from pipeline.reconcile.intervals import APPROXIMATION
from pipeline.ingest.files import MAX_BYTES
from pipeline.tablestore import TableFolder
from pipeline.validate import quarantine_frame, validate_table

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HOUSEHOLD_SIZES = PROJECT_ROOT / "schemas" / "household_sizes.yaml"


@dataclass
class Checked:
    """A validated table and the rows validation set aside."""

    table: pd.DataFrame
    quarantine: pd.DataFrame


@dataclass
class Figures(Checked):
    """Validated figures, the sources behind them, the events beside them and their monthly
    sums, and the quarantine of these steps."""

    sources: pd.DataFrame = field(default_factory=pd.DataFrame)
    events: Checked = field(default_factory=lambda: Checked(pd.DataFrame(), pd.DataFrame()))
    months: pd.DataFrame = field(default_factory=pd.DataFrame)


def check_reports(found: pd.DataFrame, refused: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Report rows that pass their schema, and the quarantine of ingest and validation."""
    reports, rejected = validate_table(found, schemas.ReportSchema, "reports",
                                       lambda row: (row["path"], row["report_id"]))
    return reports, quarantine_frame([*refused.to_dict("records"), *rejected.to_dict("records")])


def read_reports(raw_dir: Path, today: dt.date) -> Ingested:
    found = ingest(raw_dir, today)
    reports, quarantine = check_reports(found.reports, found.quarantine)
    texts = {rid: found.texts[rid] for rid in reports["report_id"]}
    feed_claims = found.feed_claims[found.feed_claims["report_id"].isin(reports["report_id"])]
    return Ingested(reports=reports, texts=texts, quarantine=quarantine, inputs=found.inputs, feed_claims=feed_claims)


def _origin_by_report(reports: pd.DataFrame):
    paths = dict(zip(reports["report_id"], reports["path"]))
    return lambda row: (paths.get(row["report_id"], "(unknown report)"), row["report_id"])


def check_claims(table: pd.DataFrame, reports: pd.DataFrame) -> Checked:
    """Claims that pass their schema; the rest quarantined under the file they came from."""
    table = table.reset_index(drop=True)
    table["high"] = table["high"].astype("Int64")
    claims, rejected = validate_table(table, schemas.ClaimSchema, "claims", _origin_by_report(reports))
    return Checked(claims, rejected)


def extract_claims(reports: Ingested) -> Checked:
    """Claims read from report text, and those structured feeds state directly."""
    prose = reports.reports[~reports.reports["format"].isin(["csv", "json"])]
    return check_claims(pd.concat([claims_table(prose, reports.texts), reports.feed_claims], ignore_index=True),
                        reports.reports)


def claims_of_reports(claims_read: pd.DataFrame, reports: pd.DataFrame) -> Checked:
    """The claims a corpus read found (``pipeline.corpus``) for the reports that passed validation,
    in the order ``extract_claims`` gives: text claims by report id, then feed claims by file."""
    found = claims_read[claims_read["report_id"].isin(reports["report_id"])]
    prose = found[~found["from_feed"]].sort_values(["report_id", "seq"], kind="stable")
    feeds = found[found["from_feed"]].sort_values(["path", "seq"], kind="stable")
    table = pd.concat([prose, feeds], ignore_index=True)[CLAIM_COLUMNS]
    return check_claims(table, reports)


def read_overrides(path: Path | None) -> tuple[Overrides, list[dict]]:
    """The analyst overrides, or none and a quarantine entry saying why the file was set aside."""
    try:
        return load_overrides(path), []
    except OverrideError as error:
        entry = {"path": path.name, "report_id": None, "stage": "reconcile", "table": "overrides",
                 "row": None, "reason": f"overrides not applied: {error}"}
        return Overrides(), [entry]


def _claims_origin(claims: pd.DataFrame, reports: pd.DataFrame):
    """Where a table row built of claims came from: the files of the reports behind its claims."""
    paths = dict(zip(reports["report_id"], reports["path"]))
    report_of = dict(zip(claims["claim_id"], claims["report_id"]))

    def origin(row):
        behind = sorted({paths[report_of[c]] for c in row["claim_ids"] if c in report_of})
        return ";".join(behind) or "(derived)", None

    return origin


def reconcile_events(claims: pd.DataFrame, reports: pd.DataFrame, overrides_path: Path | None = None) -> Checked:
    """Incident claims as events; events failing their schema quarantined under their reports' files.
    An overrides file that cannot be read is quarantined once, by the figures step."""
    overrides, _ = read_overrides(overrides_path)
    table = reconcile.reconcile_events(claims, reports, SourceBook(overrides.regrades),
                                       {e.claim_id for e in overrides.excludes})
    events, rejected = validate_table(table, schemas.EventSchema, "events", _claims_origin(claims, reports))
    return Checked(events, quarantine_frame(rejected.to_dict("records")))


def reconcile_figures(claims: pd.DataFrame, reports: pd.DataFrame, overrides_path: Path | None = None,
                      events: Checked | None = None) -> Figures:
    """Series of totals and stocks, with the sums of ``events`` beside them (read from ``claims``
    when not given), and the events' monthly sums."""
    events = events if events is not None else reconcile_events(claims, reports, overrides_path)
    overrides, problems = read_overrides(overrides_path)
    name = overrides_path.name if overrides_path else "overrides.yaml"
    result = reconcile.reconcile(claims, reports, overrides, name, events=events.table)
    figures, rejected = validate_table(result.figures, schemas.FigureSchema, "figures",
                                       _claims_origin(claims, reports))
    sources, rejected_sources = validate_table(result.sources, schemas.SourceSchema, "sources",
                                               lambda row: ("schemas/sources.yaml", None))
    months, rejected_months = validate_table(reconcile.monthly_sums(events.table, figures),
                                             schemas.EventMonthSchema, "event_months", lambda row: ("(derived)", None))
    quarantine = quarantine_frame([*problems, *result.unmatched, *rejected.to_dict("records"),
                                   *rejected_sources.to_dict("records"), *rejected_months.to_dict("records")])
    return Figures(figures, quarantine, sources, events, months)


def code_version() -> dict:
    """The package version and a hash of the code and schemas that made a release."""
    digest = hashlib.sha256()
    for folder in ("pipeline", "schemas"):
        for file in sorted((PROJECT_ROOT / folder).rglob("*")):
            if file.suffix in {".py", ".yaml"}:
                digest.update(file.relative_to(PROJECT_ROOT).as_posix().encode() + b"\0")
                digest.update(file.read_bytes())
    return {"package": "crisis-figures", "version": version("crisis-figures"), "source_sha256": digest.hexdigest()}


def _file_input(path: Path | None) -> dict | None:
    if path is None or not path.is_file():
        return None
    data = path.read_bytes()
    return {"path": path.name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def provenance(reports: Ingested, raw_dir: Path, overrides_path: Path | None = None) -> dict:
    return {
        "code": code_version(),
        "overrides": _file_input(overrides_path),
        # the cited sizes a household figure's people estimate was made with
        "household_sizes": {**_file_input(HOUSEHOLD_SIZES), "path": HOUSEHOLD_SIZES.relative_to(PROJECT_ROOT).as_posix()},
        "configuration": {
            "raw_dir": raw_dir.name,
            "max_file_bytes": MAX_BYTES,
            "approximation": APPROXIMATION,
            "dispute_window_days": DISPUTE_WINDOW_DAYS,
            "stale_after_days": STALE_AFTER_DAYS,
        },
        "inputs": sorted(reports.inputs, key=lambda item: item["path"]),
    }


def _sorted(table: pd.DataFrame | pa.Table, keys: list[str]) -> pd.DataFrame | pa.Table:
    if isinstance(table, pa.Table):
        return table.take(pc.sort_indices(table, sort_keys=[(key, "ascending") for key in keys]))
    return table.sort_values(keys).reset_index(drop=True)


def release_tables(reports: Ingested, claims: Checked, figures: Figures) -> dict:
    """The tables a release publishes, rows in their published order. The big tables may be pandas or
    Arrow (as ``release_inputs`` reads them); the quarantine, small, is always pandas."""
    quarantine = quarantine_frame([
        *reports.quarantine.to_dict("records"),
        *claims.quarantine.to_dict("records"),
        *figures.events.quarantine.to_dict("records"),
        *figures.quarantine.to_dict("records"),
    ])
    return {
        "reports": _sorted(reports.reports, ["report_id"]),
        "claims": _sorted(claims.table, ["report_id", "start", "claim_id"]),
        "events": figures.events.table,
        "event_months": figures.months,
        "figures": figures.table,
        "sources": figures.sources,
        "quarantine": quarantine,
    }


def release_inputs(reports: TableFolder, claims: TableFolder, events: TableFolder, figures: TableFolder,
                   raw_dir: Path, overrides_path: Path | None) -> tuple[dict, dict]:
    """The release's tables and provenance from the steps' Parquet folders.

    Reports, claims, events, figures and sources are read as Arrow tables and stay so through
    publishing: no row becomes a Python object. A figure's lists of claims are read
    dictionary-encoded, each claim id stored once however many figures name it (a disputing
    claim is named by every date of its series: 18 million names of 42,000 claims in a
    100,000-report release).
    """
    inputs = pq.read_table(reports.file("inputs"), columns=["path", "sha256", "size"]).to_pylist()
    found = Ingested(reports=pq.read_table(reports.file("reports")), quarantine=reports.read("quarantine"),
                     inputs=inputs)
    read_claims = Checked(pq.read_table(claims.file("claims")), claims.read("quarantine"))
    figure_lists = [f"{column}.list.element" for column in ("claim_ids", "disputed_by", "sources")]
    read_events = Checked(pq.read_table(events.file("events")), events.read("quarantine"))
    read_figures = Figures(pq.read_table(figures.file("figures"), read_dictionary=figure_lists),
                           figures.read("quarantine"), pq.read_table(figures.file("sources")), read_events,
                           pq.read_table(figures.file("event_months")))
    return release_tables(found, read_claims, read_figures), provenance(found, raw_dir, overrides_path)
