"""Releases made from scratch for tests: by the plain steps in this process, or by `figures run`."""
import datetime as dt
import os
import shutil
from pathlib import Path

from conftest import ROOT, SAMPLE_RAW

from pipeline import stages
from pipeline.cli import main
from pipeline.publish import publish

OVERRIDES = ROOT / "data" / "overrides.yaml"
# A few bundled reports, one of them a CSV feed with its sidecar: enough for figures, quick to publish.
SMALL_SAMPLE = ["2020-02-13-ocha-sitrep-8.md", "2020-02-16-ea-worldview-erdogan-deadline.md",
                "2020-02-21-reuters-russia-calls-reports-false.md", "2020-03-05-ohchr-civilian-deaths-coded.csv",
                "2020-03-05-ohchr-civilian-deaths-coded.csv.meta.yaml"]


def small_sample(folder: Path) -> Path:
    """A raw folder holding a few of the bundled reports."""
    folder.mkdir(parents=True)
    for name in SMALL_SAMPLE:
        shutil.copy2(SAMPLE_RAW / name, folder / name)
    return folder


def release_in_one_process(raw: Path, out: Path, overrides: Path | None = None, today: dt.date | None = None):
    """What `publish` returns for a release of ``raw`` into ``out``, made by the plain steps."""
    reports = stages.read_reports(raw, today or dt.date.today())
    claims = stages.extract_claims(reports)
    figures = stages.reconcile_figures(claims.table, reports.reports, overrides)
    return publish(stages.release_tables(reports, claims, figures), out, stages.provenance(reports, raw, overrides))


def published_in_one_process(raw: Path, out: Path, overrides: Path = OVERRIDES) -> Path:
    return release_in_one_process(raw, out, overrides).path


def published_by_figures_run(raw: Path, root: Path) -> Path:
    """The release `figures run` publishes from ``raw`` into ``root``/out, with its own Dagster home
    and no overrides."""
    os.environ["DAGSTER_HOME"] = str(root / "dagster")
    try:
        status = main(["run", "--raw", str(raw), "--out", str(root / "out"), "--overrides", str(root / "none.yaml")])
    finally:
        os.environ.pop("DAGSTER_HOME")
    assert status == 0
    return next(p for p in (root / "out").iterdir() if p.is_dir() and not p.name.startswith("."))
