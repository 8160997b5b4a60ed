"""Asset checks: what must hold of each table before anyone downloads it."""

from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline import stages
from pipeline.ingest import Ingested
from pipeline.orchestration.assets import claims, figures, release, reports
from pipeline.orchestration.settings import PipelineSettings
from pipeline.publish.verify import verify_release

EVERY_FILE_ACCOUNTED_FOR = "every_raw_file_accounted_for"
QUOTES_MATCH_TEXT = "quotes_match_report_text"
FIGURES_CONSISTENT = "bounds_ordered_and_claims_resolve"
RELEASE_VERIFIES = "release_verifies"


@dg.asset_check(asset=reports, name=EVERY_FILE_ACCOUNTED_FOR)
def every_raw_file_accounted_for(reports: Ingested) -> dg.AssetCheckResult:
    """Reports plus quarantined files equal the files found in the raw folder."""
    files = len(reports.inputs)
    whole_files = reports.quarantine[reports.quarantine["table"] == "reports"]["path"].nunique()
    accounted = len(reports.reports) + whole_files
    return dg.AssetCheckResult(passed=files == accounted,
                               metadata={"files": files, "reports": len(reports.reports),
                                         "quarantined_files": whole_files,
                                         "quarantined_feed_rows": int((reports.quarantine["table"] == "claims").sum())})


@dg.asset_check(asset=claims, name=QUOTES_MATCH_TEXT, additional_ins={"reports": dg.AssetIn("reports")})
def quotes_match_report_text(claims: stages.Checked, reports: Ingested) -> dg.AssetCheckResult:
    """Each claim's quote is its report's text at its span and holds its number as written."""
    bad = [
        row.claim_id for row in claims.table.itertuples()
        if reports.texts.get(row.report_id, "")[row.start:row.end] != row.quote or row.number_text not in row.quote
    ]
    return dg.AssetCheckResult(passed=not bad, metadata={"mismatched": len(bad), "examples": ", ".join(bad[:5])})


@dg.asset_check(asset=figures, name=FIGURES_CONSISTENT, additional_ins={"claims": dg.AssetIn("claims")})
def bounds_ordered_and_claims_resolve(figures: stages.Figures, claims: stages.Checked) -> dg.AssetCheckResult:
    """low <= best <= high on every figure, and every claim id it names exists."""
    known = set(claims.table["claim_id"])
    bad = []
    for row in figures.table.itertuples():
        ordered = row.low <= row.best and (pd.isna(row.high) or row.best <= row.high)
        resolved = all(c in known for c in [*row.claim_ids, *row.disputed_by])
        if not (ordered and resolved):
            bad.append(row.figure_id)
    return dg.AssetCheckResult(passed=not bad, metadata={"failing": len(bad), "examples": ", ".join(bad[:5])})


@dg.asset_check(asset=release, name=RELEASE_VERIFIES)
def release_verifies(settings: PipelineSettings, release: dict) -> dg.AssetCheckResult:
    """The published folder passes `figures verify`: checksums, references, raw bytes."""
    problems = verify_release(Path(release["path"]), settings.raw_path)
    return dg.AssetCheckResult(passed=not problems,
                               metadata={"problems": len(problems), "first": problems[0] if problems else ""})


CHECKS = [every_raw_file_accounted_for, quotes_match_report_text, bounds_ordered_and_claims_resolve, release_verifies]
