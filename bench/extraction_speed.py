"""Extraction throughput against a plain regular-expression scan, and peak memory.

Streams the FA-KES articles, repeated until the text reaches the size asked
(default 20 MB), through (1) a scan for digits with Python's `re` and (2) the
claim extractor, one core, in the same process and article by article; prints
MB/s of CPU time of each and their ratio. Then runs the extractor in fresh processes over growing corpora and
prints each one's peak resident memory: it should stay flat.
Run: .venv/bin/python bench/extraction_speed.py [--mb 20]
"""
from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fakes import FAKES, articles  # noqa: E402

from pipeline.extract import ReportContext, extract_claims  # noqa: E402

DIGITS = re.compile(r"\d+")
TARGET_RATIO = 20  # extraction may be at most this many times slower than the scan


def stream(megabytes: float) -> Iterator[tuple[str, ReportContext, int]]:
    """(text, context, size in bytes) of articles, cycled until ``megabytes`` have passed.

    Only the 804 distinct articles are held; the repeated corpus is never built.
    """
    frame = articles()
    items = [(text, ReportContext(published=published, publisher=publisher), len(text.encode("utf-8")))
             for text, published, publisher in zip(frame["text"], frame["published"], frame["publisher"])]
    del frame
    limit, sent = megabytes * 1_000_000, 0
    while True:
        for item in items:
            yield item
            sent += item[2]
            if sent >= limit:
                return


def paired_rates(megabytes: float) -> tuple[float, float, int, int]:
    """(scan MB/s, extraction MB/s, digit runs, claims) over one pass of the stream.

    Each article is scanned and then extracted, and the CPU time of each is
    added up separately: both see the same machine at the same moments, so a
    busy neighbour on a shared machine slows both alike and the ratio holds.
    """
    clock = time.process_time_ns
    scan_ns = extract_ns = size = digits = claims = 0
    for text, context, nbytes in stream(megabytes):
        started = clock()
        digits += len(DIGITS.findall(text))
        scanned = clock()
        claims += len(extract_claims(text, context))
        extract_ns += clock() - scanned
        scan_ns += scanned - started
        size += nbytes
    return size / 1e3 / scan_ns * 1e6, size / 1e3 / extract_ns * 1e6, digits, claims


def extraction_rate(megabytes: float) -> float:
    """MB/s of CPU time for the claim extractor alone over the stream."""
    size, started = 0, time.process_time()
    for text, context, nbytes in stream(megabytes):
        extract_claims(text, context)
        size += nbytes
    return size / 1e6 / (time.process_time() - started)


def peak_memory_mb(megabytes: float) -> float:
    """Peak resident memory of a fresh process extracting ``megabytes`` of text."""
    child = subprocess.run([sys.executable, __file__, "--child", str(megabytes)],
                           capture_output=True, text=True, check=True)
    return float(child.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="megabytes of text to stream (default 20)")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        extraction_rate(args.child)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return 0
    if not FAKES.is_dir():
        print(f"{FAKES} not found: the corpus lives in ../shared beside the checkout", file=sys.stderr)
        return 2
    scan, extract, digits, claims = paired_rates(args.mb)
    ratio = scan / extract
    print(f"text streamed:        {args.mb:.0f} MB (FA-KES articles, repeated)")
    print(f"regex digit scan:     {scan:8.2f} MB/s  ({digits} digit runs)")
    print(f"claim extraction:     {extract:8.2f} MB/s  ({claims} claims)")
    print(f"scan / extraction:    {ratio:8.1f}x  (target: at most {TARGET_RATIO}x) -> "
          f"{'met' if ratio <= TARGET_RATIO else 'MISSED'}")
    for size in (args.mb / 4, args.mb / 2, args.mb):
        print(f"peak memory, {size:5.1f} MB corpus: {peak_memory_mb(size):7.1f} MB resident")
    return 0


if __name__ == "__main__":
    sys.exit(main())
