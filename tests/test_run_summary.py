"""What `figures run` says at the end: where the release, its page and its quarantine are, and what was set aside."""
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from conftest import ROOT
from pipeline.cli import _summary
from releases import small_sample

FAULTY = {  # files a first-time user might drop in, each quarantined with a reason
    "a-no-date.md": "---\ntitle: Market bombing\npublisher: Local Council\n---\nThe strike killed 12 people.\n",
    "b-day-month.md": "---\ntitle: Bulletin\npublisher: Health Directorate\npublished: 13/05/2021\n---\n"
                      "Nine people were injured.\n",
    "c-latin1.txt": "Caf\xe9 attack: 4 dead".encode("latin-1"),
    "d-scan.pdf": b"%PDF-1.4\n% a scanner's file cut short\n",
    "e-feed.csv": "date,location,metric,value,source\n2021-05-02,Gaza,killed,many,MoH\n",
    "f-no-publisher.md": "---\ntitle: Update\npublished: 2021-05-03\n---\nAbout 300 families fled.\n",
    "g-short-year.md": "---\ntitle: Note\npublisher: NGO\npublished: 21-05-04\n---\nTwo children were killed.\n",
}


def test_the_summary_names_the_quarantine_file_the_first_inputs_and_how_many_more(tmp_path):
    raw = small_sample(tmp_path / "raw")
    for name, content in FAULTY.items():
        (raw / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--raw", str(raw), "--out", str(out),
                             "--overrides", str(tmp_path / "none.yaml"), "--quiet"], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "DAGSTER_HOME": str(tmp_path / "dagster")}, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    release = out / "1.0.0"
    assert f"  release page: {release / 'index.html'}" in lines and (release / "index.html").is_file()
    assert any("inputs quarantined: 7" in line for line in lines)
    heading = lines.index(f"  quarantined, with the reason for each (all 7 in {release / 'quarantine.csv'}):")
    quarantine = pd.read_csv(release / "quarantine.csv")
    named = lines[heading + 1:heading + 6]
    for line, path, reason in zip(named, quarantine["path"], quarantine["reason"]):
        assert line == f"    {raw / path}: {reason}"
        assert Path(line.split(": ", 1)[0].strip()).is_file()
    assert lines[heading + 6] == "    and 2 more"


def test_a_run_with_nothing_quarantined_points_to_the_page_and_lists_nothing(monkeypatch):
    summary = {"waited_seconds": 0, "created": True, "version": "1.2.0", "path": "out/1.2.0", "reports": 3,
               "claims": 5, "figures": 4, "quarantined": 0, "quarantined_first": []}
    monkeypatch.setenv("DAGSTER_HOME", "dagster-home")
    lines = _summary(summary, {}, "run-1", Path("raw"))
    assert lines[1] == f"  release page: {Path('out/1.2.0/index.html')}"
    assert not any("quarantined," in line for line in lines)


def test_a_file_name_holding_terminal_controls_is_shown_inert(monkeypatch):
    summary = {"waited_seconds": 0, "created": True, "version": "1.0.0", "path": "out/1.0.0", "reports": 0,
               "claims": 0, "figures": 0, "quarantined": 1,
               "quarantined_first": [{"path": "evil\x1b[2Jname.md", "row": 3, "reason": "bad\rline"}]}
    monkeypatch.setenv("DAGSTER_HOME", "dagster-home")
    lines = _summary(summary, {}, "run-1", Path("raw"))
    assert f"    {Path('raw')}/evil\\x1b[2Jname.md (row 3): bad\\x0dline" in lines
    assert not any("\x1b" in line or "\r" in line for line in lines)
