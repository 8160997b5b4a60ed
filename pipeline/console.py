"""What `figures run` shows while it works: bars on a terminal, plain lines elsewhere.

- On a terminal: a tqdm bar per task, with counts, rate and time left
  ("reports: reading  40%|████      | 400/1000 reports [00:05<00:07, 80.0 reports/s]").
  tqdm because it is small (Dagster installs it too), draws one bar at a time,
  which is how the run's steps go (one after another), and needs no screen
  of its own: lines said while a bar is drawn are written above it.
- Piped to a file, or under CI (``CI=true``) or ``TERM=dumb``: plain lines with
  no control characters: one when a task starts, a count at every further
  tenth of it (at most one a second) and at least every five seconds, and one
  when it ends.
- ``--quiet``: nothing (``pipeline.progress.SILENT``); the run prints only its summary.
"""
from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from pipeline.progress import SILENT, Progress, Task

PLAIN_INTERVAL_SECONDS = 5.0  # a count line at least this often while a task goes on
MIN_GAP_SECONDS = 1.0         # and at each further tenth of it, but not more often than this


def _rate(task: Task, seconds: float) -> str:
    return f"{task.done / seconds:,.1f} {task.unit}/s" if seconds > 0 and task.done else ""


class PlainLines(Progress):
    """Progress as plain lines, for logs and CI."""

    def __init__(self, stream: TextIO, interval: float = PLAIN_INTERVAL_SECONDS, min_gap: float = MIN_GAP_SECONDS,
                 clock=time.monotonic):
        self.stream, self.interval, self.min_gap, self.clock = stream, interval, min_gap, clock
        self._last_line: dict[int, float] = {}
        self._started: dict[int, float] = {}
        self._next_tenth: dict[int, int] = {}

    def _write(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def _count(self, task: Task) -> str:
        if task.total is None:
            return f"{task.done:,} {task.unit}"
        share = f" ({task.done * 100 // task.total}%)" if task.total else ""
        return f"{task.done:,}/{task.total:,} {task.unit}{share}"

    def started(self, task: Task) -> None:
        if task.total == 0:
            return  # nothing to do: nothing to say
        self._last_line[id(task)] = self._started[id(task)] = self.clock()
        self._next_tenth[id(task)] = 1
        size = "" if task.total is None else f" ({task.total:,} {task.unit})"
        self._write(f"[{task.step}] {task.what}: started{size}")

    def advanced(self, task: Task) -> None:
        now, key = self.clock(), id(task)
        if key not in self._last_line:
            return
        since = now - self._last_line.get(key, now)
        tenth = self._next_tenth.get(key, 1)
        crossed = bool(task.total) and task.done * 10 >= tenth * task.total and task.done < task.total
        if not (crossed and since >= self.min_gap) and since < self.interval:
            return
        if task.total:
            self._next_tenth[key] = task.done * 10 // task.total + 1
        self._last_line[key] = now
        rate = _rate(task, now - self._started[key])
        self._write(f"[{task.step}] {task.what}: {self._count(task)}" + (f", {rate}" if rate else ""))

    def finished(self, task: Task) -> None:
        if self._last_line.pop(id(task), None) is None:
            return
        self._next_tenth.pop(id(task), None)
        seconds = self.clock() - self._started.pop(id(task))
        if task.failed:
            self._write(f"[{task.step}] {task.what}: stopped at {self._count(task)}")
            return
        details = ", ".join(part for part in (f"{seconds:.1f} s", _rate(task, seconds), task.note) if part)
        self._write(f"[{task.step}] {task.what}: {self._count(task)} done ({details})")

    def say(self, line: str) -> None:
        self._write(line)


class TerminalBars(Progress):
    """A tqdm bar per task, left on screen when the task ends."""

    def __init__(self, stream: TextIO):
        from tqdm import tqdm

        self.stream, self._tqdm = stream, tqdm
        self._bars: dict[int, object] = {}

    def started(self, task: Task) -> None:
        if task.total == 0:
            return
        counted = "{n_fmt}" if task.total is None else "{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}"
        self._bars[id(task)] = self._tqdm(
            total=task.total, desc=f"{task.step}: {task.what}", unit=f" {task.unit}", file=self.stream,
            leave=True, dynamic_ncols=True, mininterval=0.1, unit_scale=False,
            bar_format="{desc:<21} " + counted + "{unit} [{elapsed}<{remaining}, {rate_fmt}{postfix}]")

    def advanced(self, task: Task) -> None:
        bar = self._bars.get(id(task))
        if bar is None:
            return
        if task.total is not None and bar.total != task.total:
            bar.total = task.total
        bar.update(task.done - bar.n)

    def finished(self, task: Task) -> None:
        bar = self._bars.pop(id(task), None)
        if bar is None:
            return
        if task.note:
            bar.set_postfix_str(task.note, refresh=False)
        bar.update(task.done - bar.n)
        bar.close()

    def say(self, line: str) -> None:
        self._tqdm.write(line, file=self.stream)


def on_a_terminal(stream: TextIO) -> bool:
    """Whether bars can be drawn: a terminal, not CI, not a dumb terminal."""
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def progress_for(quiet: bool, stream: TextIO | None = None) -> Progress:
    """What `figures run` shows on ``stream`` (standard error by default)."""
    stream = stream or sys.stderr
    if quiet:
        return SILENT
    return TerminalBars(stream) if on_a_terminal(stream) else PlainLines(stream)
