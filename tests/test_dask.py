"""The per-report work on a real Dask cluster: a scheduler and two worker processes on 127.0.0.1."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from dagster import DagsterInstance
from distributed import Client, LocalCluster

from conftest import ROOT, SAMPLE_RAW, write_report
from pipeline.orchestration.automation import JOB_NAME
from pipeline.orchestration.definitions import build_definitions
from pipeline.orchestration.settings import PipelineSettings
from releases import OVERRIDES, published_in_one_process, small_sample


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        yield local


def run(raw: Path, root: Path, **settings):
    home = root / "home"
    home.mkdir(parents=True)
    definitions = build_definitions(PipelineSettings(raw_dir=str(raw), out_dir=str(root / "published"),
                                                     overrides=str(OVERRIDES), **settings))
    with DagsterInstance.local_temp(str(home)) as instance:
        result = definitions.resolve_job_def(JOB_NAME).execute_in_process(instance=instance)
    assert result.success
    read = {key: value.value for event in result.asset_materializations_for_node("reports")
            for key, value in event.metadata.items()}
    return Path(result.output_for_node("release")["path"]), read


def test_batches_run_on_the_cluster_workers_and_the_release_matches_one_process(tmp_path, cluster):
    raw = small_sample(tmp_path / "raw")
    write_report(raw, "later/more.md", "At least 40 people were killed in Saraqib, the monitor said.")
    on_cluster, read = run(raw, tmp_path / "cluster", scheduler=cluster.scheduler_address, batch_size=2)
    alone = published_in_one_process(raw, tmp_path / "alone")
    with Client(cluster.scheduler_address) as client:
        worker_pids = set(client.run(os.getpid).values())
    ran_in = {int(name.rsplit("/", 1)[1]): batches for name, batches in read["batches_by_worker"].items()}
    assert set(ran_in) == worker_pids and os.getpid() not in ran_in  # both workers took batches, none ran here
    assert sum(ran_in.values()) == -(-read["reports_new"] // 2)
    assert (on_cluster / "SHA256SUMS").read_bytes() == (alone / "SHA256SUMS").read_bytes()


def test_an_unreachable_scheduler_fails_the_run_in_one_line_before_publishing(tmp_path):
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "FIGURES_DASK_SCHEDULER": "tcp://127.0.0.1:9"}
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--raw", str(SAMPLE_RAW),
                             "--out", str(tmp_path / "published")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "tcp://127.0.0.1:9" in result.stderr and "cannot be reached" in result.stderr
    assert not (tmp_path / "published").exists()
