import json
import subprocess
import sys

from conftest import ROOT, SAMPLE_RAW

CLAIM_FIELDS = {"path", "claim_id", "report_id", "metric", "value", "high", "qualifier", "population",
                "stance", "attributed_to", "location", "period_start", "period_end", "quote", "start", "end"}


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


def test_extract_reports_unreadable_files_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    result = figures("extract", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "bad.md" in result.stderr


def test_verify_fails_on_a_folder_without_checksums(tmp_path):
    result = figures("verify", str(tmp_path))
    assert result.returncode == 1
    assert "SHA256SUMS is missing" in result.stdout
