"""How a step says how far it has got, without knowing who listens.

A step that takes a while accepts a ``Progress`` and opens a task on it for
each part of its work::

    with progress.task("reports", "reading", total=len(files), unit="reports") as task:
        for batch in finished_batches:
            task.advance(len(batch))

The default, ``SILENT``, draws nothing, so the steps stay plain Python: they
import neither Dagster nor a progress library. `figures run` hands them a
``Progress`` that draws bars on a terminal or writes plain lines
(``pipeline.console``). Work done in worker processes or on a cluster is
counted where its results come back, in the process that owns the task.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


class Task:
    """One part of a step's work: how much of it is done, out of how much when known."""

    def __init__(self, progress: "Progress", step: str, what: str, total: int | None, unit: str):
        self.progress, self.step, self.what, self.total, self.unit = progress, step, what, total, unit
        self.done = 0
        self.note = ""          # said when the task ends, e.g. "40 from the cache"
        self.failed = False

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        self.progress.advanced(self)

    def set_total(self, total: int) -> None:
        self.total = total
        self.progress.advanced(self)


class Progress:
    """Receives the tasks of a run's steps; this base class shows nothing (``SILENT``)."""

    def started(self, task: Task) -> None:
        pass

    def advanced(self, task: Task) -> None:
        pass

    def finished(self, task: Task) -> None:
        pass

    def say(self, line: str) -> None:
        """A line worth showing now, such as why the run is waiting."""

    @contextmanager
    def task(self, step: str, what: str, total: int | None = None, unit: str = "") -> Iterator[Task]:
        """A task of ``step`` (``what`` it does; ``total`` units of ``unit`` when known), ended on leaving."""
        opened = Task(self, step, what, total, unit)
        self.started(opened)
        try:
            yield opened
        except BaseException:
            opened.failed = True
            raise
        finally:
            self.finished(opened)


SILENT = Progress()
