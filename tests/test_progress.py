"""What `figures run` shows while it works: bars on a terminal, plain lines in a pipe or CI, nothing with --quiet."""
import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest
import yaml

from conftest import ROOT, TODAY
from pipeline.console import PlainLines
from pipeline.corpus.run import read_corpus
from pipeline.progress import Progress
from pipeline.tablestore import TableFolder
from releases import small_sample
from runs import copies_of_the_sample, run_environment

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # anything but newline and tab
SUMMARY_STARTS = ("Published release", "Nothing changed since release", "  release page:", "  reports read:",
                  "  reports new:", "  Dagster run")


def figures_run(raw, out, home, *options, **environment):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--raw", str(raw), "--out", str(out),
                           *options], cwd=ROOT, env=run_environment(home, **environment),
                          capture_output=True, text=True)


def on_a_terminal(raw, out, home) -> str:
    """`figures run` with a pseudo-terminal as its standard output and error, as a person sees it."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    environment = {key: value for key, value in run_environment(home, TERM="xterm").items() if key != "CI"}
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", "--raw", str(raw), "--out", str(out)],
                               cwd=ROOT, env=environment, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the run ends
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait() == 0, shown.decode(errors="replace")
    return shown.decode()


@pytest.fixture(scope="module")
def sample_runs(tmp_path_factory):
    """The same small corpus run three ways: on a terminal, piped (nothing new), and piped with --quiet."""
    root = tmp_path_factory.mktemp("progress")
    raw, out, home = small_sample(root / "raw"), root / "out", root / "home"
    terminal = on_a_terminal(raw, out, home)
    piped = figures_run(raw, out, home, CI="")
    quiet = figures_run(raw, out, home, "--quiet", CI="")
    return terminal, piped, quiet, home


def test_a_terminal_shows_a_bar_per_step_with_counts_and_rate(sample_runs):
    terminal, _, _, _ = sample_runs
    assert "\r" in terminal and "█" in terminal
    assert re.search(r"reports: reading +100%\|█+\| 4/4 reports \[[0-9:]+<[0-9:]+, +[0-9.]+ reports/s", terminal)
    assert re.search(r"release: publishing +100%\|█+\| 7/7 tables", terminal)
    assert "Published release 1.0.0" in terminal


def test_piped_output_is_plain_lines_with_counts_and_no_control_characters(sample_runs):
    _, piped, _, _ = sample_runs
    assert piped.returncode == 0, piped.stderr
    assert not CONTROL.search(piped.stdout + piped.stderr)
    lines = piped.stderr.splitlines()
    assert "[reports] hashing: started (4 files)" in lines
    assert any(re.fullmatch(r"\[reports\] gathering: 4/4 reports \(100%\) done \([0-9.]+ s, .*\)", line)
               for line in lines)
    assert any(line.startswith("[checks] release: 4/4 texts read (100%) done") for line in lines)
    assert "Nothing changed since release 1.0.0" in piped.stdout


def test_quiet_prints_only_the_summary(sample_runs):
    _, _, quiet, _ = sample_runs
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert [line.startswith(SUMMARY_STARTS) for line in quiet.stdout.splitlines()] == [True] * 5


def test_a_new_dagster_home_gets_telemetry_off_so_no_banner_is_shown(sample_runs):
    terminal, piped, quiet, home = sample_runs  # the terminal run was the first in a home it created
    assert yaml.safe_load((home / "dagster.yaml").read_text()) == {"telemetry": {"enabled": False}}
    shown = terminal + piped.stdout + piped.stderr + quiet.stdout + quiet.stderr
    assert "Telemetry" not in shown and "Welcome to Dagster" not in shown
    assert not (home / ".telemetry").exists()


def test_a_dagster_yaml_the_user_wrote_is_left_as_it_is(tmp_path):
    raw, home = small_sample(tmp_path / "raw"), tmp_path / "home"
    home.mkdir()
    written = "run_monitoring:\n  enabled: false\n"
    (home / "dagster.yaml").write_text(written)
    assert figures_run(raw, tmp_path / "out", home, "--quiet", CI="").returncode == 0
    assert (home / "dagster.yaml").read_text() == written


def test_plain_lines_say_each_tenth_at_most_once_a_second_and_every_few_seconds():
    now = [0.0]
    shown = io.StringIO()
    progress = PlainLines(shown, interval=5, min_gap=1, clock=lambda: now[0])
    with progress.task("reports", "reading", total=1000, unit="reports") as task:
        for _ in range(100):  # 10 reports every 0.25 s: a tenth every 2.5 s
            now[0] += 0.25
            task.advance(10)
    with progress.task("checks", "texts", unit="texts") as untotalled:  # no total: a line every 5 s
        for _ in range(24):
            now[0] += 1
            untotalled.advance()
    lines = shown.getvalue().splitlines()
    assert lines[0] == "[reports] reading: started (1,000 reports)"
    assert [line.split(": ")[1].split(" (")[0] for line in lines[1:10]] == [
        f"{done:,}/1,000 reports" for done in range(100, 1000, 100)]
    assert lines[10].startswith("[reports] reading: 1,000/1,000 reports (100%) done")
    assert lines[11:] == ["[checks] texts: started"] + [f"[checks] texts: {n} texts, 1.0 texts/s" for n in (5, 10, 15, 20)] + [
        lines[-1]]
    assert lines[-1].startswith("[checks] texts: 24 texts done")
    crowded = io.StringIO()  # tenths passed within a second of each other: one line for them
    with PlainLines(crowded, interval=5, min_gap=1, clock=lambda: now[0]).task("r", "fast", total=10, unit="x") as task:
        task.advance(5)
        now[0] += 1
        task.advance(4)
    assert crowded.getvalue().splitlines()[1:] == ["[r] fast: 9/10 x (90%), 9.0 x/s", crowded.getvalue().splitlines()[-1]]


class Recorded(Progress):
    def __init__(self):
        self.seen = []

    def advanced(self, task):
        self.seen.append((task.what, task.done, task.total))


def test_reports_read_in_worker_processes_are_counted_in_the_run_as_batches_finish(tmp_path):
    raw = tmp_path / "raw"
    copies_of_the_sample(raw, 12)
    recorded = Recorded()
    read_corpus(raw, TODAY, tmp_path / "cache", TableFolder(tmp_path / "out"), workers=2, batch_size=4,
                parallel_from=0, progress=recorded)
    reading = [(done, total) for what, done, total in recorded.seen if what == "reading"]
    assert sorted(reading) == [(4, 12), (8, 12), (12, 12)]
