"""Where batches run: in this process, in a pool of local processes, or on a Dask cluster.

Every way yields the same results; only the order in which batches finish
differs, and the caller orders what it keeps. At most a few batches per
worker are in flight, so finished results never pile up in memory.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Iterable, Iterator

from pipeline.corpus.batch import read_batch

IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT = "5s"  # a scheduler that has not answered by then is taken as down


class SchedulerUnreachable(RuntimeError):
    """The Dask scheduler named for the run does not answer."""


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _bounded(submit, batches: Iterable, limit: int) -> Iterator:
    """Submit batches keeping at most ``limit`` unfinished; yield results as they finish."""
    pending = set()
    for batch in batches:
        pending.add(submit(batch))
        if len(pending) >= limit:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from (future.result() for future in done)


def run_here(raw_dir: str, batches: Iterable[list], today: str) -> Iterator[dict]:
    for batch in batches:
        yield read_batch(raw_dir, batch, today)


def run_in_processes(raw_dir: str, batches: Iterable[list], today: str, workers: int) -> Iterator[dict]:
    """Batches in ``workers`` fresh processes (spawned: nothing of this process is shared)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from _bounded(lambda batch: pool.submit(read_batch, raw_dir, batch, today),
                            batches, workers * IN_FLIGHT_PER_WORKER)


def connect(address: str):
    """A Dask client of the scheduler at ``address``, or SchedulerUnreachable saying so in one line."""
    from distributed import Client

    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise SchedulerUnreachable(f"Dask scheduler {address} cannot be reached ({error})") from None


def run_on_cluster(raw_dir: str, batches: Iterable[list], today: str, address: str) -> Iterator[dict]:
    """Batches as tasks on the Dask cluster whose scheduler is at ``address``.

    Workers read the raw files at ``raw_dir``: the folder must be at the same
    path on every worker (a shared filesystem).
    """
    from distributed import as_completed

    client = connect(address)
    try:
        limit = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        running = as_completed(loop=client.loop)  # the client is not the process's default
        for batch in batches:
            running.add(client.submit(read_batch, raw_dir, batch, today, pure=False))
            if running.count() >= limit:
                yield next(running).result()
        for future in running:
            yield future.result()
    finally:
        client.close()
