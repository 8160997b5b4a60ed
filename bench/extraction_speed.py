"""`figures extract DIR` against a plain regular-expression scan of the same files, and its peak memory.

Writes the FA-KES articles as Markdown reports (front matter and text),
repeated until the folder holds the size asked (default 30 MB), then times
two commands, each a fresh process over the whole folder:

  scan:     python bench/digit_scan.py DIR   (reads every file, re.findall(r"\\d[\\d,.]*"))
  extract:  figures extract DIR > /dev/null

Each is run several times, alternating; the CPU time (user + system) of each
run is read from the operating system, and the ratio of the medians is
printed, with wall time beside it. Then the peak resident memory of
`figures extract` over a quarter, a half and all of the folder: it should
stay flat, since files are read and extracted one at a time.
Run: .venv/bin/python bench/extraction_speed.py [--mb 30] [--runs 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fakes import FAKES, articles  # noqa: E402

HERE = Path(__file__).resolve().parent
FIGURES = Path(sys.executable).with_name("figures")
TARGET_RATIO = 20  # the command may be at most this many times slower than the scan (goal 10)


def write_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """FA-KES articles as Markdown reports, cycled until ``megabytes``; (files, bytes) written."""
    frame = articles()
    limit, written, files = megabytes * 1_000_000, 0, 0
    while written < limit:
        for text, published, publisher in zip(frame["text"], frame["published"], frame["publisher"]):
            body = (f"---\ntitle: FA-KES article {files}\npublisher: {publisher}\n"
                    f"url: https://example.org/fakes/{files}\npublished: {published.isoformat()}\n---\n{text}\n")
            data = body.encode("utf-8")
            (folder / f"{files // 1000:03d}").mkdir(exist_ok=True)
            (folder / f"{files // 1000:03d}" / f"article-{files:06d}.md").write_bytes(data)
            written += len(data)
            files += 1
            if written >= limit:
                break
    return files, written


def run_with_usage(command: list[str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak resident MB) of one run of ``command``, output discarded."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    error = process.stderr.read().decode()
    process.stderr.close()
    if status:
        raise SystemExit(f"{' '.join(command)} failed: {error[-400:]}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=30.0, help="megabytes of reports to write (default 30)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each command (default 3)")
    args = parser.parse_args()
    if not FAKES.is_dir():
        print(f"{FAKES} not found: the corpus lives in ../shared beside the checkout", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="extraction-speed-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        files, size = write_corpus(folder, args.mb)
        scan_command = [sys.executable, str(HERE / "digit_scan.py"), str(folder)]
        extract_command = [str(FIGURES), "extract", str(folder)]
        scans, extracts = [], []
        for _ in range(args.runs):
            scans.append(run_with_usage(scan_command))
            extracts.append(run_with_usage(extract_command))
        scan_cpu, extract_cpu = (statistics.median(run[0] for run in runs) for runs in (scans, extracts))
        scan_wall, extract_wall = (statistics.median(run[1] for run in runs) for runs in (scans, extracts))
        ratio = extract_cpu / scan_cpu
        print(f"corpus:               {files} Markdown reports, {size / 1e6:.1f} MB (FA-KES articles, repeated)")
        print(f"digit scan command:   {scan_cpu:7.2f} s CPU  {scan_wall:7.2f} s wall  ({size / 1e6 / scan_cpu:6.2f} MB/s)")
        print(f"figures extract DIR:  {extract_cpu:7.2f} s CPU  {extract_wall:7.2f} s wall  "
              f"({size / 1e6 / extract_cpu:6.2f} MB/s)")
        print(f"extract / scan:       {ratio:7.1f}x CPU  {extract_wall / scan_wall:7.1f}x wall  "
              f"(target: at most {TARGET_RATIO}x) -> {'met' if ratio <= TARGET_RATIO else 'MISSED'}")
        subfolders = sorted(p for p in folder.iterdir() if p.is_dir())
        for share in (4, 2, 1):
            chosen = subfolders[:max(1, len(subfolders) // share)]
            _, _, peak = run_with_usage([str(FIGURES), "extract", *map(str, chosen)])
            print(f"peak memory, 1/{share} of the corpus: {peak:7.1f} MB resident")
    return 0


if __name__ == "__main__":
    sys.exit(main())
