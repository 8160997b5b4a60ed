"""The pipeline as assets: reports -> claims -> figures -> release."""
# Dagster reads these annotations at definition time, so they stay real types (no postponed evaluation).

import datetime as dt

import dagster as dg

import schemas
from pipeline import stages
from pipeline.ingest import Ingested
from pipeline.orchestration.metadata import table_metadata
from pipeline.orchestration.settings import PipelineSettings
from pipeline.publish import PublishBusy, publish

GROUP = "crisis_figures"


@dg.asset(group_name=GROUP, kinds={"pandas"})
def reports(context: dg.AssetExecutionContext, settings: PipelineSettings) -> Ingested:
    """Every raw file in the raw folder, hashed (SHA-256 of its bytes) and parsed into
    a report with its metadata and text. Files that cannot be read are quarantined
    with the reason; none is dropped."""
    found = stages.read_reports(settings.raw_path, dt.date.today())
    context.add_output_metadata({
        **table_metadata(found.reports, schemas.ReportSchema, ["path", "publisher", "published", "title"]),
        "files_seen": len(found.inputs),
        "quarantined": len(found.quarantine),
    })
    return found


@dg.asset(group_name=GROUP, kinds={"pandas"})
def claims(context: dg.AssetExecutionContext, reports: Ingested) -> stages.Checked:
    """Figure claims read from each report's text: metric, number, qualifier,
    population, place, period, source and stance, with the span they came from."""
    found = stages.extract_claims(reports)
    context.add_output_metadata({
        **table_metadata(found.table, schemas.ClaimSchema,
                         ["metric", "value", "qualifier", "population", "stance", "attributed_to", "number_text"]),
        "quarantined": len(found.quarantine),
    })
    return found


@dg.asset(group_name=GROUP, kinds={"pandas"})
def figures(context: dg.AssetExecutionContext, settings: PipelineSettings, reports: Ingested,
            claims: stages.Checked) -> stages.Figures:
    """Claims reconciled into figures with low, best and high, the rule that chose
    them, the claims behind them and the claims disputing them; analyst overrides
    from the overrides file are applied and recorded on each figure."""
    found = stages.reconcile_figures(claims.table, reports.reports, settings.overrides_path)
    unregistered = found.sources[~found.sources["registered"]]["source"]
    context.add_output_metadata({
        **table_metadata(found.table, schemas.FigureSchema,
                         ["metric", "population", "location", "period_start", "as_of", "low", "best", "high", "conflict"]),
        "conflicts": int(found.table["conflict"].sum()),
        "revisions": int(found.table["revision"].sum()),
        "sources_to_grade": dg.MetadataValue.md("\n".join(f"- {name}" for name in unregistered) or "none"),
        "quarantined": len(found.quarantine),
    })
    return found


@dg.asset(group_name=GROUP, kinds={"parquet", "csv"})
def release(context: dg.AssetExecutionContext, settings: PipelineSettings, reports: Ingested,
            claims: stages.Checked, figures: stages.Figures) -> dict:
    """A versioned release folder under the output folder: Parquet and CSV tables,
    datapackage.json, provenance, changelog and SHA256SUMS. Unchanged content
    publishes nothing new."""
    tables = stages.release_tables(reports, claims, figures)
    provenance = stages.provenance(reports, settings.raw_path, settings.overrides_path)
    try:
        published = publish(tables, settings.out_path, provenance)
    except PublishBusy as busy:
        raise dg.Failure(description=str(busy)) from None
    summary = {
        "version": published.version,
        "path": str(published.path),
        "created": published.created,
        "reports": len(tables["reports"]),
        "claims": len(tables["claims"]),
        "figures": len(tables["figures"]),
        "quarantined": len(tables["quarantine"]),
    }
    context.add_output_metadata({
        "version": published.version,
        "new_release": published.created,
        "path": dg.MetadataValue.path(str(published.path)),
        "quarantined": summary["quarantined"],
    })
    return summary
