"""A structured feed says what each count counts: a `unit` column, or HXL's `+hh` on a count of households."""
import datetime as dt

import pytest

from pipeline.ingest.feeds import RowError, check_record, read_feed

TODAY = dt.date(2024, 1, 1)
ROW = {"date": "2023-05-02", "location": "Idlib", "metric": "displaced", "value": "420", "source": "camp committee"}


def test_a_count_of_households_keeps_its_unit():
    assert check_record({**ROW, "unit": "households"}, TODAY)["unit"] == "households"
    assert check_record(ROW, TODAY)["unit"] == "people"


def test_an_unknown_unit_is_a_reason_to_fix():
    with pytest.raises(RowError, match="`unit` is .*tents.*, not one of people, households"):
        check_record({**ROW, "unit": "tents"}, TODAY)


def test_hxl_counts_of_households_and_of_individuals_are_told_apart():
    text = ("date,place,families,people,source\n#date,#adm1+name,#affected+idps+hh,#affected+idps+ind,#meta+source\n"
            "2023-05-02,Idlib,420,2100,camp committee\n")
    feed = read_feed(text.encode(), "csv")
    records = [check_record(record["fields"], TODAY) for record in feed.records]
    assert sorted((record["value"], record["unit"]) for record in records) == [(420, "households"), (2100, "people")]
