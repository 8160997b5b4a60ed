import pandas as pd
import pytest

import schemas
from pipeline.validate import validate_table


def report_row(**overrides) -> dict:
    row = {
        "report_id": "a" * 64, "path": "a.md", "title": "T", "publisher": "OCHA",
        "url": "https://example.org", "has_url": True, "published": "2020-02-17", "format": "markdown",
        "size": 10, "location": None, "language": "en", "text_sha256": "b" * 64,
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
    assert reasons["bad-url.md"] == "`url` is ftp://nowhere, which does not have the form ^https?://"
    assert reasons["bad-format.md"].startswith("`format` is docx, not one of ")
    assert set(quarantined["stage"]) == {"validate"}


def test_a_missing_column_is_a_pipeline_defect_not_a_quarantine():
    frame = pd.DataFrame([report_row()]).drop(columns=["title"])
    with pytest.raises(ValueError, match="does not match its schema"):
        validate_table(frame, schemas.ReportSchema, "reports", origin)


def claim_row(**overrides) -> dict:
    claim = {
        "claim_id": "x", "report_id": "a" * 64, "language": "en", "metric": "killed", "value": 3, "high": None,
        "qualifier": "exact", "hedge": None, "population": "people", "stance": "asserted",
        "attributed_to": None,
        "location": None, "place": None, "adm0": None, "adm1": None, "period_start": None,
        "period_end": "2020-02-01", "period_text": None, "quote": "Three people were killed, the council said.",
        "start": 0, "end": 44, "number_text": "Three",
    }
    return {**claim, **overrides}


def validate_claims(*rows: dict):
    frame = pd.DataFrame(list(rows))
    frame["high"] = frame["high"].astype("Int64")
    return validate_table(frame, schemas.ClaimSchema, "claims", lambda r: ("a.md", r["report_id"]))


def test_claim_period_must_not_end_before_it_starts_said_once_with_the_dates():
    good, quarantined = validate_claims(claim_row(period_start="2020-03-01"), claim_row(claim_id="y"))
    assert list(good["claim_id"]) == ["y"]
    assert quarantined["reason"].tolist() == [
        "fails period_is_ordered (a period does not end before it starts): "
        "period_start=2020-03-01, period_end=2020-02-01"]


def test_a_row_failing_several_checks_is_one_line_naming_each_once():
    good, quarantined = validate_claims(
        claim_row(period_start="2020-03-01", high=1, metric="eaten", start=50, end=40, quote=""),
        claim_row(claim_id="y"))
    assert list(good["claim_id"]) == ["y"]
    assert len(quarantined) == 1
    reason = quarantined.iloc[0]["reason"]
    assert reason == "; ".join([
        "`metric` is eaten, not one of killed, injured, displaced, refugees, returned, missing, detained",
        "`quote` is empty",
        "fails high_not_below_value (a range's upper end is not below its lower end): value=3, high=1",
        "fails period_is_ordered (a period does not end before it starts): "
        "period_start=2020-03-01, period_end=2020-02-01",
        "fails quote_span_is_ordered (a quote ends after it starts): start=50, end=40",
    ])
    assert "\n" not in reason and "claim_id" not in reason and "report_id" not in reason
