"""A `figures run` in a shared Dagster instance: opened safely, known alive while it runs, tidied after a kill.

Two runs started together on a new Dagster home would both create its SQLite
run storage and one would fail (Dagster stamps the schema version without
retrying), so the instance is opened under a lock in the home (``open_instance``).

Each run started by `figures run` holds a lock file
(``storage/tables/runs/<run id>.lock``, ``flock``) for as long as its process
lives; the kernel lets go of it when the process ends, however it ends. So
another run can tell a run that is still going from one that was killed:

- a killed run stays "started" in Dagster's run storage; the next run marks it
  failed, with a message saying its process ended, so the UI does not show it
  running for ever;
- a killed or finished run's tables are removed unless an asset's latest
  pointer names them; a live run's never are. Runs started from the UI hold
  no such lock and are left alone until Dagster records them finished.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import dagster as dg

from pipeline.orchestration.storage import LATEST_FOLDER, RUNS_FOLDER, latest_runs, run_tables, tables_root

STARTED_BY_TAG = "figures/started_by"
STARTED_BY = "figures run"
INSTANCE_LOCK = ".figures-instance.lock"
UNFINISHED = [dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]
FINISHED = {dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED}
ENDED_MESSAGE = "the process running it ended before the run finished (killed or crashed); nothing it left is used"


def _lock_path(instance: dg.DagsterInstance, run_id: str) -> Path:
    return run_tables(instance, run_id).with_suffix(".lock")


def _held_elsewhere(lock: Path) -> bool | None:
    """Whether another process holds ``lock``; None when there is no such file."""
    try:
        handle = os.open(lock, os.O_RDWR)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(handle)  # closing lets go of the lock, if it was taken


@contextmanager
def open_instance(home: Path) -> Iterator[dg.DagsterInstance]:
    """The Dagster instance at ``home`` (DAGSTER_HOME), created by one process at a time."""
    handle = os.open(home / INSTANCE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        instance = dg.DagsterInstance.get()
    finally:
        os.close(handle)
    with instance:
        yield instance


@contextmanager
def live_run(instance: dg.DagsterInstance) -> Iterator[str]:
    """A new run id, locked as alive until the block ends (or the process does)."""
    run_id = str(uuid.uuid4())
    lock = _lock_path(instance, run_id)
    lock.parent.mkdir(parents=True, exist_ok=True)
    unnamed = lock.with_name(f".{lock.name}.tmp")
    handle = os.open(unnamed, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        os.rename(unnamed, lock)  # seen by others only once held
        yield run_id
    finally:
        os.close(handle)


def fail_ended_runs(instance: dg.DagsterInstance) -> list[str]:
    """Mark failed the runs of `figures run` still recorded as going whose process has ended."""
    runs = instance.get_runs(dg.RunsFilter(statuses=UNFINISHED, tags={STARTED_BY_TAG: STARTED_BY}))
    ended = [run for run in runs if not _held_elsewhere(_lock_path(instance, run.run_id))]
    for run in ended:
        instance.report_run_failed(run, message=ENDED_MESSAGE)
    return [run.run_id for run in ended]


def remove_unused_tables(instance: dg.DagsterInstance, keep: str) -> None:
    """Remove the table folders of runs that have ended, except those an asset's latest output is in.

    ``keep`` is the calling run's own. A run holding its lock is alive; a run
    without a lock (started from the UI) counts as ended once Dagster records
    it finished, or when Dagster has no record of it.
    """
    root = tables_root(instance)
    runs = root / RUNS_FOLDER
    if not runs.is_dir():
        return
    pointed = latest_runs(instance) | {keep}
    for run_id in sorted({entry.name.removesuffix(".lock") for entry in runs.iterdir()
                          if not entry.name.startswith(".")} - pointed):
        held = _held_elsewhere(runs / f"{run_id}.lock")
        if held:
            continue
        if held is None:
            record = instance.get_run_by_id(run_id)
            if record is not None and record.status not in FINISHED:
                continue
        shutil.rmtree(runs / run_id, ignore_errors=True)
        (runs / f"{run_id}.lock").unlink(missing_ok=True)
    for leftover in root.iterdir():  # tables of the layout before runs had folders of their own
        if leftover.name in {RUNS_FOLDER, LATEST_FOLDER}:
            continue
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
