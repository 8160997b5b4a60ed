import pandas as pd
import pytest

import schemas
from pipeline.validate import validate_table


def report_row(**overrides) -> dict:
    row = {
        "report_id": "a" * 64, "path": "a.md", "title": "T", "publisher": "OCHA",
        "url": "https://example.org", "published": "2020-02-17", "format": "markdown",
        "size": 10, "location": None, "text_sha256": "b" * 64,
    }
    return {**row, **overrides}


def origin(row):
    return row["path"], row["report_id"]


def test_failing_rows_are_quarantined_with_reasons_and_good_rows_kept():
    frame = pd.DataFrame([
        report_row(),
        report_row(report_id="c" * 64, path="bad-url.md", url="ftp://nowhere"),
        report_row(report_id="d" * 64, path="bad-format.md", format="docx"),
    ])
    good, quarantined = validate_table(frame, schemas.ReportSchema, "reports", origin)
    assert list(good["path"]) == ["a.md"]
    reasons = dict(zip(quarantined["path"], quarantined["reason"]))
    assert "column `url`" in reasons["bad-url.md"] and "ftp://nowhere" in reasons["bad-url.md"]
    assert "column `format`" in reasons["bad-format.md"]
    assert set(quarantined["stage"]) == {"validate"}


def test_a_missing_column_is_a_pipeline_defect_not_a_quarantine():
    frame = pd.DataFrame([report_row()]).drop(columns=["title"])
    with pytest.raises(ValueError, match="does not match its schema"):
        validate_table(frame, schemas.ReportSchema, "reports", origin)


def test_claim_period_must_not_end_before_it_starts():
    claim = {
        "claim_id": "x", "report_id": "a" * 64, "metric": "killed", "value": 3, "high": None,
        "qualifier": "exact", "hedge": None, "population": "people", "stance": "asserted",
        "attributed_to": None,
        "location": None, "place": None, "adm0": None, "adm1": None, "period_start": "2020-03-01",
        "period_end": "2020-02-01", "period_text": None, "quote": "3 killed", "start": 0, "end": 8, "number_text": "3",
    }
    frame = pd.DataFrame([claim])
    frame["high"] = frame["high"].astype("Int64")
    good, quarantined = validate_table(frame, schemas.ClaimSchema, "claims", lambda r: ("a.md", r["report_id"]))
    assert good.empty
    assert "period_is_ordered" in quarantined.iloc[0]["reason"]
