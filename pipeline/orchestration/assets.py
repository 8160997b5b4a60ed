"""The pipeline as assets: reports -> claims -> figures -> release."""
# Dagster reads these annotations at definition time, so they stay real types (no postponed evaluation).

import datetime as dt
import resource
from pathlib import Path

import dagster as dg

import schemas
from pipeline import stages
from pipeline.corpus.run import read_corpus
from pipeline.corpus.workers import default_workers
from pipeline.orchestration.memory import give_back_freed_memory
from pipeline.orchestration.metadata import table_metadata
from pipeline.orchestration.settings import PipelineSettings
from pipeline.orchestration.storage import staging_folder
from pipeline.progress import Progress
from pipeline.publish import publish
from pipeline.publish.unread import unread_reports
from pipeline.tablestore import TableFolder

GROUP = "crisis_figures"
CACHE_FOLDER = "extraction_cache"
QUARANTINE_NAMED = 5  # inputs the run's summary names, with their reason; the rest are counted


def _first_quarantined(quarantine, limit: int | None = QUARANTINE_NAMED) -> list[dict]:
    """The first quarantined inputs (the table is in path order; all with no ``limit``): path, row of a feed,
    reason."""
    first = quarantine if limit is None else quarantine.head(limit)
    rows = first["row"].astype("Int64").to_numpy(dtype=object, na_value=None)
    return [{"path": path, "row": None if row is None else int(row), "reason": reason}
            for path, row, reason in zip(first["path"], rows, first["reason"])]


def _cache_root(context: dg.AssetExecutionContext, settings: PipelineSettings) -> Path:
    return Path(settings.cache_dir) if settings.cache_dir else Path(context.instance.storage_directory()) / CACHE_FOLDER


def cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it has waited for, so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_rss_mb() -> float:
    """The largest resident memory this process has had so far, and its largest waited-for worker's."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return round(max(own.ru_maxrss, children.ru_maxrss) / 1024, 1)


@dg.asset(group_name=GROUP, kinds={"parquet"})
def reports(context: dg.AssetExecutionContext, settings: PipelineSettings,
            progress: dg.ResourceParam[Progress]) -> TableFolder:
    """Every raw file in the raw folder, hashed (SHA-256 of its bytes) and parsed into
    a report with its metadata and text, and the claims read from it. Files that
    cannot be read are quarantined with the reason; none is dropped. Reports whose
    bytes and reading code are unchanged come from the extraction cache; the rest
    are read in batches, in worker processes or on a Dask cluster."""
    started = cpu_seconds()
    out = staging_folder(context)
    read = read_corpus(settings.raw_path, dt.date.today(), _cache_root(context, settings), out,
                       workers=settings.workers or default_workers(), scheduler=settings.scheduler or None,
                       rebuild=settings.rebuild, batch_size=settings.batch_size, progress=progress)
    read_rows = out.read("reports_read")
    with progress.task("reports", "validating", total=len(read_rows), unit="reports") as task:
        found, quarantine = stages.check_reports(read_rows, out.read("quarantine_read"))
        task.advance(len(read_rows))
    out.write("reports", found)
    out.write("quarantine", quarantine)
    context.add_output_metadata({
        **table_metadata(found, schemas.ReportSchema, ["path", "publisher", "published", "title"]),
        "files_seen": read.files,
        "reports_new": read.new,
        "reports_cached": read.cached,
        "reports_removed": read.removed,
        "rebuilt": settings.rebuild,
        "batches_by_worker": dg.MetadataValue.json(dict(sorted(read.batches_by_worker.items()))),
        "quarantined": len(quarantine),
        "cpu_seconds": round(cpu_seconds() - started, 2),
        "peak_rss_mb_so_far": peak_rss_mb(),
    })
    del read_rows, found, quarantine
    give_back_freed_memory()
    return out


@dg.asset(group_name=GROUP, kinds={"parquet"})
def claims(context: dg.AssetExecutionContext, reports: TableFolder,
           progress: dg.ResourceParam[Progress]) -> TableFolder:
    """Figure claims read from each report's text: metric, number, qualifier,
    population, place, period, source and stance, with the span they came from;
    and the claims structured feeds state directly. Claims failing their schema
    are quarantined."""
    started = cpu_seconds()
    read_claims = reports.read("claims_read")
    with progress.task("claims", "validating", total=len(read_claims), unit="claims") as task:
        found = stages.claims_of_reports(read_claims, reports.read("reports", ["report_id", "path"]))
        task.advance(len(read_claims))
    out = staging_folder(context)
    out.write("claims", found.table)
    out.write("quarantine", found.quarantine)
    context.add_output_metadata({
        **table_metadata(found.table, schemas.ClaimSchema,
                         ["metric", "value", "qualifier", "population", "stance", "attributed_to", "number_text"]),
        "quarantined": len(found.quarantine),
        "cpu_seconds": round(cpu_seconds() - started, 2),
        "peak_rss_mb_so_far": peak_rss_mb(),
    })
    del read_claims, found
    give_back_freed_memory()
    return out


@dg.asset(group_name=GROUP, kinds={"parquet"})
def events(context: dg.AssetExecutionContext, settings: PipelineSettings, reports: TableFolder,
           claims: TableFolder, progress: dg.ResourceParam[Progress]) -> TableFolder:
    """Incidents as events, one row per strike, blast or massacre however many reports
    tell of it (as UCDP publishes events): low, best and high over the originators'
    latest counts, dated and placed by the most precise claim."""
    started = cpu_seconds()
    table = claims.read("claims")
    with progress.task("events", "grouping incidents", total=len(table), unit="claims") as task:
        found = stages.reconcile_events(table, reports.read("reports"), settings.overrides_path)
        task.advance(len(table))
        task.note = f"{len(found.table):,} events"
    out = staging_folder(context)
    out.write("events", found.table)
    out.write("quarantine", found.quarantine)
    context.add_output_metadata({
        **table_metadata(found.table, schemas.EventSchema,
                         ["metric", "population", "location", "adm1", "event_date", "low", "best", "high"]),
        "conflicts": int(found.table["conflict"].sum()),
        "quarantined": len(found.quarantine),
        "cpu_seconds": round(cpu_seconds() - started, 2),
        "peak_rss_mb_so_far": peak_rss_mb(),
    })
    del table, found
    give_back_freed_memory()
    return out


@dg.asset(group_name=GROUP, kinds={"parquet"})
def figures(context: dg.AssetExecutionContext, settings: PipelineSettings, reports: TableFolder,
            claims: TableFolder, events: TableFolder, progress: dg.ResourceParam[Progress]) -> TableFolder:
    """Running totals, period totals and stocks reconciled into series of figures with low,
    best and high, the rule that chose them, the claims behind them and the claims
    disputing them, each total beside the sum of the events in its span; and the events'
    sums by month and governorate. Analyst overrides from the overrides file are applied
    and recorded on each figure."""
    started = cpu_seconds()
    table = claims.read("claims")
    with progress.task("figures", "reconciling", total=len(table), unit="claims") as task:
        found = stages.reconcile_figures(table, reports.read("reports"), settings.overrides_path,
                                         stages.Checked(events.read("events"), events.read("quarantine")))
        task.advance(len(table))
        task.note = f"{len(found.table):,} figures"
    out = staging_folder(context)
    out.write("figures", found.table)
    out.write("sources", found.sources)
    out.write("event_months", found.months)
    out.write("quarantine", found.quarantine)
    unregistered = found.sources[~found.sources["registered"]]["source"]
    context.add_output_metadata({
        **table_metadata(found.table, schemas.FigureSchema,
                         ["metric", "population", "location", "period_start", "as_of", "low", "best", "high", "conflict"]),
        "conflicts": int(found.table["conflict"].sum()),
        "revisions": int(found.table["revision"].sum()),
        "sources_to_grade": dg.MetadataValue.md("\n".join(f"- {name}" for name in unregistered) or "none"),
        "quarantined": len(found.quarantine),
        "cpu_seconds": round(cpu_seconds() - started, 2),
        "peak_rss_mb_so_far": peak_rss_mb(),
    })
    del table, found, unregistered
    give_back_freed_memory()
    return out


@dg.asset(group_name=GROUP, kinds={"parquet", "csv"})
def release(context: dg.AssetExecutionContext, settings: PipelineSettings, reports: TableFolder,
            claims: TableFolder, events: TableFolder, figures: TableFolder,
            progress: dg.ResourceParam[Progress]) -> dict:
    """A versioned release folder under the output folder: Parquet and CSV tables,
    datapackage.json, provenance, changelog and SHA256SUMS. Unchanged content
    publishes nothing new; a raw folder where no report could be read (empty, or every
    file quarantined) publishes nothing, and the summary names every input set aside."""
    started = cpu_seconds()
    tables, provenance = stages.release_inputs(reports, claims, events, figures, settings.raw_path,
                                               settings.overrides_path)
    if not len(tables["reports"]):
        return _nothing_to_publish(context, tables["quarantine"], len(provenance["inputs"]))

    def waiting() -> None:
        progress.say(f"waiting for another publish into {settings.out_path} to end")

    with progress.task("release", "publishing", total=len(tables), unit="tables") as task:
        published = publish(tables, settings.out_path, provenance, on_wait=waiting)  # after another publish
        task.advance(len(tables))
        task.note = f"release {published.version}" + ("" if published.created else " already published")
    summary = {
        "version": published.version,
        "path": str(published.path),
        "created": published.created,
        "reports": len(tables["reports"]),
        "claims": len(tables["claims"]),
        "figures": len(tables["figures"]),
        "events": len(tables["events"]),
        "quarantined": len(tables["quarantine"]),
        "quarantined_first": _first_quarantined(tables["quarantine"]),
        "unread": [(report["path"], report["language"]) for report in unread_reports(tables["reports"])],
        "waited_seconds": round(published.waited_seconds, 1),
    }
    context.add_output_metadata({
        "version": published.version,
        "new_release": published.created,
        "path": dg.MetadataValue.path(str(published.path)),
        "quarantined": summary["quarantined"],
        "cpu_seconds": round(cpu_seconds() - started, 2),
        "peak_rss_mb_so_far": peak_rss_mb(),
    })
    del tables
    give_back_freed_memory()
    return summary


def _nothing_to_publish(context: dg.AssetExecutionContext, quarantine, files: int) -> dict:
    """No report to publish: a release of nothing would hide the last good one behind LATEST."""
    summary = {"version": None, "path": None, "created": False, "files": files, "reports": 0, "claims": 0,
               "figures": 0, "events": 0, "quarantined": len(quarantine),
               "quarantined_first": _first_quarantined(quarantine, limit=None), "waited_seconds": 0.0}
    context.add_output_metadata({"new_release": False, "quarantined": len(quarantine), "raw_files": files,
                                 "nothing_published": "no report could be read from the raw folder"})
    return summary
