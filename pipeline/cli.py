"""The `figures` command: run the pipeline, extract claims, verify and diff releases.

Only `figures run` imports Dagster; `extract` and `verify` start fast.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from json.encoder import encode_basestring
from pathlib import Path


# The run's events, errors included, are stored in the instance for the UI; the console shows
# only the summary below (and what failed, without Dagster's tracebacks).
QUIET_CONSOLE = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
SCHEDULER_ENV = "FIGURES_DASK_SCHEDULER"  # as in pipeline.orchestration.settings, without importing Dagster
UNREAD_LISTED = 20  # reports in a language not read yet named one by one in the run summary


def _failure_text(event) -> str:
    """What went wrong in a failed step, without the traceback."""
    error = event.step_failure_data.error
    description = getattr(event.step_failure_data.user_failure_data, "description", None)
    return f"{event.step_key}: {description or (error.message.strip() if error else event.message)}"


def _scheduler_problem(address: str, timeout: float = 5.0) -> str | None:
    """Why the Dask scheduler at ``address`` cannot take the run's work, or None when it answers.

    A bare connection with Dask's handshake, not a client: a client that fails
    to start complains again on its way out.
    """
    import asyncio

    from distributed.comm import connect

    async def handshake():
        comm = await connect(address, timeout=timeout)
        await comm.close()

    try:
        asyncio.run(handshake())
    except ValueError as error:  # not an address Dask can parse
        return f"Dask scheduler {address!r} is not a scheduler address ({error})"
    except (OSError, TimeoutError) as error:  # refused, timed out, no route
        return f"Dask scheduler {address} cannot be reached ({' '.join(str(error).split())[:160]})"
    except Exception:  # something answers there, but not in Dask's protocol
        return f"Dask scheduler {address} cannot be reached (what answers there is not a Dask scheduler)"
    return None


INSTANCE_CONFIG = "telemetry:\n  enabled: false\n"  # no usage statistics and no banner about them


def _instance_home() -> Path:
    """The Dagster home of the run, with an instance config written when there is none.

    The config written keeps Dagster's defaults (storage in DAGSTER_HOME) and turns
    telemetry off; a config the user wrote is left as it is.
    """
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(Path(".dagster").resolve())))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.is_file() or config.stat().st_size == 0:
        temporary = home / f".dagster.yaml.{os.getpid()}.tmp"
        temporary.write_text(INSTANCE_CONFIG, encoding="utf-8")
        temporary.replace(config)
    return home


CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")  # a file name may hold them; a terminal would obey them


def _shown(text: str) -> str:
    return CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def _quarantine_lines(summary: dict, release: Path, raw: Path) -> list[str]:
    """The inputs set aside: where the table is, the first few with their reason, how many more."""
    if not summary["quarantined"]:
        return []
    lines = [f"  quarantined, with the reason for each (all {summary['quarantined']} in "
             f"{release / 'quarantine.csv'}):"]
    for entry in summary["quarantined_first"]:
        row = f" (row {entry['row']})" if entry["row"] is not None else ""
        lines.append(f"    {_shown(str(raw / entry['path']))}{row}: {_shown(entry['reason'])}")
    more = summary["quarantined"] - len(summary["quarantined_first"])
    if more:
        lines.append(f"    and {more} more")
    return lines


def _nothing_published(summary: dict, raw: Path) -> list[str]:
    """Why a run published nothing, and every input it set aside (no release holds them)."""
    if not summary["files"]:
        return [f"Nothing published: {_shown(str(raw))} holds no files. Put reports there and run again."]
    lines = [f"Nothing published: no report in {_shown(str(raw))} could be read; all {summary['quarantined']} "
             "inputs were quarantined. Mend or replace them and run again; the latest release stays as it was:"]
    for entry in summary["quarantined_first"]:
        row = f" (row {entry['row']})" if entry["row"] is not None else ""
        lines.append(f"    {_shown(str(raw / entry['path']))}{row}: {_shown(entry['reason'])}")
    return lines


def _summary(summary: dict, read: dict, run_id: str, raw: Path) -> list[str]:
    from pipeline.extract.language import language_name

    lines = []
    if summary["waited_seconds"]:
        lines.append(f"Waited {summary['waited_seconds']:.1f} s for another run's publish into "
                     f"{Path(summary['path']).parent} to end")
    if summary["created"]:
        lines.append(f"Published release {summary['version']} at {summary['path']}")
    else:
        lines.append(f"Nothing changed since release {summary['version']} ({summary['path']}); "
                     "nothing new published")
    release = Path(summary["path"])
    lines.append(f"  release page: {release / 'index.html'}")
    lines.append(f"  reports read: {summary['reports']}  claims extracted: {summary['claims']}  "
                 f"figures published: {summary['figures']}  inputs quarantined: {summary['quarantined']}")
    lines += _quarantine_lines(summary, release, raw)
    lines.append(f"  reports new: {read.get('reports_new')}  from cache: {read.get('reports_cached')}  "
                 f"removed since the last run: {read.get('reports_removed')}")
    unread = summary.get("unread", [])
    for path, code in unread[:UNREAD_LISTED]:
        lines.append(f"  not read yet: {path} is in {language_name(code)}, a language not read yet; published with "
                     "its metadata, no claims")
    if len(unread) > UNREAD_LISTED:
        lines.append(f"  not read yet: {len(unread) - UNREAD_LISTED} more reports in languages not read yet "
                     "(reports.csv, column language; the release page lists them)")
    lines.append(f"  Dagster run {run_id} recorded in {os.environ['DAGSTER_HOME']}")
    return lines


def _run(args: argparse.Namespace) -> int:
    home = _instance_home()
    if not Path(args.raw).is_dir():
        print(f"figures run: raw folder {args.raw} does not exist", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("figures run: --workers must be at least 1", file=sys.stderr)
        return 2
    scheduler = args.scheduler or os.environ.get(SCHEDULER_ENV, "")
    if scheduler:
        problem = _scheduler_problem(scheduler)
        if problem:
            print(f"figures run: {problem}; nothing was run or published", file=sys.stderr)
            return 2
    from pipeline.console import progress_for
    from pipeline.orchestration.automation import JOB_NAME
    from pipeline.orchestration.definitions import build_definitions
    from pipeline.orchestration.runs import (STARTED_BY, STARTED_BY_TAG, fail_ended_runs, live_run, open_instance,
                                             remove_unused_tables)
    from pipeline.orchestration.settings import PipelineSettings

    progress = progress_for(args.quiet)
    settings = PipelineSettings(raw_dir=args.raw, out_dir=args.out, overrides=args.overrides,
                                workers=args.workers or 0, scheduler=scheduler, rebuild=args.rebuild)
    job = build_definitions(settings, progress).resolve_job_def(JOB_NAME)
    with open_instance(home) as instance, live_run(instance) as run_id:
        for ended in fail_ended_runs(instance):
            progress.say(f"Dagster run {ended} had stopped without finishing (killed?); recorded it as failed")
        try:
            result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=QUIET_CONSOLE,
                                            run_id=run_id, tags={STARTED_BY_TAG: STARTED_BY})
        finally:
            remove_unused_tables(instance, keep=run_id)
    if not result.success:
        failed = [_failure_text(event) for event in result.all_events if event.is_step_failure]
        print("figures run: the run failed:\n  " + "\n  ".join(failed[:5]), file=sys.stderr)
        return 1
    failed_checks = [e.asset_check_evaluation_data.check_name for e in result.all_events
                     if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.asset_check_evaluation_data.passed]
    read = {key: entry.value for event in result.asset_materializations_for_node("reports")
            for key, entry in event.metadata.items()}
    summary = result.output_for_node("release")
    if summary["path"] is None:
        print("\n".join(_nothing_published(summary, Path(args.raw))), file=sys.stderr, flush=True)
        return 1
    print("\n".join(_summary(summary, read, result.run_id, Path(args.raw))), flush=True)
    if failed_checks:
        print(f"figures run: asset checks failed: {', '.join(failed_checks)}", file=sys.stderr)
        return 1
    return 0


SIDECAR = ".meta.yaml"
# One encoder for every line `figures extract` prints: json.dumps(..., ensure_ascii=False) builds a new one per call.
JSON = json.JSONEncoder(ensure_ascii=False)


def _json_line(record: dict) -> str:
    """A claim record as JSON, exactly as ``JSON.encode`` writes it: its values are text, whole numbers,
    finite coordinates or null, which are written here directly (several times cheaper than the
    encoder's machinery for a dict); any other value goes to the encoder."""
    parts = []
    for key, value in record.items():
        kind = type(value)
        if value is None:
            text = "null"
        elif kind is str:
            text = encode_basestring(value)
        elif kind is int:
            text = int.__repr__(value)
        elif kind is float and value - value == 0:  # finite
            text = float.__repr__(value)
        else:
            return JSON.encode(record)
        parts.append(f"{encode_basestring(key)}: {text}")
    return "{" + ", ".join(parts) + "}"


def _report_files(folder: Path) -> list[tuple[Path, bool]]:
    """(file, has a metadata sidecar) under ``folder`` in path order, without hidden files and folders."""
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        present = set(names)
        found += [(Path(root) / name, name + SIDECAR in present) for name in sorted(names)
                  if not name.startswith(".") and not name.endswith(SIDECAR)]
    return found


def _read_bytes(file: Path) -> bytes:
    """The bytes of ``file``, read at the level of the operating system: for thousands of small
    reports, the buffered file object that Path.read_bytes builds costs more than the reading."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks = [os.read(fd, os.fstat(fd).st_size + 1)]
        while chunks[-1]:  # until the end of the file, should it have grown since
            chunks.append(os.read(fd, 1 << 20))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _sidecar(file: Path) -> dict:
    import yaml

    sidecar = file.with_name(file.name + SIDECAR)
    try:
        fields = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError):  # e.g. 2020-02-30
        return {}
    return fields if isinstance(fields, dict) else {}


def _feed_records(name: str, data: bytes, folder: Path) -> list[dict]:
    """Claims a structured feed states, as `figures run` reads them (its rows are claims already)."""
    import datetime as dt

    import pandas as pd

    from pipeline.ingest.files import RawFile
    from pipeline.ingest.reports import feed_claims_table, read_report

    raw = RawFile(name, data)
    read = read_report(raw, folder, dt.date.today())
    for row, reason in read.feed.problems:
        print(f"{name}: row {row}: {reason}", file=sys.stderr)
    rows = feed_claims_table(raw.sha256, read).astype(object).to_dict("records")
    return [{key: None if value is pd.NA or value is None or value != value else value
             for key, value in row.items()} for row in rows]


def _claims_of(label: str, data: bytes, file: Path | None, has_sidecar: bool) -> list[dict]:
    """Claim records of one file's bytes (``file`` None for standard input)."""
    import hashlib

    from pipeline.extract import ReportContext, claim_record, extract_claims
    from pipeline.extract.language import language, read_codes, report_language
    from pipeline.ingest.lenient import is_feed, read_any

    if file is not None and is_feed(file.name):
        return _feed_records(file.name, data, file.parent)
    report = read_any(file.name if file else "-", data, _sidecar(file) if has_sidecar else None)
    code = report_language(report.language, report.text)
    if language(code) is None:
        print(f"figures extract: {label}: its language ({code}) is not read yet; no claims extracted "
              f"(read: {', '.join(read_codes())})", file=sys.stderr)
        return []
    report_id = hashlib.sha256(data).hexdigest()
    context = ReportContext(published=report.published, publisher=report.publisher, location=report.location,
                            language=code)
    return [claim_record(claim, report_id) for claim in extract_claims(report.text, context)]


def _extract(args: argparse.Namespace) -> int:
    from pipeline.ingest.metadata import MetadataError

    status = 0
    out = sys.stdout
    for name in args.paths:
        path = Path(name)
        if name == "-":
            sources = [("-", None, False)]
        elif path.is_dir():
            sources = [(str(file), file, sidecar) for file, sidecar in _report_files(path)]
        elif path.is_file():
            sources = [(name, path, path.with_name(path.name + SIDECAR).is_file())]
        else:
            print(f"figures extract: {name}: no such file or folder", file=sys.stderr)
            status = 1
            continue
        for label, file, has_sidecar in sources:
            try:
                data = sys.stdin.buffer.read() if file is None else _read_bytes(file)
                records = _claims_of(label, data, file, has_sidecar)
            except (OSError, MetadataError) as error:
                # a file named on the command line must be read; one found in a folder is reported and skipped
                print(f"figures extract: {label}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
                status = status or (0 if path.is_dir() else 1)
                continue
            out.write("".join(_json_line({"path": label, **record}) + "\n" for record in records))
    return status


def _not_releases(command: str, *folders: str) -> bool:
    """Say on stderr which of ``folders`` is not a release, and what to run instead."""
    from pipeline.release_folders import not_a_release

    problems = [problem for problem in (not_a_release(Path(folder), command) for folder in folders) if problem]
    for problem in problems:
        print(f"{command}: {problem}", file=sys.stderr)
    return bool(problems)


def _verify(args: argparse.Namespace) -> int:
    from pipeline.publish.verify import verify_release

    if _not_releases("figures verify", args.release):
        return 2
    problems = verify_release(Path(args.release), Path(args.raw) if args.raw else None)
    for problem in problems:
        print(f"FAILED {problem}")
    if problems:
        print(f"{args.release}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{args.release}: OK")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from pipeline.publish.changes import changelog_markdown, diff_releases
    from pipeline.publish.read import read_release

    if _not_releases("figures diff", args.old, args.new):
        return 2
    try:
        old, new = read_release(Path(args.old)), read_release(Path(args.new))
        changes = diff_releases(old.tables, new.tables)
    except (OSError, ValueError, KeyError) as error:
        what = f"{error.filename}: {error.strerror}" if isinstance(error, OSError) and error.filename else error
        print(f"figures diff: cannot read a release ({what}); figures verify names what is wrong with it",
              file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(changes, indent=2, ensure_ascii=False))
    else:
        print(changelog_markdown(new.manifest["version"], old.manifest["version"], changes), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="figures", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the whole pipeline and publish a release")
    run.add_argument("--raw", default="data/raw", help="folder of raw reports (default data/raw)")
    run.add_argument("--out", default="data/published", help="folder of releases (default data/published)")
    run.add_argument("--overrides", default="data/overrides.yaml",
                     help="analyst overrides file (default data/overrides.yaml; optional)")
    run.add_argument("--workers", type=int, metavar="N",
                     help="processes that read and extract reports (default: every core)")
    run.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                     help="Dask scheduler to send the per-report work to (default: $FIGURES_DASK_SCHEDULER; "
                          "unset: this machine); the raw folder must be at the same path on its workers")
    run.add_argument("--rebuild", action="store_true",
                     help="ignore the extraction cache: read and extract every report again")
    run.add_argument("--quiet", action="store_true",
                     help="print only the summary at the end (no progress bars or lines)")
    run.set_defaults(handler=_run)
    extract = commands.add_parser(
        "extract", help="print the claims in report files, folders or standard input (-), one JSON object per line",
        description="Any text is read: front matter and a date are used where a file has them. A file in a folder "
                    "that cannot be read is reported on stderr and skipped; the exit status is 1 only when a path "
                    "named here cannot be read.")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="a report file, a folder of them, or - for stdin")
    extract.set_defaults(handler=_extract)
    verify = commands.add_parser("verify", help="check a release's checksums and provenance")
    verify.add_argument("release", metavar="RELEASE_DIR")
    verify.add_argument("--raw", default="data/raw", help="raw folder to re-check report bytes against")
    verify.set_defaults(handler=_verify)
    diff = commands.add_parser("diff", help="what changed between two releases")
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--json", action="store_true", help="print the machine-readable diff")
    diff.set_defaults(handler=_diff)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
