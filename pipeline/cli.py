"""The `figures` command: run the pipeline, extract claims, verify and diff releases.

Only `figures run` imports Dagster; `extract` and `verify` start fast.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


# The run's events, errors included, are stored in the instance for the UI; the console shows
# only the summary below (and what failed, without Dagster's tracebacks).
QUIET_CONSOLE = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
SCHEDULER_ENV = "FIGURES_DASK_SCHEDULER"  # as in pipeline.orchestration.settings, without importing Dagster


def _failure_text(event) -> str:
    """What went wrong in a failed step, without the traceback."""
    error = event.step_failure_data.error
    description = getattr(event.step_failure_data.user_failure_data, "description", None)
    return f"{event.step_key}: {description or (error.message.strip() if error else event.message)}"


def _scheduler_problem(address: str) -> str | None:
    """Why the Dask scheduler at ``address`` cannot take the run's work, or None when it can."""
    from pipeline.corpus.workers import SchedulerUnreachable, connect

    try:
        connect(address).close()
    except SchedulerUnreachable as error:
        return str(error)
    except ValueError as error:  # not an address Dask can parse
        return f"Dask scheduler {address!r} is not a scheduler address ({error})"
    return None


def _run(args: argparse.Namespace) -> int:
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(Path(".dagster").resolve())))
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").touch()  # an empty instance config: defaults, stored in DAGSTER_HOME
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
    from dagster import DagsterInstance

    from pipeline.orchestration.automation import JOB_NAME
    from pipeline.orchestration.definitions import build_definitions
    from pipeline.orchestration.settings import PipelineSettings

    settings = PipelineSettings(raw_dir=args.raw, out_dir=args.out, overrides=args.overrides,
                                workers=args.workers or 0, scheduler=scheduler, rebuild=args.rebuild)
    defs = build_definitions(settings)
    with DagsterInstance.get() as instance:
        result = defs.resolve_job_def(JOB_NAME).execute_in_process(
            instance=instance, raise_on_error=False, run_config=QUIET_CONSOLE
        )
    if not result.success:
        failed = [_failure_text(event) for event in result.all_events if event.is_step_failure]
        print("figures run: the run failed:\n  " + "\n  ".join(failed[:5]), file=sys.stderr)
        return 1
    failed_checks = [e.asset_check_evaluation_data.check_name for e in result.all_events
                     if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.asset_check_evaluation_data.passed]
    summary = result.output_for_node("release")
    if summary["created"]:
        print(f"Published release {summary['version']} at {summary['path']}")
    else:
        print(f"Nothing changed since release {summary['version']} ({summary['path']}); nothing new published")
    print(f"  reports read: {summary['reports']}  claims extracted: {summary['claims']}  "
          f"figures published: {summary['figures']}  inputs quarantined: {summary['quarantined']}")
    read = {key: entry.value for event in result.asset_materializations_for_node("reports")
            for key, entry in event.metadata.items()}
    print(f"  reports new: {read.get('reports_new')}  from cache: {read.get('reports_cached')}  "
          f"removed since the last run: {read.get('reports_removed')}")
    print(f"  Dagster run {result.run_id} recorded in {os.environ['DAGSTER_HOME']}")
    if failed_checks:
        print(f"figures run: asset checks failed: {', '.join(failed_checks)}", file=sys.stderr)
        return 1
    return 0


def _files(paths: list[str]) -> list[tuple[Path, Path]]:
    """(raw folder, file) for each file named or found under a named folder."""
    found = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += [(path, f) for f in sorted(path.rglob("*")) if f.is_file() and not f.name.endswith(".meta.yaml")]
        else:
            found.append((path.parent, path))
    return found


def _extract(args: argparse.Namespace) -> int:
    import datetime as dt

    import pandas as pd

    from pipeline.extract import claims_table
    from pipeline.ingest.files import RawFile
    from pipeline.ingest.metadata import MetadataError
    from pipeline.ingest.reports import REPORT_COLUMNS, feed_claims_table, read_report

    status = 0
    for raw_dir, file in _files(args.paths):
        try:
            raw = RawFile(file.relative_to(raw_dir).as_posix(), file.read_bytes())
            read = read_report(raw, raw_dir, dt.date.today())
        except (OSError, MetadataError) as error:
            print(f"{file}: {error}", file=sys.stderr)
            status = 1
            continue
        meta = read.metadata
        report = {"report_id": raw.sha256, "published": meta.published.isoformat(),
                  "publisher": meta.publisher, "location": meta.location}
        if read.feed is not None:
            table = feed_claims_table(raw.sha256, read)
            for row, reason in read.feed.problems:
                print(f"{file}: row {row}: {reason}", file=sys.stderr)
        else:
            table = claims_table(pd.DataFrame([report], columns=REPORT_COLUMNS), {raw.sha256: read.text})
        for row in table.to_dict("records"):
            row = {key: (None if not isinstance(v, (str, list)) and pd.isna(v) else v) for key, v in row.items()}
            print(json.dumps({"path": str(file), **row}, ensure_ascii=False, default=int))
    return status


def _verify(args: argparse.Namespace) -> int:
    from pipeline.publish.verify import verify_release

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

    try:
        old, new = read_release(Path(args.old)), read_release(Path(args.new))
    except (OSError, ValueError, KeyError) as error:
        print(f"figures diff: cannot read a release: {error}", file=sys.stderr)
        return 2
    changes = diff_releases(old.tables, new.tables)
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
    run.set_defaults(handler=_run)
    extract = commands.add_parser("extract", help="print the claims in report files, one JSON object per line")
    extract.add_argument("paths", nargs="+", metavar="PATH")
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
