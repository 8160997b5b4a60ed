"""Claims of many reports as one table, with stable claim ids."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pandas as pd

from pipeline.extract.claims import ReportContext, extract_claims

CLAIM_COLUMNS = [
    "claim_id", "report_id", "metric", "value", "high", "qualifier", "hedge", "population", "stance",
    "attributed_to", "location", "place", "adm0", "adm1", "period_start", "period_end",
    "period_text", "quote", "start", "end", "number_text",
]


def claim_id(report_id: str, number_start: int, metric: str, population: str, stance: str) -> str:
    key = f"{report_id}:{number_start}:{metric}:{population}:{stance}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def claims_table(reports: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Claims of every report, in report then text order."""
    rows = []
    for report in reports.sort_values("report_id").itertuples(index=False):
        context = ReportContext(
            published=dt.date.fromisoformat(report.published),
            publisher=report.publisher,
            location=report.location if isinstance(report.location, str) else None,
        )
        for claim in extract_claims(texts[report.report_id], context):
            row = dataclasses.asdict(claim)
            number_start = row.pop("number_start")
            row["claim_id"] = claim_id(report.report_id, number_start, claim.metric, claim.population, claim.stance)
            row["report_id"] = report.report_id
            rows.append(row)
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    table["high"] = table["high"].astype("Int64")
    return table
