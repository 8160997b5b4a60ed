"""`figures run` on N reports as a user runs it: wall time per step, peak memory, incremental cost.

For each N: writes N reports (bench/scale_corpus.py: FA-KES articles and the
bundled sample as Markdown with front matter, dates over a year, many
publishers) into a temporary folder, runs the installed `figures run` on them
in a subprocess with its own DAGSTER_HOME and output folder, then adds 1% new
reports and runs it again. Prints, per run, the wall time of the command, of
each Dagster step (from the run's event log in DAGSTER_HOME, as the UI shows
them) and of everything outside the steps (start-up: imports, loading the
definitions, the instance); the CPU time of the command with all its worker
processes, and of each asset as it records it in its metadata (`cpu_seconds`),
which a shared, busy machine does not inflate as it does wall time; the peak
resident memory of the whole process tree (the command and every worker it
starts, sampled every 50 ms); and the incremental run's cost as a share of
the full run's.

Run: .venv/bin/python bench/scale.py 1000 10000 100000 [--workers N] [--keep]
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fakes import FAKES  # noqa: E402
from scale_corpus import copy_other_formats, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIGURES = Path(sys.executable).with_name("figures")
TARGET_SECONDS = {10_000: 60, 100_000: 300}
TARGET_PEAK_MB = 2048
TARGET_INCREMENTAL = 0.10
RUN_ID = re.compile(r"Dagster run ([0-9a-f-]{36})")


class TreeMemory(threading.Thread):
    """Samples the resident memory of a process and all its descendants; keeps the peak."""

    def __init__(self, pid: int, every: float = 0.05):
        super().__init__(daemon=True)
        self.root, self.every, self.peak, self.stopped = psutil.Process(pid), every, 0, threading.Event()

    def run(self):
        while not self.stopped.is_set():
            total = 0
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for process in processes:
                try:
                    total += process.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(self.every)


def step_seconds(home: Path, run_id: str) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Wall seconds of each step of a Dagster run, and the CPU seconds (its process and its
    worker processes) and peak resident memory so far each asset recorded, from the run's event log."""
    from dagster import DagsterInstance

    starts, seconds, cpu, rss = {}, {}, {}, {}
    with DagsterInstance.from_config(str(home)) as instance:
        for entry in instance.all_logs(run_id):
            event = entry.dagster_event
            if event is None or entry.step_key is None:
                continue
            if event.event_type_value == "STEP_START":
                starts[entry.step_key] = entry.timestamp
            elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
                seconds[entry.step_key] = entry.timestamp - starts[entry.step_key]
            elif event.event_type_value == "ASSET_MATERIALIZATION":
                metadata = event.event_specific_data.materialization.metadata
                if "cpu_seconds" in metadata:
                    cpu[entry.step_key] = metadata["cpu_seconds"].value
                if "peak_rss_mb_so_far" in metadata:
                    rss[entry.step_key] = metadata["peak_rss_mb_so_far"].value
    return seconds, cpu, rss


def figures_run(folder: Path, workers: int | None) -> dict:
    """One `figures run` in ``folder``: wall seconds, steps, peak MB and what it printed."""
    command = [str(FIGURES), "run", "--raw", "raw", "--out", "published", "--overrides", str(ROOT / "data" / "overrides.yaml")]
    if workers:
        command += ["--workers", str(workers)]
    env = {**os.environ, "DAGSTER_HOME": str(folder / "dagster")}
    (folder / "dagster").mkdir(exist_ok=True)
    (folder / "dagster" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(child.pid)
    memory.start()
    out, err = child.communicate()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    memory.stopped.set()
    memory.join()
    if child.returncode != 0:
        raise SystemExit(f"figures run failed ({child.returncode}):\n{out}\n{err}")
    steps, step_cpu, step_rss = step_seconds(folder / "dagster", RUN_ID.search(out).group(1))
    return {"wall": wall, "cpu": cpu, "steps": steps, "step_cpu": step_cpu, "step_rss": step_rss,
            "peak_mb": memory.peak / 2**20, "printed": out}


def _show(label: str, run: dict) -> None:
    outside = run["wall"] - sum(run["steps"].values())
    steps = "  ".join(f"{name} {seconds:.1f}" for name, seconds in run["steps"].items())
    cpu = "  ".join(f"{name} {seconds:.1f}" for name, seconds in run["step_cpu"].items())
    print(f"  {label:<12} {run['wall']:7.1f} s wall, {run['cpu']:.1f} s CPU   peak {run['peak_mb']:6.0f} MB   "
          f"outside steps {outside:.1f} s")
    print(f"  {'':<12} steps, wall (s): {steps}")
    rss = "  ".join(f"{name} {mb:.0f}" for name, mb in run["step_rss"].items())
    print(f"  {'':<12} assets, CPU with their workers (s): {cpu}")
    print(f"  {'':<12} assets, peak RSS of one process so far (MB): {rss}")
    for line in run["printed"].splitlines():
        if line.startswith(("  reports", "Published", "Nothing")):
            print(f"  {'':<12} {line.strip()}")


def bench(n: int, workers: int | None, keep: bool) -> dict:
    folder = Path(tempfile.mkdtemp(prefix=f"figures-scale-{n}-"))
    try:
        raw = folder / "raw"
        raw.mkdir()
        others = copy_other_formats(raw)
        size = write_corpus(raw, 0, n - others)
        print(f"N = {n:,} reports ({size / 1e6:.0f} MB of Markdown, {others} other formats) in {folder}")
        full = figures_run(folder, workers)
        _show("full run", full)
        added = max(1, n // 100)
        write_corpus(raw, n - others, added)
        again = figures_run(folder, workers)
        _show(f"+{added} (1%)", again)
        share = again["wall"] / full["wall"]
        print(f"  incremental run: {share:.1%} of the full run's wall time, {again['cpu'] / full['cpu']:.1%} of its CPU time")
        return {"n": n, "full": full, "incremental": again, "share": share, "cpu_share": again["cpu"] / full["cpu"]}
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int, metavar="N", help="numbers of reports")
    parser.add_argument("--workers", type=int, help="pass --workers to figures run (default: its own, every core)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args()
    if not FAKES.is_dir():
        print(f"{FAKES} not found: the corpus lives in ../shared beside the checkout", file=sys.stderr)
        return 2
    results = [bench(n, args.workers, args.keep) for n in args.sizes]
    names = list(results[0]["full"]["steps"])
    print("\n| N | full run wall (s) | CPU (s) | " + " | ".join(names) + " | peak MB | +1% run wall (s) | CPU (s) | share wall | share CPU |")
    print("|---" * (9 + len(names)) + "|")
    for r in results:
        steps = " | ".join(f"{r['full']['steps'].get(name, 0):.1f}" for name in names)
        peak = max(r["full"]["peak_mb"], r["incremental"]["peak_mb"])
        print(f"| {r['n']:,} | {r['full']['wall']:.1f} | {r['full']['cpu']:.1f} | {steps} | {peak:.0f} | "
              f"{r['incremental']['wall']:.1f} | {r['incremental']['cpu']:.1f} | {r['share']:.1%} | {r['cpu_share']:.1%} |")
    for r in results:
        peak = max(r["full"]["peak_mb"], r["incremental"]["peak_mb"])
        target = TARGET_SECONDS.get(r["n"])
        verdicts = [f"peak {peak:.0f} MB <= {TARGET_PEAK_MB}: {'met' if peak <= TARGET_PEAK_MB else 'MISSED'}",
                    f"incremental {r['share']:.1%} <= {TARGET_INCREMENTAL:.0%}: "
                    f"{'met' if r['share'] <= TARGET_INCREMENTAL else 'MISSED'}"]
        if target:
            verdicts.insert(0, f"{r['full']['wall']:.0f} s <= {target} s: {'met' if r['full']['wall'] <= target else 'MISSED'}")
        print(f"N = {r['n']:,}: " + "; ".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
