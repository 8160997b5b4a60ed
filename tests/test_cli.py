import json
import subprocess
import sys

from conftest import ROOT, SAMPLE_RAW
from releases import published_in_one_process, small_sample

CLAIM_FIELDS = {"path", "claim_id", "report_id", "metric", "value", "high", "unit", "qualifier", "population",
                "stance", "count_type", "attributed_to", "originator", "location", "event_date", "date_precision",
                "period_start", "period_start_latest", "period_end", "period_text", "quote", "start", "end"}


def figures(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_extract_prints_one_json_claim_per_line_with_every_field():
    seed = SAMPLE_RAW / "2020-02-16-ea-worldview-erdogan-deadline.md"
    result = figures("extract", str(seed))
    assert result.returncode == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert claims and all(CLAIM_FIELDS <= set(claim) for claim in claims)
    assert {"metric": "killed", "value": 1800} in [{"metric": c["metric"], "value": c["value"]} for c in claims]


def test_extract_and_verify_do_not_import_dagster(tmp_path):
    for command in (["extract", str(SAMPLE_RAW)], ["verify", str(tmp_path)]):
        code = f"import sys; from pipeline.cli import main; main({command!r}); sys.exit(1 if 'dagster' in sys.modules else 0)"
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, f"figures {command[0]} imported dagster"


def test_extract_reads_standard_input_and_text_without_front_matter():
    text = "Clashes near the border killed 14 soldiers on Friday. About 2,000 people have fled since Sunday."
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "-"], cwd=ROOT, input=text,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["metric"], c["value"], c["path"]) for c in claims] == [("killed", 14, "-"), ("displaced", 2000, "-")]
    # no date: the period keeps its words but no dates, and so does the incident
    assert (claims[1]["period_start"], claims[1]["period_text"]) == (None, "since Sunday")
    assert [(c["count_type"], c["event_date"], c["date_precision"], c["period_text"]) for c in claims] == [
        ("incident", None, None, "Friday"), ("cumulative", None, None, "since Sunday")]
    assert all(text[c["start"]:c["end"]] == c["quote"] for c in claims)


def test_extract_on_a_folder_warns_for_each_unreadable_file_and_goes_on(tmp_path):
    (tmp_path / "note.txt").write_text("Floods displaced 12,000 people.", encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"Floods \xe9\xff displaced 40 people.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("Floods displaced 99 people.", encoding="utf-8")
    result = figures("extract", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["value"] for line in result.stdout.splitlines()] == [12000]
    assert "broken.md" in result.stderr and "photo.png" in result.stderr and ".hidden" not in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_uses_front_matter_dates_where_a_file_has_them(tmp_path):
    report = tmp_path / "dated.md"
    report.write_text("---\npublished: 2020-02-04\n---\nAbout 2,000 people have fled since Sunday.\n", encoding="utf-8")
    [claim] = [json.loads(line) for line in figures("extract", str(report)).stdout.splitlines()]
    assert (claim["period_start"], claim["period_end"]) == ("2020-02-02", "2020-02-04")
    assert (claim["count_type"], claim["period_start_latest"], claim["event_date"]) == (
        "cumulative", "2020-02-02", None)


def test_extract_reports_unreadable_files_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"Floods \xe9\xff displaced 40 people.")
    result = figures("extract", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "bad.md" in result.stderr


def test_verify_fails_on_a_release_without_checksums(tmp_path):
    release = published_in_one_process(small_sample(tmp_path / "raw"), tmp_path / "out")
    (release / "SHA256SUMS").unlink()
    result = figures("verify", str(release))
    assert result.returncode == 1
    assert "SHA256SUMS is missing" in result.stdout
