"""A release made from scratch by the plain steps in this process: no Dagster, no cache, no workers."""
import datetime as dt
from pathlib import Path

from conftest import ROOT
from pipeline import stages
from pipeline.publish import publish

OVERRIDES = ROOT / "data" / "overrides.yaml"


def published_in_one_process(raw: Path, out: Path, overrides: Path = OVERRIDES) -> Path:
    reports = stages.read_reports(raw, dt.date.today())
    claims = stages.extract_claims(reports)
    figures = stages.reconcile_figures(claims.table, reports.reports, overrides)
    return publish(stages.release_tables(reports, claims, figures), out,
                   stages.provenance(reports, raw, overrides)).path
