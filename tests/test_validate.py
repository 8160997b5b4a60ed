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
        "unit": "people",
        "qualifier": "exact", "hedge": None, "population": "people", "stance": "asserted", "count_type": "incident",
        "attributed_to": None, "originator": "Example Wire",
        "location": None, "place": None, "adm0": None, "adm1": None, "adm2": None, "latitude": None,
        "longitude": None, "event_date": "2020-02-01", "date_precision": "unknown", "period_start": None,
        "period_start_latest": None,
        "period_end": "2020-02-01", "period_text": None, "quote": "Three people were killed, the council said.",
        "start": 0, "end": 44, "number_text": "Three",
    }
    return {**claim, **overrides}


def period_row(**overrides) -> dict:
    """A claim of a bounded period: no event date."""
    return claim_row(**{"count_type": "period", "event_date": None, "date_precision": None, **overrides})


def validate_claims(*rows: dict):
    frame = pd.DataFrame(list(rows))
    frame["high"] = frame["high"].astype("Int64")
    return validate_table(frame, schemas.ClaimSchema, "claims", lambda r: ("a.md", r["report_id"]))


def test_claim_period_must_not_end_before_it_starts_said_once_with_the_dates():
    good, quarantined = validate_claims(period_row(period_start="2020-03-01"), claim_row(claim_id="y"))
    assert list(good["claim_id"]) == ["y"]
    assert quarantined["reason"].tolist() == [
        "fails period_is_ordered (a period does not end before it starts): "
        "period_start=2020-03-01, period_end=2020-02-01"]


def test_a_row_failing_several_checks_is_one_line_naming_each_once():
    good, quarantined = validate_claims(
        period_row(period_start="2020-03-01", high=1, metric="eaten", start=50, end=40, quote=""),
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


@pytest.mark.parametrize("row, reason", [
    (period_row(count_type="daily"), "`count_type` is daily, not one of incident, period, cumulative, stock"),
    (claim_row(date_precision="year"), "`date_precision` is year, not one of day, week, month, unknown"),
    (claim_row(date_precision=None), "fails event_date_only_for_incidents (only an incident has an event date and "
     "precision, and it has both or neither): count_type=incident, event_date=2020-02-01, date_precision=empty"),
    (period_row(period_start="2020-01-01", event_date="2020-01-05", date_precision="day"),
     "fails event_date_only_for_incidents (only an incident has an event date and precision, and it has both or "
     "neither): count_type=period, event_date=2020-01-05, date_precision=day"),
    (claim_row(period_start="2020-01-01", period_start_latest="2020-01-01"),
     "fails no_period_start_for_incidents_and_stocks (an incident or a stock counts at a date, not from a period "
     "start): count_type=incident, period_start=2020-01-01"),
    (period_row(period_start="2020-01-21", period_start_latest="2020-01-01"),
     "fails period_start_window_is_ordered (a loose start's latest day is neither before its earliest nor after "
     "the end, and there is none without a start): period_start=2020-01-21, period_start_latest=2020-01-01, "
     "period_end=2020-02-01"),
    (period_row(period_start_latest="2020-01-01"),
     "fails period_start_window_is_ordered (a loose start's latest day is neither before its earliest nor after "
     "the end, and there is none without a start): period_start=empty, period_start_latest=2020-01-01, "
     "period_end=2020-02-01"),
])
def test_a_claims_count_type_dates_and_start_window_must_agree(row, reason):
    good, quarantined = validate_claims(row, claim_row(claim_id="y"))
    assert list(good["claim_id"]) == ["y"]
    assert quarantined["reason"].tolist() == [reason]


def test_a_loose_start_window_within_its_period_passes():
    good, quarantined = validate_claims(
        period_row(count_type="cumulative", period_start="2019-04-21", period_start_latest="2019-04-30"))
    assert len(good) == 1 and quarantined.empty
