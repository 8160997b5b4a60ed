"""`figures run` as a user starts it, in its own process group, watched while it runs.

Used by the fault and progress tests: a corpus of edited copies of the bundled
reports, a run whose output lines and files can be waited for, and the checks
that what a run leaves in the output folder and caches is whole.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq

from conftest import ROOT, SAMPLE_RAW
from pipeline.publish.verify import verify_release

RELEASE_FILES = {"LATEST", "index.json", "index.html"}


def copies_of_the_sample(raw: Path, count: int, first: int = 0) -> list[Path]:
    """``count`` Markdown reports, each a bundled one with its title and last line edited: new bytes each."""
    raw.mkdir(parents=True, exist_ok=True)
    sample = sorted(SAMPLE_RAW.glob("*.md"))
    written = []
    for number in range(first, first + count):
        source = sample[number % len(sample)]
        text = source.read_text(encoding="utf-8").replace('\ntitle: "', f'\ntitle: "Copy {number}: ', 1)
        path = raw / f"{number:04d}-{source.name}"
        path.write_text(text + f"\nFiled again as copy {number}.\n", encoding="utf-8")
        written.append(path)
    return written


def run_environment(home: Path, **extra: str) -> dict:
    environment = {**os.environ, "DAGSTER_HOME": str(home), "PYTHONUNBUFFERED": "1", **extra}
    environment.pop("FIGURES_DASK_SCHEDULER", None)
    return environment


class WatchedRun:
    """One `figures run`, its output (standard output and error together) collected line by line."""

    def __init__(self, raw: Path, out: Path, home: Path, *options: str, **environment: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "run", "--raw", str(raw), "--out", str(out), *options],
            cwd=ROOT, env=run_environment(home, **{"CI": "true", **environment}), stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, start_new_session=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, moment, timeout: float = 300) -> bool:
        """Wait until ``moment(self)`` holds (True) or the run ends first (False)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if moment(self):
                return True
            if self.process.poll() is not None:
                return moment(self)
            time.sleep(0.005)
        raise TimeoutError(f"the run did not reach the moment in {timeout} s:\n{self.output}")

    def kill(self) -> None:
        """SIGKILL the run's whole process group: the run and any worker it started."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        self._reader.join(timeout=10)

    def finish(self, timeout: float = 300) -> int:
        code = self.process.wait(timeout=timeout)
        self._reader.join(timeout=10)
        return code


def said(text: str):
    """The moment a line holding ``text`` has been written."""
    return lambda run: any(text in line for line in run.lines)


def appeared(folder: Path, pattern: str):
    """The moment a file or folder matching ``pattern`` exists under ``folder``."""
    return lambda run: next(folder.glob(pattern), None) is not None


def release_problems(out: Path, raw: Path | None = None) -> list[str]:
    """What is wrong with the output folder as a reader finds it: every visible release must verify,
    LATEST must name one, and nothing else may be visible but the catalog files."""
    if not out.exists():
        return []
    problems = []
    visible = [entry for entry in out.iterdir() if not entry.name.startswith(".")]
    for entry in visible:
        if entry.is_dir():
            problems += [f"{entry.name}: {problem}" for problem in verify_release(entry, raw)]
        elif entry.name not in RELEASE_FILES:
            problems.append(f"{entry.name}: not a release or catalog file")
    latest = out / "LATEST"
    if latest.exists() and not (out / latest.read_text().strip()).is_dir():
        problems.append(f"LATEST names {latest.read_text().strip()!r}, which is not a release")
    return problems


def unreadable_parquet(folder: Path) -> list[str]:
    """Parquet files under ``folder``, outside hidden (unfinished) folders, that cannot be read whole."""
    bad = []
    for file in folder.rglob("*.parquet"):
        if any(part.startswith(".") for part in file.relative_to(folder).parts):
            continue
        try:
            pq.read_table(file)
        except Exception as error:  # any failure to read is what this looks for
            bad.append(f"{file.relative_to(folder)}: {error}")
    return bad
