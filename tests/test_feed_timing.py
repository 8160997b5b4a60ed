"""A feed row states its span of time by its dates: an event date, a period, a start, or only the date it counts to."""
import pytest

from conftest import TODAY
from pipeline.ingest import ingest
from pipeline.ingest.feeds import RowError, check_record

TIMING = ("count_type", "event_date", "date_precision", "period_start", "period_start_latest", "period_end")


def row(**fields) -> dict:
    return {"date": "2021-03-11", "location": "Idlib", "metric": "killed", "value": "12", "source": "A monitor",
            **fields}


@pytest.mark.parametrize("fields, timing", [
    ({"event_date": "2021-03-09"}, ("incident", "2021-03-09", "day", None, None, "2021-03-11")),
    ({"period_start": "2021-03-01", "period_end": "2021-03-07"},
     ("period", None, None, "2021-03-01", "2021-03-01", "2021-03-07")),
    ({"period_start": "2021-01-01"}, ("cumulative", None, None, "2021-01-01", "2021-01-01", "2021-03-11")),
    ({}, ("incident", "2021-03-11", "unknown", None, None, "2021-03-11")),  # killed on or before the date
    ({"metric": "displaced"}, ("stock", None, None, None, None, "2021-03-11")),  # displaced as they stand
    ({"count_type": "cumulative"}, ("cumulative", None, None, None, None, "2021-03-11")),  # a war's toll
    ({"count_type": "Stock", "metric": "detained"}, ("stock", None, None, None, None, "2021-03-11")),
])
def test_a_rows_dates_give_its_count_type(fields, timing):
    claim = check_record(row(**fields), TODAY)
    assert tuple(claim[name] for name in TIMING) == timing


@pytest.mark.parametrize("fields, reason", [
    ({"count_type": "weekly"}, "`count_type` is 'weekly', not one of incident, period, cumulative, stock"),
    ({"period_end": "2021-03-07"}, "`period_end` 2021-03-07 needs a `period_start` on or before it"),
    ({"period_start": "2021-03-08", "period_end": "2021-03-07"},
     "`period_end` 2021-03-07 needs a `period_start` on or before it (it is 2021-03-08)"),
    ({"event_date": "2021-03-12"}, "`event_date` 2021-03-12 is after `date` 2021-03-11"),
    ({"event_date": "2021-03-09", "period_start": "2021-03-01"},
     "a row gives an `event_date` (an incident) or a `period_start` (a period), not both"),
    ({"count_type": "incident", "period_start": "2021-03-01"},
     "`count_type` is incident, but the row's dates make it cumulative (an incident has an `event_date`, a period "
     "a `period_start` and `period_end`, a running total a `period_start` only)"),
    ({"count_type": "period"},
     "`count_type` is period, but the row's dates make it incident (an incident has an `event_date`, a period "
     "a `period_start` and `period_end`, a running total a `period_start` only)"),
])
def test_a_row_whose_dates_disagree_is_refused_with_a_reason(fields, reason):
    with pytest.raises(RowError) as refused:
        check_record(row(**fields), TODAY)
    assert str(refused.value).replace('"', "'") == reason


def test_hxl_tags_give_the_event_date_and_the_end_of_a_period(raw_dir):
    (raw_dir / "hxl.csv").write_text(
        "Date,Occurred,Start,End,Place,Killed,Source\n"
        "#date+reported,#date+occurred,#date+start,#date+end,#adm1+name,#affected+killed,#meta+source\n"
        "2021-03-11,2021-03-09,,,Idlib,12,A monitor\n"
        "2021-03-11,,2021-03-01,2021-03-07,Idlib,40,A monitor\n", encoding="utf-8")
    (raw_dir / "hxl.csv.meta.yaml").write_text("publisher: A monitor\npublished: 2021-03-11\n", encoding="utf-8")
    claims = ingest(raw_dir, TODAY).feed_claims[["value", *TIMING]].astype(object)
    assert claims.where(claims.notna(), None).values.tolist() == [
        [12, "incident", "2021-03-09", "day", None, None, "2021-03-11"],
        [40, "period", None, None, "2021-03-01", "2021-03-01", "2021-03-07"]]
