"""`figures extract DIR` against a plain regular-expression scan of the same files, per language, and its peak memory.

For each language asked (default: en, fr, ar), writes its articles as Markdown
reports (front matter and text), repeated until the folder holds the size
asked (default 30 MB): English from the FA-KES articles, French and Arabic
from the labelled Wikinews articles of ../shared/corpus/wikinews-fr and
wikinews-ar (each copy dated a day later, so no copy repeats another's
sentences and dates). Then times two commands, each a fresh process over the
whole folder:

  scan:     python bench/digit_scan.py DIR   (reads every file, re.findall(r"\\d[\\d,.]*"))
  extract:  figures extract DIR > /dev/null

Each is run several times, alternating; the CPU time (user + system) of each
run is read from the operating system, and the ratio of the medians is
printed, with wall time beside it. French and Arabic are then set against
English: each must extract at least half as many MB per CPU second. Last,
the peak resident memory of `figures extract` over a quarter, a half and all
of the English folder: it should stay flat, since files are read and
extracted one at a time.

To time another checkout's code with the same bench (main's English speed,
say), put that checkout first on the path: PYTHONPATH=/path/to/checkout.
Run: .venv/bin/python bench/extraction_speed.py [--mb 30] [--runs 3] [--languages en,fr,ar]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import CORPORA  # noqa: E402
from fakes import FAKES, articles  # noqa: E402

HERE = Path(__file__).resolve().parent
FIGURES = Path(sys.executable).with_name("figures")
TARGET_RATIO = 15  # the command may be at most this many times slower than the scan (goal 10)
LANGUAGE_SHARE = 0.5  # French and Arabic extract at least half as many MB per CPU second as English
LABELLED = {"fr": "wikinews-fr", "ar": "wikinews-ar"}  # the articles each language is timed on


def _write(folder: Path, files: int, body: str) -> int:
    data = body.encode("utf-8")
    (folder / f"{files // 1000:03d}").mkdir(exist_ok=True)
    (folder / f"{files // 1000:03d}" / f"article-{files:06d}.md").write_bytes(data)
    return len(data)


def _cycled(folder: Path, megabytes: float, documents: list, report) -> tuple[int, int]:
    """Write ``report(document, index)`` for ``documents`` cycled until ``megabytes``; (files, bytes) written."""
    limit, written, files = megabytes * 1_000_000, 0, 0
    while written < limit:
        for document in documents:
            written += _write(folder, files, report(document, files))
            files += 1
            if written >= limit:
                break
    return files, written


def write_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """FA-KES articles as Markdown reports, cycled until ``megabytes``; (files, bytes) written."""
    frame = articles()
    return _cycled(folder, megabytes, list(zip(frame["text"], frame["published"], frame["publisher"])),
                   lambda row, index: f"---\ntitle: FA-KES article {index}\npublisher: {row[2]}\n"
                                      f"url: https://example.org/fakes/{index}\npublished: {row[1].isoformat()}\n"
                                      f"---\n{row[0]}\n")


def write_labelled_corpus(folder: Path, megabytes: float, code: str) -> tuple[int, int]:
    """A language's labelled articles as Markdown reports, cycled until ``megabytes``, each copy a day later."""
    items = [json.loads(line) for line in (CORPORA / LABELLED[code] / "articles.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    first = dt.date(2015, 1, 1)
    return _cycled(folder, megabytes, items,
                   lambda item, index: f"---\ntitle: article {index}\npublisher: Wikinews\nlanguage: {code}\n"
                                       f"published: {(first + dt.timedelta(days=index)).isoformat()}\n---\n"
                                       f"{item['text']}\n")


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


def timed(folder: Path, runs: int) -> tuple[float, float, float, float]:
    """(scan CPU, extract CPU, scan wall, extract wall): medians of ``runs`` alternating runs of each command."""
    scan_command = [sys.executable, str(HERE / "digit_scan.py"), str(folder)]
    extract_command = [str(FIGURES), "extract", str(folder)]
    scans, extracts = [], []
    for _ in range(runs):
        scans.append(run_with_usage(scan_command))
        extracts.append(run_with_usage(extract_command))
    return (*(statistics.median(run[0] for run in found) for found in (scans, extracts)),
            *(statistics.median(run[1] for run in found) for found in (scans, extracts)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=30.0, help="megabytes of reports per language (default 30)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each command (default 3)")
    parser.add_argument("--languages", default="en,fr,ar", help="languages to time, en first (default en,fr,ar)")
    args = parser.parse_args()
    languages = args.languages.split(",")
    if not FAKES.is_dir() or any(not (CORPORA / LABELLED[code]).is_dir() for code in languages if code != "en"):
        print(f"{FAKES.parent} not found: the corpora live in ../shared beside the checkout", file=sys.stderr)
        return 2
    speeds = {}
    with tempfile.TemporaryDirectory(prefix="extraction-speed-") as tmp:
        for code in languages:
            folder = Path(tmp) / code
            folder.mkdir()
            files, size = (write_corpus(folder, args.mb) if code == "en" else
                           write_labelled_corpus(folder, args.mb, code))
            scan_cpu, extract_cpu, scan_wall, extract_wall = timed(folder, args.runs)
            ratio, speeds[code] = extract_cpu / scan_cpu, size / 1e6 / extract_cpu
            source = "FA-KES articles" if code == "en" else f"{LABELLED[code]} articles"
            print(f"[{code}] corpus:               {files} Markdown reports, {size / 1e6:.1f} MB ({source}, repeated)")
            print(f"[{code}] digit scan command:   {scan_cpu:7.2f} s CPU  {scan_wall:7.2f} s wall  "
                  f"({size / 1e6 / scan_cpu:6.2f} MB/s)")
            print(f"[{code}] figures extract DIR:  {extract_cpu:7.2f} s CPU  {extract_wall:7.2f} s wall  "
                  f"({speeds[code]:6.2f} MB/s)")
            print(f"[{code}] extract / scan:       {ratio:7.1f}x CPU  {extract_wall / scan_wall:7.1f}x wall  "
                  f"(target: at most {TARGET_RATIO}x) -> {'met' if ratio <= TARGET_RATIO else 'MISSED'}")
            if code == "en":
                subfolders = sorted(p for p in folder.iterdir() if p.is_dir())
                for share in (4, 2, 1):
                    chosen = subfolders[:max(1, len(subfolders) // share)]
                    _, _, peak = run_with_usage([str(FIGURES), "extract", *map(str, chosen)])
                    print(f"[en] peak memory, 1/{share} of the corpus: {peak:7.1f} MB resident")
            shutil.rmtree(folder)
    if "en" in speeds:
        for code, speed in speeds.items():
            if code != "en":
                share = speed / speeds["en"]
                print(f"[{code}] speed per MB / English: {share:5.2f} (target: at least {LANGUAGE_SHARE}) -> "
                      f"{'met' if share >= LANGUAGE_SHARE else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
