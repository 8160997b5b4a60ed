"""Releases people can cite, verify and diff: formats, versions, safety."""
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import duckdb
import hxl
import pandas as pd
import pytest
from frictionless import validate

from conftest import ROOT, SAMPLE_RAW, TODAY, write_report
from pipeline.publish import PublishBusy, publish
from pipeline.publish.release import publish_lock
from releases import release_in_one_process


def release_from(raw_dir, out_dir):
    return release_in_one_process(raw_dir, out_dir, today=TODAY)


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory):
    root = tmp_path_factory.mktemp("releases")
    raw = root / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    first = release_from(raw, root / "out")
    write_report(raw, "2020-03-10-new.md", "At least 21 civilians were killed in Lattakia.",
                 published="2020-03-10", location="Lattakia")
    second = release_from(raw, root / "out")
    return root, first, second


def test_datapackage_passes_frictionless_validate(two_releases):
    _, first, _ = two_releases
    report = validate(str(first.path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def readme_duckdb_statements(out) -> list[str]:
    """The README's DuckDB example, its statements run against ``out`` instead of data/published."""
    block = re.search(r"In DuckDB:\n\n```sql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    code = "\n".join(line for line in block.group(1).splitlines() if not line.startswith("--"))
    return [statement.strip().replace("data/published", str(out)) for statement in code.split(";") if statement.strip()]


def test_the_readme_duckdb_example_reads_the_latest_release_or_every_release_with_its_version(two_releases, tmp_path):
    root, first, second = two_releases
    out = tmp_path / "out"
    shutil.copytree(root / "out", out)
    (out / ".staging-half-written").mkdir()  # a publish under way: its files are not whole yet
    (out / ".staging-half-written" / "figures.parquet").write_bytes(b"PAR1 cut short")
    set_latest, latest, every = readme_duckdb_statements(out)
    connection = duckdb.connect()
    connection.execute(set_latest)
    newest = connection.sql(latest).df()
    assert len(newest) == len(pd.read_parquet(second.path / "figures.parquet")) == newest["figure_id"].nunique()
    rows = connection.sql(every).df()
    assert list(rows.columns[:2]) == ["version", "figure_id"] and "filename" not in rows.columns
    assert list(dict.fromkeys(rows["version"])) == [first.version, second.version]
    assert len(rows) == len(pd.read_parquet(first.path / "figures.parquet")) + len(newest)
    assert not rows.duplicated(["version", "figure_id"]).any()
    assert rows.duplicated("figure_id").any()  # the same figure in both releases: told apart by version


def test_hxl_tools_read_the_figures(two_releases):
    _, first, _ = two_releases
    source = hxl.data(str(first.path / "figures_hxl.csv"), hxl.InputOptions(allow_local=True))
    tags = [column.display_tag for column in source.columns]
    assert "#affected+idps" in tags and "#affected+killed+min" in tags and "#date+reported" in tags
    rows = list(source)
    assert len(rows) == len(pd.read_parquet(first.path / "figures.parquet"))
    displaced = [row.get("#affected+idps") for row in rows if row.get("#affected+idps")]
    assert "900000" in displaced


def test_adding_a_report_is_a_minor_release_and_diff_names_it(two_releases):
    _, first, second = two_releases
    assert (first.version, second.version) == ("1.0.0", "1.1.0")
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "diff", str(first.path), str(second.path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Lattakia" in result.stdout and "Reports added" in result.stdout


def test_a_second_publish_waits_then_refuses_clearly(tmp_path):
    out = tmp_path / "out"
    with publish_lock(out):
        with pytest.raises(PublishBusy, match="another publish"):
            publish({}, out, {}, lock_wait_seconds=0.3)


KILLED_PUBLISH = textwrap.dedent("""
    import sys
    from pathlib import Path
    import pandas as pd
    sys.path.insert(0, {tests!r})
    from conftest import TODAY
    from pipeline import stages
    from pipeline.publish import publish
    raw, out = Path(sys.argv[1]), Path(sys.argv[2])
    reports = stages.read_reports(raw, TODAY)
    claims = stages.extract_claims(reports)
    figures = stages.reconcile_figures(claims.table, reports.reports)
    tables = stages.release_tables(reports, claims, figures)
    many = pd.concat([tables["claims"]] * 4000, ignore_index=True)
    many["claim_id"] = [f"{{n:016x}}" for n in range(len(many))]
    tables["claims"] = many  # large enough that writing takes a while
    publish(tables, out, stages.provenance(reports, raw))
""")


def test_a_publish_killed_midway_leaves_no_half_release_and_a_rerun_completes(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    out = tmp_path / "out"
    first = release_from(raw, out)
    write_report(raw, "2020-03-10-new.md", "At least 21 civilians were killed in Lattakia.", published="2020-03-10")
    script = tmp_path / "killed_publish.py"
    script.write_text(KILLED_PUBLISH.format(tests=str(ROOT / "tests")))
    child = subprocess.Popen([sys.executable, str(script), str(raw), str(out)], cwd=ROOT)
    deadline = time.monotonic() + 120
    while not list(out.glob(".staging-*")) and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.005)
    assert list(out.glob(".staging-*")), "the publish never started writing"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["1.0.0", "LATEST", "index.html", "index.json"]
    assert (out / "LATEST").read_text().strip() == first.version
    rerun = release_from(raw, out)
    assert rerun.created and rerun.version == "1.1.0"
    assert not list(out.glob(".staging-*"))
    assert (out / "LATEST").read_text().strip() == "1.1.0"
