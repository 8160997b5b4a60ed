"""Fuzz the readers: seeded mutations of the bundled sample and the ingest test files.

    .venv/bin/python bench/fuzz.py N [--seed S] [--commands K]

Case i of seed S is always the same file: one of the seeds (every file in
data/raw/, the served page in tests/pages/, and the files the ingest tests
write), changed by one to three mutations: flipped bytes, truncation, a wrong
encoding (Latin-1, UTF-16 without byte-order mark, UTF-32, Shift JIS...), NUL
bytes, a 1 MB line, 10,000 nested elements, a broken PDF cross-reference
table, huge numbers (1e400, 400 digits), impossible dates, Unicode controls
and bidirectional overrides, escapes for lone surrogates, a splice of two
files, a wrong file extension.

Each case is read in-process as ingest reads it and, when it becomes a
report, its claims are extracted; the CPU time of both is the file's time.
A case fails when a reader raises instead of giving a quarantine reason, a
reason quotes a Python exception, a report cannot be published (text that is
not Unicode, no publisher), or a file takes over 2 s. Every batch of cases is
also ingested as a folder and validated, so that every file must end as a
report or a quarantine row. ``--commands K`` passes K batches through real
`figures run` and `figures extract` processes, which must exit without a
traceback (run: exit 0, every file accounted for in the release).

Prints the cases run, the failures (each with its mutations) and the slowest
file with its time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import pandas as pd  # noqa: E402

from pipeline.extract import ReportContext, extract_claims  # noqa: E402
from pipeline.ingest.files import RawFile  # noqa: E402
from pipeline.ingest.metadata import MetadataError  # noqa: E402
from pipeline.ingest.reports import SUPPORTED, read_report  # noqa: E402

TODAY = dt.date(2026, 1, 1)
MAX_SECONDS = 2.0
MEGABYTE = 1_000_000
BATCH = 40
# What a Python error message looks like: an exception's name, a traceback, an object's address.
EXCEPTION_WORDS = re.compile(r"Traceback|\b[A-Z][A-Za-z]*(?:Error|Exception|Warning)\b|\bline \d+, in\b|object at 0x")


@dataclass(frozen=True)
class Case:
    number: int
    name: str
    data: bytes
    sidecar: bytes | None
    mutations: tuple[str, ...]


@dataclass
class Outcome:
    case: Case
    seconds: float
    kind: str  # "report" or "quarantine"
    problem: str | None = None
    reason: str | None = None


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def slowest(self) -> Outcome | None:
        return max(self.outcomes, key=lambda o: o.seconds, default=None)


# ---------------------------------------------------------------- seeds


@lru_cache(maxsize=1)
def seeds() -> tuple[tuple[str, bytes, bytes | None], ...]:
    """(name, bytes, sidecar bytes) of every seed file, in a fixed order."""
    found = {}
    for folder in (ROOT / "data" / "raw", ROOT / "tests" / "pages"):
        for file in sorted(folder.iterdir()):
            if file.is_file() and not file.name.endswith(".meta.yaml") and file.suffix in SUPPORTED:
                sidecar = file.with_name(file.name + ".meta.yaml")
                found[f"{folder.name}-{file.name}"] = (file.read_bytes(), sidecar.read_bytes() if sidecar.is_file() else None)
    from test_ingest_formats import build_corpus

    with tempfile.TemporaryDirectory() as scratch:
        raw, outside = Path(scratch) / "raw", Path(scratch) / "outside"
        raw.mkdir()
        outside.mkdir()
        build_corpus(raw, outside)
        for file in sorted(raw.iterdir()):
            if file.is_symlink() or not file.is_file() or file.name.endswith(".meta.yaml") or file.stat().st_size > MEGABYTE:
                continue
            sidecar = file.with_name(file.name + ".meta.yaml")
            found[f"tests-{file.name}"] = (file.read_bytes(), sidecar.read_bytes() if sidecar.is_file() else None)
    return tuple((name, data, sidecar) for name, (data, sidecar) in sorted(found.items()))


# ---------------------------------------------------------------- mutations


def _insert(rng: random.Random, data: bytes, piece: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def flip_bytes(rng, name, data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return name, bytes(data)


def truncate(rng, name, data):
    return name, data[: rng.randrange(len(data) + 1)]


ENCODINGS = ["latin-1", "cp1252", "utf-16-le", "utf-16-be", "utf-32", "utf-16", "utf-8-sig", "shift_jis",
             "koi8-r", "mac_roman", "cp1256"]


def wrong_encoding(rng, name, data):
    text = data.decode("utf-8", "replace") + rng.choice(["", " Café, naïve – “quoted” 12 killed.", " مقتل 12 مدنياً"])
    return name, text.encode(rng.choice(ENCODINGS), "replace")


def nul_bytes(rng, name, data):
    for _ in range(rng.randint(1, 5)):
        data = _insert(rng, data, b"\x00" * rng.randint(1, 64))
    return name, data


LINE_FILLERS = [b"At least 12 civilians were killed in Idlib, ", b"1,", b"0123456789,", b"killed ", b"Syrian Observatory ",
                b". ", b"x", b"<b>", "مقتل 12 مدنياً ".encode()]


def long_line(rng, name, data):
    """A line of a megabyte: the file's own longest line, or one filler, repeated without a break."""
    lines = data.splitlines() or [b"x"]
    unit = rng.choice([max(lines, key=len).strip() + b" " or b"x", *LINE_FILLERS])
    line = (unit * (MEGABYTE // len(unit) + 1))[:MEGABYTE]
    at = data.rfind(b"\n", 0, rng.randrange(len(data) + 1)) + 1
    return name, data[:at] + line + b"\n" + data[at:]


NESTING = [(b"<div>", b"</div>"), (b"<p><span>", b"</span></p>"), (b"[", b"]"), (b"{\"a\":", b"}"), (b"<<", b">>"),
           (b"- ", b"")]


def deep_nesting(rng, name, data):
    opening, closing = rng.choice(NESTING)
    depth = 10_000
    closed = rng.random() < 0.5
    return name, _insert(rng, data, opening * depth + b"12 civilians were killed" + (closing * depth if closed else b""))


def broken_xref(rng, name, data):
    """A PDF whose cross-reference table, trailer or end marker is broken (other files are left alone)."""
    if not data.startswith(b"%PDF"):
        return name, data
    choice = rng.randrange(6)
    if choice == 0:
        return name, data.replace(b"xref", b"xrex")
    if choice == 1:
        return name, re.sub(rb"startxref\s+\d+", b"startxref\n" + str(rng.randrange(10 ** 9)).encode(), data)
    if choice == 2:
        return name, re.sub(rb"\d{10} \d{5} n", lambda _: f"{rng.randrange(10 ** 10):010d} 00000 n".encode(), data)
    if choice == 3:
        return name, data.replace(b"trailer", b"")
    if choice == 4:
        return name, data.replace(b"%%EOF", b"")
    return name, re.sub(rb"/Length \d+", b"/Length 999999999", data)


HUGE_NUMBERS = [b"1e400", b"-1e400", b"9" * 400, b"1" + b"0" * 5000, b"NaN", b"Infinity", b"1" + b",000" * 300,
                b"0x" + b"f" * 100, b"1.5e308", b"12" * 300 + b" million"]


def huge_numbers(rng, name, data):
    digits = [m.span() for m in re.finditer(rb"\d+", data)]
    number = rng.choice(HUGE_NUMBERS)
    if digits and rng.random() < 0.7:
        start, end = rng.choice(digits)
        return name, data[:start] + number + data[end:]
    return name, _insert(rng, data, b" " + number + b" ")


IMPOSSIBLE_DATES = [b"2020-02-30", b"2019-02-29", b"2020-13-01", b"2020-00-10", b"0000-01-01", b"9999-12-31",
                    b"2020-1-1", b"20200101", b"2020-02-30T25:61:00", b"-2020-01-01", b"2020-02-3O"]


def impossible_date(rng, name, data):
    dates = [m.span() for m in re.finditer(rb"\d{4}-\d{2}-\d{2}|D:\d{8}", data)]
    if not dates:
        return name, data
    start, end = rng.choice(dates)
    replacement = rng.choice(IMPOSSIBLE_DATES)
    if data[start:start + 2] == b"D:":
        replacement = b"D:" + replacement.replace(b"-", b"")
    return name, data[:start] + replacement + data[end:]


CONTROLS = ["\u200f", "\u200e", "\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068",
            "\u2069", "\u200b", "\ufeff", "\u2028", "\u2029", "\x0b", "\x0c", "\x1b[2J", "\x85", "\u0301" * 50,
            "\x7f", "\r", "\x07", "\ufffe", "\U0010ffff", "=cmd|' /C calc'!A0", "<script>alert(1)</script>"]


def unicode_controls(rng, name, data):
    for _ in range(rng.randint(1, 8)):
        data = _insert(rng, data, rng.choice(CONTROLS).encode("utf-8"))
    return name, data


ESCAPES = [b"\\ud800", b"\\udfff", b"\\ud83d", b"\\udc00\\ud800", b"&#xD800;", b"&#0;", b"&#x110000;", b"\\x00",
           b"\\U0000d800", b"\\N{NULL}", b"&#55296;"]


def surrogate_escapes(rng, name, data):
    strings = [m.span(1) for m in re.finditer(rb'"([^"\n]{0,80})"', data)]
    escape = rng.choice(ESCAPES)
    if strings and rng.random() < 0.7:
        start, end = rng.choice(strings)
        at = rng.randint(start, end)
        return name, data[:at] + escape + data[at:]
    return name, _insert(rng, data, escape)


def splice(rng, name, data):
    _, other, _ = rng.choice(seeds())
    return name, data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1):]


def wrong_extension(rng, name, data):
    return name.rsplit(".", 1)[0] + rng.choice(SUPPORTED), data


MUTATIONS = {
    "flip_bytes": flip_bytes, "truncate": truncate, "wrong_encoding": wrong_encoding, "nul_bytes": nul_bytes,
    "long_line": long_line, "deep_nesting": deep_nesting, "broken_xref": broken_xref, "huge_numbers": huge_numbers,
    "impossible_date": impossible_date, "unicode_controls": unicode_controls, "surrogate_escapes": surrogate_escapes,
    "splice": splice, "wrong_extension": wrong_extension,
}
NAMES = sorted(MUTATIONS)


def case(number: int, seed: int = 0) -> Case:
    """Case ``number`` of run ``seed``: the same bytes every time."""
    rng = random.Random(f"{seed}:{number}")
    name, data, sidecar = rng.choice(seeds())
    applied = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        # Every mutation in turn leads once in a while, so that a short run still covers each.
        mutation = NAMES[number % len(NAMES)] if not applied and rng.random() < 0.5 else rng.choice(NAMES)
        name, data = MUTATIONS[mutation](rng, name, data)
        applied.append(mutation)
    if sidecar is not None and rng.random() < 0.2:
        _, sidecar = MUTATIONS[rng.choice(["flip_bytes", "truncate", "impossible_date", "surrogate_escapes"])](rng, name, sidecar)
        applied.append("sidecar")
    return Case(number, f"{number:05d}-{name}", data, sidecar, tuple(applied))


def cases(count: int, seed: int = 0, start: int = 0) -> list[Case]:
    return [case(number, seed) for number in range(start, start + count)]


# ---------------------------------------------------------------- checks


def write_cases(batch: list[Case], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for item in batch:
        (folder / item.name).write_bytes(item.data)
        if item.sidecar is not None:
            (folder / (item.name + ".meta.yaml")).write_bytes(item.sidecar)


def _unpublishable(read) -> str | None:
    meta = read.metadata
    if not meta.publisher or not meta.title:
        return "report without a publisher or a title"
    if not (dt.date(1900, 1, 1) <= meta.published <= TODAY):
        return f"report published {meta.published}"
    if meta.url is not None and not meta.url.startswith(("http://", "https://")):
        return f"report with url {meta.url[:40]!r}"
    for value in (read.text, meta.title, meta.publisher, meta.url or "", meta.location or ""):
        value.encode("utf-8")
    return None


def _read_and_extract(item: Case, folder: Path) -> Outcome:
    """Read one case as ingest does and, if it is a prose report, extract its claims (seconds left at 0)."""
    try:
        read = read_report(RawFile(item.name, item.data), folder, TODAY)
    except MetadataError as error:
        reason = str(error)
        problem = f"reason quotes an exception: {reason!r}" if EXCEPTION_WORDS.search(reason) else None
        return Outcome(item, 0.0, "quarantine", problem or (None if reason.strip() else "empty reason"), reason)
    except BaseException:  # noqa: BLE001 - the failure the fuzzer is here to find
        return Outcome(item, 0.0, "crash", "read_report raised:\n" + traceback.format_exc(limit=-4))
    try:
        problem = _unpublishable(read)
        if read.feed is None:
            context = ReportContext(read.metadata.published, read.metadata.publisher, read.metadata.location)
            for claim in extract_claims(read.text, context):
                if read.text[claim.start:claim.end] != claim.quote:
                    problem = "a claim's quote is not its text span"
    except BaseException:  # noqa: BLE001
        problem = "extraction raised:\n" + traceback.format_exc(limit=-4)
    return Outcome(item, 0.0, "report", problem)


def check_case(item: Case, folder: Path) -> Outcome:
    """Read and extract one case in-process (its file already in ``folder``), timed in CPU seconds.

    Other processes on a shared machine only ever add to a measurement, so a
    case over the bound is timed once more and the lower time is kept: a file
    that is slow stays slow, one that met a busy moment does not fail.
    """
    started = time.process_time()
    outcome = _read_and_extract(item, folder)
    outcome.seconds = time.process_time() - started
    if outcome.seconds > MAX_SECONDS:
        started = time.process_time()
        _read_and_extract(item, folder)
        outcome.seconds = min(outcome.seconds, time.process_time() - started)
    if outcome.problem is None and outcome.seconds > MAX_SECONDS:
        step = "read and extract" if outcome.kind == "report" else "read"
        outcome.problem = f"took {outcome.seconds:.2f} s of CPU to {step} (over {MAX_SECONDS:.0f} s)"
    return outcome


def check_folder(batch: list[Case], folder: Path) -> list[str]:
    """Ingest, validate and extract the batch as a folder: every file a report or a quarantine row."""
    from pipeline import stages

    try:
        found = stages.read_reports(folder, TODAY)
        stages.extract_claims(found)
    except BaseException:  # noqa: BLE001
        return [f"batch {batch[0].number}-{batch[-1].number}: the pipeline raised:\n" + traceback.format_exc(limit=-4)]
    whole = found.quarantine[found.quarantine["table"] == "reports"]["path"]
    accounted = set(found.reports["path"]) | set(whole)
    missing = sorted({item.name for item in batch} - accounted)
    if missing or len(found.reports) + whole.nunique() != len(found.inputs):
        return [f"batch {batch[0].number}-{batch[-1].number}: not every file is a report or quarantined: {missing[:5]}"]
    return []


def check_commands(batch: list[Case], folder: Path) -> list[str]:
    """Real `figures extract` and `figures run` over the batch: no traceback, the run exits 0 and accounts for all."""
    problems = []
    label = f"batch {batch[0].number}-{batch[-1].number}"
    extract = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(folder)], cwd=ROOT,
                             capture_output=True, text=True, timeout=600)
    if extract.returncode not in (0, 1) or "Traceback" in extract.stderr:
        problems.append(f"{label}: figures extract exited {extract.returncode}: {extract.stderr[-800:]}")
    names = {item.name for item in batch}
    stray = [line for line in extract.stderr.splitlines()
             if not any(name in line for name in names)]
    if stray:  # each line names a file and says what is wrong with it
        problems.append(f"{label}: figures extract printed lines that name no file: {stray[:3]}")
    for line in extract.stdout.split("\n"):  # JSON lines: str.splitlines would also break at U+2028 in a quote
        if line:
            try:
                json.loads(line)
            except ValueError:
                problems.append(f"{label}: figures extract printed a line that is not JSON: {line[:200]!r}")
                break
    out, home = folder.parent / f"{folder.name}-out", folder.parent / f"{folder.name}-dagster"
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--raw", str(folder), "--out", str(out),
                          "--overrides", str(folder.parent / "none.yaml")], cwd=ROOT, capture_output=True, text=True,
                         timeout=900, env={**_environment(), "DAGSTER_HOME": str(home)})
    if run.returncode != 0 or "Traceback" in run.stderr:
        problems.append(f"{label}: figures run exited {run.returncode}: {run.stderr[-800:]}")
        return problems
    release = next(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))
    reports = pd.read_parquet(release / "reports.parquet")
    quarantine = pd.read_parquet(release / "quarantine.parquet")
    whole = set(quarantine[quarantine["table"] == "reports"]["path"])
    missing = sorted({item.name for item in batch} - set(reports["path"]) - whole)
    if missing:
        problems.append(f"{label}: figures run left files neither report nor quarantined: {missing[:5]}")
    for reason in quarantine["reason"]:
        if EXCEPTION_WORDS.search(reason):
            problems.append(f"{label}: a quarantine reason quotes an exception: {reason!r}")
    return problems


def _environment() -> dict:
    import os

    return dict(os.environ)


def fuzz(count: int, seed: int = 0, commands: int = 0, folder: Path | None = None) -> Summary:
    """Run ``count`` cases; ``commands`` of the batches also through real `figures` processes."""
    summary = Summary()
    with tempfile.TemporaryDirectory() as scratch:
        root = folder or Path(scratch)
        for first in range(0, count, BATCH):
            batch = cases(min(BATCH, count - first), seed, first)
            where = root / f"batch-{first:05d}"
            write_cases(batch, where)
            for item in batch:
                outcome = check_case(item, where)
                summary.outcomes.append(outcome)
                if outcome.problem:
                    summary.problems.append(f"case {item.number} ({item.name}; {', '.join(item.mutations)}): {outcome.problem}")
            summary.problems += check_folder(batch, where)
            if first // BATCH < commands:
                summary.problems += check_commands(batch, where)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of cases")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--commands", type=int, default=2,
                        help=f"batches ({BATCH} cases each) also run through figures run and figures extract")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    summary = fuzz(args.count, args.seed, args.commands)
    kinds = pd.Series([o.kind for o in summary.outcomes]).value_counts().to_dict()
    print(f"cases run: {len(summary.outcomes)} (seed {args.seed}, {len(seeds())} seed files, "
          f"{min(args.commands, -(-args.count // BATCH))} batches through figures run and figures extract)")
    print(f"  reports: {kinds.get('report', 0)}  quarantined: {kinds.get('quarantine', 0)}  "
          f"crashed: {kinds.get('crash', 0)}")
    print(f"failures: {len(summary.problems)}")
    for problem in summary.problems[:20]:
        print("  " + problem.replace("\n", "\n    "))
    slowest = summary.slowest
    if slowest:
        print(f"slowest file: case {slowest.case.number} {slowest.case.name} ({', '.join(slowest.case.mutations)}, "
              f"{len(slowest.case.data):,} bytes): {slowest.seconds:.2f} s CPU to read and extract")
    times = pd.Series([o.seconds for o in summary.outcomes])
    print(f"CPU seconds per file: median {times.median():.3f}, 99th percentile {times.quantile(0.99):.3f}; "
          f"wall time {time.perf_counter() - started:.0f} s")
    return 1 if summary.problems else 0


if __name__ == "__main__":
    sys.exit(main())
