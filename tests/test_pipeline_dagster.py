"""One real Dagster run of every asset and check, on a copy of the bundled sample."""
import shutil

import pandas as pd
import pytest
from dagster import DagsterInstance

from conftest import SAMPLE_RAW
from pipeline.orchestration.automation import JOB_NAME
from pipeline.orchestration.definitions import build_definitions, defs
from pipeline.orchestration.settings import PipelineSettings


def test_definitions_hold_every_step_with_checks_schedule_and_sensor():
    repository = defs.get_repository_def()
    assets = {key.to_user_string() for key in repository.asset_graph.get_all_asset_keys()}
    assert assets == {"reports", "claims", "events", "figures", "release"}
    checks = {key.name for key in repository.asset_graph.asset_check_keys}
    assert checks == {"every_raw_file_accounted_for", "quotes_match_report_text",
                      "bounds_ordered_and_claims_resolve", "release_verifies",
                      "event_bounds_ordered_and_claims_resolve", "every_incident_claim_in_one_event"}
    assert [s.name for s in repository.schedule_defs] == ["daily_release"]
    assert [s.name for s in repository.sensor_defs] == ["new_raw_files"]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    raw = root / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    (raw / "empty.md").write_bytes(b"")
    settings = PipelineSettings(raw_dir=str(raw), out_dir=str(root / "published"))
    job = build_definitions(settings).resolve_job_def(JOB_NAME)
    with DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(instance=instance)
    return root, result


def test_all_assets_materialise_and_checks_pass(run):
    _, result = run
    assert result.success
    materialised = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert materialised == {"reports", "claims", "events", "figures", "release"}
    evaluations = [e.asset_check_evaluation_data for e in result.all_events
                   if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert len(evaluations) == 6 and all(e.passed for e in evaluations)


def test_release_holds_seed_figures_denial_and_quarantine(run):
    root, result = run
    summary = result.output_for_node("release")
    release = root / "published" / summary["version"]
    claims = pd.read_parquet(release / "claims.parquet")
    killed = claims[(claims["metric"] == "killed") & (claims["value"] == 1800)]
    assert list(killed["qualifier"]) == ["more_than"] and list(killed["population"]) == ["civilians"]
    denied = claims[(claims["stance"] == "denied") & (claims["metric"] == "displaced")]
    assert len(denied) >= 2
    figures = pd.read_csv(release / "figures.csv")
    series = figures[(figures["metric"] == "displaced") & (figures["location"] == "northwest Syria")
                     & (figures["population"] == "people") & (figures["period_start"] == "2019-12-01")]
    assert len(series) >= 8 and series["disputed_by"].notna().any() and series["conflict"].any()
    events = pd.read_csv(release / "events.csv")
    assert {"Idleb"} <= set(events["adm1"]) and (events["low"] <= events["best"]).all()
    quarantine = pd.read_csv(release / "quarantine.csv")
    assert list(quarantine["path"]) == ["empty.md"]
    reports = pd.read_parquet(release / "reports.parquet")
    files = [p for p in (root / "raw").iterdir() if not p.name.endswith(".meta.yaml")]
    assert len(reports) + len(quarantine) == len(files)
