import json
import shutil
import subprocess

import pandas as pd

from conftest import SAMPLE_RAW, TODAY, write_report
from pipeline.publish.verify import verify_release
from releases import release_in_one_process


def release_from(raw_dir, out_dir):
    return release_in_one_process(raw_dir, out_dir, today=TODAY)


def copy_sample(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    return raw


def test_release_verifies_with_sha256sum_and_figures_verify(tmp_path):
    raw = copy_sample(tmp_path)
    published = release_from(raw, tmp_path / "out")
    assert published.version == "1.0.0" and published.created
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=published.path, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert verify_release(published.path, raw) == []
    assert (tmp_path / "out" / "LATEST").read_text().strip() == "1.0.0"


def test_same_inputs_publish_nothing_new_and_same_bytes(tmp_path):
    raw = copy_sample(tmp_path)
    first = release_from(raw, tmp_path / "one")
    again = release_from(raw, tmp_path / "one")
    assert not again.created and again.version == first.version
    other = release_from(raw, tmp_path / "two")
    assert (first.path / "SHA256SUMS").read_bytes() == (other.path / "SHA256SUMS").read_bytes()


def test_adding_a_report_gives_a_minor_release_naming_new_figures_and_events(tmp_path):
    raw = copy_sample(tmp_path)
    release_from(raw, tmp_path / "out")
    write_report(raw, "2020-03-05-new.md", "At least 21 civilians were killed in Lattakia on Thursday.",
                 published="2020-03-05", location="Lattakia")
    second = release_from(raw, tmp_path / "out")
    assert second.version == "1.1.0"
    changes = json.loads((second.path / "changes.json").read_text())
    assert [added["event"] for added in changes["events_added"]] == ["Civilians killed in Lattakia on 2020-03-05"]
    assert "Lattakia" in (second.path / "CHANGELOG.md").read_text()
    [report] = changes["reports_added"]
    assert (report["path"], report["published"]) == ("2020-03-05-new.md", "2020-03-05")


def test_tampered_byte_makes_verify_fail_and_name_the_file(tmp_path):
    published = release_from(copy_sample(tmp_path), tmp_path / "out")
    csv = published.path / "figures.csv"
    data = bytearray(csv.read_bytes())
    data[-2] ^= 1
    csv.write_bytes(bytes(data))
    problems = verify_release(published.path)
    assert problems and any(p.startswith("figures.csv") for p in problems)


def test_csv_cells_that_spreadsheets_would_run_are_neutralised(tmp_path):
    raw = tmp_path / "raw"
    write_report(raw, "f.md", "=HYPERLINK(1) said 12 civilians were killed.", publisher="=cmd()")
    published = release_from(raw, tmp_path / "out")
    reports = pd.read_csv(published.path / "reports.csv")
    assert reports["publisher"].item() == "'=cmd()"
