"""Claims of many reports as one table, with stable claim ids."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from pipeline.extract.claims import CLAIM_COLUMNS, ReportContext, claim_record
from pipeline.extract.language import extract_claims


def claims_table(reports: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Claims of every report, in report then text order; a report without a ``language`` is told by its text."""
    rows = []
    ordered = reports.sort_values("report_id")
    languages = ordered["language"] if "language" in ordered else [None] * len(ordered)
    columns = [ordered[column] for column in ("report_id", "published", "publisher", "location")]
    for report_id, published, publisher, location, language in zip(*columns, languages):
        context = ReportContext(
            published=dt.date.fromisoformat(published),
            publisher=publisher,
            location=location if isinstance(location, str) else None,
            language=language if isinstance(language, str) else None,
        )
        rows += [claim_record(claim, report_id) for claim in extract_claims(texts[report_id], context)]
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    table["high"] = table["high"].astype("Int64")
    return table
